package com.internhire.platform.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.internhire.platform.DomainException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves the API as RFC 9457 problem details with a field-level message
 * where one applies; never a stack trace, never internals.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  private final long maxBody;

  ProblemDetailsAdvice(
      @org.springframework.beans.factory.annotation.Value("${hiring.api.max-body-size:64KB}")
          org.springframework.util.unit.DataSize maxBody) {
    this.maxBody = maxBody.toBytes();
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    for (Throwable t = ex; t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof RequestLimits.BodyTooLarge) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(RequestLimits.problem(maxBody));
      }
    }
    String detail;
    String field = null;
    Throwable cause = jacksonCause(ex);
    if (cause instanceof UnrecognizedPropertyException unknown) {
      field = path(unknown);
      detail = "Unknown field '" + field + "'.";
    } else if (cause instanceof InvalidFormatException invalid) {
      field = path(invalid);
      detail = "Field '" + field + "' has a value of the wrong type or format"
          + (invalid.getTargetType() != null ? " (expected " + describe(invalid.getTargetType()) + ")." : ".");
    } else if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
      field = path(mismatched);
      detail = "Field '" + field + "' has a value of the wrong type.";
    } else if (cause instanceof JsonParseException || cause instanceof JsonMappingException) {
      detail = "The request body is not well-formed JSON.";
    } else {
      detail = "The request body is missing or unreadable.";
    }
    ProblemDetail problem =
        ApiProblem.problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail, Map.of());
    if (field != null) {
      problem.setProperty("errors", List.of(new DomainException.FieldError(field, detail)));
    }
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<DomainException.FieldError> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(e -> new DomainException.FieldError(fieldName(e.getField()), e.getDefaultMessage()))
            .sorted(Comparator.comparing(DomainException.FieldError::field))
            .toList();
    String detail =
        errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    ProblemDetail problem =
        ApiProblem.problem(
            HttpStatus.UNPROCESSABLE_ENTITY, "invalid-request", "Invalid request", detail, Map.of("errors", errors));
    return ResponseEntity.unprocessableEntity().body(problem);
  }

  /** A refusal a service gave in the domain's words. */
  @ExceptionHandler(DomainException.class)
  ResponseEntity<ProblemDetail> refused(DomainException refusal) {
    return ResponseEntity.status(ApiProblem.statusOf(refusal.kind())).body(ApiProblem.of(refusal));
  }

  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    CannotCreateTransactionException.class,
    TransientDataAccessException.class
  })
  ResponseEntity<ProblemDetail> unavailable(Exception ex) {
    log.warn("Database unavailable: {}", ex.getClass().getSimpleName());
    ProblemDetail problem =
        ApiProblem.problem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "service-unavailable",
            "Service unavailable",
            "The service cannot store requests right now. Nothing was saved; please try again shortly.",
            Map.of());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
  }

  @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
  void rethrowSecurity(Exception ex) throws Exception {
    throw ex; // handled by Spring Security's entry point / access-denied handler
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception ex) {
    log.error("Unexpected error", ex);
    ProblemDetail problem =
        ApiProblem.problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal-error",
            "Internal error",
            "The request could not be completed. It has been logged.",
            Map.of());
    return ResponseEntity.internalServerError().body(problem);
  }

  /** The outermost Jackson exception: it knows the field path (its own cause may not). */
  private static Throwable jacksonCause(Throwable ex) {
    for (Throwable t = ex.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof JsonMappingException || t instanceof JsonParseException) {
        return t;
      }
    }
    return ex;
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String fieldName(String bindingPath) {
    return bindingPath;
  }

  private static String describe(Class<?> type) {
    if (type.isEnum()) {
      return "one of " + java.util.Arrays.toString(type.getEnumConstants());
    }
    if (type == java.time.LocalDate.class) {
      return "a date like 2026-05-11";
    }
    return type.getSimpleName();
  }
}

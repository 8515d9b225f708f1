package com.internhire.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An RFC 9457 problem the API answers with. The {@code type} is a stable, relative URI
 * ({@code /problems/<slug>}) a career site can switch on.
 */
public class ApiProblem extends ErrorResponseException {

  public ApiProblem(HttpStatusCode status, String slug, String title, String detail) {
    this(status, slug, title, detail, Map.of());
  }

  public ApiProblem(
      HttpStatusCode status, String slug, String title, String detail, Map<String, Object> properties) {
    super(status, problem(status, slug, title, detail, properties), null);
  }

  public static ProblemDetail problem(
      HttpStatusCode status, String slug, String title, String detail, Map<String, Object> properties) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("/problems/" + slug));
    problem.setTitle(title);
    properties.forEach(problem::setProperty);
    return problem;
  }

  public static ApiProblem invalid(String field, String message) {
    return new ApiProblem(
        HttpStatus.UNPROCESSABLE_ENTITY,
        "invalid-request",
        "Invalid request",
        field + ": " + message,
        Map.of("errors", List.of(new FieldError(field, message))));
  }

  public static ApiProblem conflict(String slug, String title, String detail) {
    return new ApiProblem(HttpStatus.CONFLICT, slug, title, detail);
  }

  public static ApiProblem positionNotFound(String positionId) {
    return new ApiProblem(
        HttpStatus.NOT_FOUND,
        "position-not-found",
        "Position not found",
        "There is no open position with id " + positionId + ".",
        Map.of("errors", List.of(new FieldError("positionId", "unknown position"))));
  }

  public static ApiProblem notFound(String what, Object id) {
    return new ApiProblem(
        HttpStatus.NOT_FOUND, what + "-not-found", "Not found", "No " + what + " with id " + id + ".");
  }

  public static ApiProblem forbidden(String detail) {
    return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
  }

  /** One field-level message. */
  public record FieldError(String field, String message) {}
}

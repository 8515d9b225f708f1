package com.internhire.platform.web;

import java.net.URI;
import java.util.Map;
import com.internhire.platform.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An RFC 9457 problem the API answers with. The {@code type} is a stable, relative URI
 * ({@code /problems/<slug>}) a career site can switch on. Services throw
 * {@link DomainException}; this is the web edge's own (request limits, security, the advice
 * that maps a {@link DomainException} to its problem).
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

  /** The problem a domain refusal is answered with. */
  static ProblemDetail of(DomainException refusal) {
    return problem(statusOf(refusal.kind()), refusal.code(), refusal.title(), refusal.getMessage(), refusal.properties());
  }

  static HttpStatus statusOf(DomainException.Kind kind) {
    return switch (kind) {
      case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
      case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
    };
  }
}

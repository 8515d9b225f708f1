package com.internhire.platform;

import java.util.List;
import java.util.Map;

/**
 * A request the domain refuses, said in the domain's words: what kind of refusal, a stable
 * code a client can switch on, a title and a detail for people. Services throw it and know
 * nothing of HTTP; the web edge ({@code platform.web}) answers it as an RFC 9457 problem whose
 * {@code type} is {@code /problems/<code>}. Its messages never carry personal data.
 */
public class DomainException extends RuntimeException {

  /** What kind of refusal it is. */
  public enum Kind {
    /** The request breaks a rule on its content (a field, a date). */
    INVALID,
    /** What the request names does not exist. */
    NOT_FOUND,
    /** The state of things does not allow it now (a stage, a limit, someone else's claim). */
    CONFLICT,
    /** The caller proved no identity where one is needed. */
    UNAUTHENTICATED,
    /** The caller may not do this. */
    FORBIDDEN
  }

  /** One field-level message. */
  public record FieldError(String field, String message) {}

  private final Kind kind;
  private final String code;
  private final String title;
  private final Map<String, Object> properties;

  public DomainException(Kind kind, String code, String title, String detail) {
    this(kind, code, title, detail, Map.of());
  }

  public DomainException(Kind kind, String code, String title, String detail, Map<String, Object> properties) {
    super(detail, null, false, false);
    this.kind = kind;
    this.code = code;
    this.title = title;
    this.properties = Map.copyOf(properties);
  }

  public static DomainException invalid(String field, String message) {
    return new DomainException(
        Kind.INVALID,
        "invalid-request",
        "Invalid request",
        field + ": " + message,
        Map.of("errors", List.of(new FieldError(field, message))));
  }

  public static DomainException conflict(String code, String title, String detail) {
    return new DomainException(Kind.CONFLICT, code, title, detail);
  }

  public static DomainException notFound(String what, Object id) {
    return new DomainException(Kind.NOT_FOUND, what + "-not-found", "Not found", "No " + what + " with id " + id + ".");
  }

  public static DomainException positionNotFound(String positionId) {
    return new DomainException(
        Kind.NOT_FOUND,
        "position-not-found",
        "Position not found",
        "There is no open position with id " + positionId + ".",
        Map.of("errors", List.of(new FieldError("positionId", "unknown position"))));
  }

  public static DomainException forbidden(String detail) {
    return new DomainException(Kind.FORBIDDEN, "forbidden", "Forbidden", detail);
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public Map<String, Object> properties() {
    return properties;
  }
}

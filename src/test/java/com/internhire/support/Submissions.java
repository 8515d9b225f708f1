package com.internhire.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Submission bodies as a career site sends them; each call a new candidate unless told. */
public final class Submissions {

  public static final String POSITION = "ds-ltv-intern-2026";

  private Submissions() {}

  public static String freshEmail() {
    return "cand-" + UUID.randomUUID() + "@example.edu";
  }

  /** A strong, fitting candidate (the README's example). */
  public static Map<String, Object> strong(String email) {
    return strong(email, POSITION);
  }

  public static Map<String, Object> strong(String email, String positionId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("positionId", positionId);
    body.put("candidate", new LinkedHashMap<>(Map.of("name", "Ada Li", "email", email, "phone", "+1 555 0100")));
    body.put(
        "education",
        new LinkedHashMap<>(Map.of("level", "MASTER", "field", "Statistics", "enrolled", true, "expectedGraduation", "2027-06")));
    body.put(
        "experience",
        List.of(Map.of("kind", "INTERNSHIP", "domain", "DATA", "title", "Analytics intern", "months", 3)));
    body.put("skills", List.of("SQL", "Python", "Tableau"));
    body.put("englishLevel", "BUSINESS");
    body.put("availability", new LinkedHashMap<>(Map.of("start", "2026-05-11", "end", "2026-08-28")));
    body.put("privacyPolicy", new LinkedHashMap<>(Map.of("accepted", true, "version", "2026-01")));
    return body;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> with(Map<String, Object> body, String path, Object value) {
    String[] parts = path.split("\\.");
    Map<String, Object> target = body;
    for (int i = 0; i < parts.length - 1; i++) {
      target = (Map<String, Object>) target.get(parts[i]);
    }
    if (value == null) {
      target.remove(parts[parts.length - 1]);
    } else {
      target.put(parts[parts.length - 1], value);
    }
    return body;
  }
}

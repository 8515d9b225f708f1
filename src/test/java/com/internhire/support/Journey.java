package com.internhire.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** Drives applications through the service over HTTP, as people and a career site would. */
public final class Journey {

  private final Api api;

  public Journey(Api api) {
    this.api = api;
  }

  public record Submitted(String id, String token) {}

  public Submitted submit(Map<String, Object> body) {
    Api.Response response = api.post("/api/applications", body);
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return new Submitted(response.body().path("applicationId").asText(), response.body().path("candidateToken").asText());
  }

  public String status(String id) {
    return api.as("auditor").get("/api/applications/" + id).body().path("status").asText();
  }

  public JsonNode view(String id) {
    return api.as("auditor").get("/api/applications/" + id).body();
  }

  public String awaitStatus(String id, String status) {
    return Eventually.until("application " + id + " to be " + status, () -> status(id), status::equals);
  }

  /** Waits for an open task of the application at this element in the user's inbox. */
  public JsonNode task(String user, String applicationId, String elementId) {
    return Eventually.until(
            "task " + elementId + " for " + user,
            () -> find(api.as(user).get("/api/tasks").body(), applicationId, elementId),
            Optional::isPresent)
        .orElseThrow();
  }

  public void complete(String user, String applicationId, String elementId, Map<String, Object> answers) {
    JsonNode task = task(user, applicationId, elementId);
    Api.Response done = api.as(user).post("/api/tasks/" + task.path("id").asText() + "/complete", answers);
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
  }

  /** Review, two interviews and the hiring decision: the application waits for offer approval. */
  public void throughInterviews(String id, String startDate) {
    complete("recruiter", id, "Task_ReviewApplication", Map.of("decision", "ADVANCE"));
    for (int i = 0; i < 2; i++) {
      complete("interviewer", id, "Task_Interview", scorecard("HIRE"));
    }
    complete("manager", id, "Task_HiringDecision", Map.of("decision", "HIRE", "startDate", startDate));
  }

  public static Map<String, Object> scorecard(String recommendation) {
    return Map.of(
        "analytics", "4", "technical", "5", "communication", "4", "problemSolving", "4",
        "recommendation", recommendation, "comments", "Clear thinker.");
  }

  private static Optional<JsonNode> find(JsonNode tasks, String applicationId, String elementId) {
    return StreamSupport.stream(tasks.spliterator(), false)
        .filter(t -> t.path("applicationId").asText().equals(applicationId))
        .filter(t -> t.path("elementId").asText().equals(elementId))
        .findFirst();
  }
}

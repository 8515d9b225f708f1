package com.internhire.platform.security;

import static com.internhire.support.Submissions.freshEmail;
import static com.internhire.support.Submissions.strong;
import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.support.Api;
import com.internhire.support.Journey;
import com.internhire.support.ServiceTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every endpoint × every actor: anonymous, the candidate with their own token, a candidate
 * with another's token, recruiter, hiring manager, process owner, auditor. Allowed calls
 * work; the others get 401/403 (or the stage's 409) and change nothing.
 */
class AccessMatrixTest extends ServiceTest {

  private static final List<String> ACTORS = List.of("anonymous", "own", "other", "recruiter", "manager", "owner", "auditor");

  @Autowired JdbcClient jdbc;

  record Call(String method, String path, Object body, Map<String, Integer> expected) {}

  @Test
  void everyEndpointAnswersEveryActorAsItsRolesAllow() {
    Journey journey = new Journey(api());
    Journey.Submitted mine = journey.submit(strong(freshEmail()));
    Journey.Submitted theirs = journey.submit(strong(freshEmail()));
    String app = "/api/applications/" + mine.id();
    String task = "/api/tasks/" + journey.task("recruiter", mine.id(), "Task_ReviewApplication").path("id").asText();
    String newPosition = "pos-" + UUID.randomUUID().toString().substring(0, 8);

    List<Call> calls =
        List.of(
            call("GET", "/api/positions", null, 200, 200, 200, 200, 200, 200, 200),
            call("GET", app, null, 401, 200, 403, 200, 200, 200, 200),
            call("GET", app + "/history", null, 401, 401, 401, 200, 403, 403, 200),
            call("GET", app + "/personal-data", null, 401, 200, 403, 401, 401, 401, 401),
            call("DELETE", app + "/personal-data", null, 401, 409, 403, 401, 401, 401, 401),
            call("POST", app + "/offer-response", Map.of("accept", true), 401, 409, 403, 401, 401, 401, 401),
            call("POST", app + "/start-date", Map.of("startDate", "2026-05-11"), 401, 409, 403, 401, 401, 401, 401),
            call("POST", app + "/availability", Map.of("start", "2026-05-11", "end", "2026-08-28"), 401, 409, 403, 401, 401, 401, 401),
            call("POST", app + "/withdraw", Map.of(), 401, -1, 403, 401, 401, 401, 401),
            call("GET", "/api/tasks", null, 401, 401, 401, 200, 200, 200, 200),
            call("GET", task, null, 401, 401, 401, 200, 403, 200, 200),
            call("GET", task + "/form", null, 401, 401, 401, 200, 403, 200, 200),
            call("POST", task + "/complete", Map.of("decision", "ADVANCE"), 401, 401, 401, -1, 403, 403, 403),
            call("POST", "/api/positions", position(newPosition), 401, 401, 401, 403, 403, 201, 403),
            call("POST", "/api/process-migrations", Map.of(), 401, 401, 401, 403, 403, 422, 403),
            call("GET", "/actuator/health", null, 200, 200, 200, 200, 200, 200, 200),
            call("GET", "/actuator/prometheus", null, 200, 200, 200, 200, 200, 200, 200));

    List<String> wrong = new ArrayList<>();
    for (Call call : calls) {
      for (String actor : ACTORS) {
        int expected = call.expected().get(actor);
        if (expected < 0) {
          continue; // allowed and state-changing: done below, after every refusal
        }
        Api.Response response = send(as(actor, mine, theirs), call);
        if (response.status() != expected) {
          wrong.add(call.method() + " " + call.path() + " as " + actor + ": expected " + expected + ", got " + response);
        }
        if (response.status() >= 400) {
          assertThat(response.header("Content-Type")).as(call.path() + " as " + actor).startsWith("application/problem+json");
        }
      }
    }
    assertThat(wrong).isEmpty();

    assertThat(journey.status(mine.id())).as("refused calls change nothing").isEqualTo("IN_REVIEW");
    assertThat(jdbc.sql("select count(*) from user_task where application_id = cast(:id as uuid) and state = 'OPEN'")
            .param("id", mine.id()).query(Integer.class).single())
        .isEqualTo(1);
    assertThat(api().as("owner").post("/api/positions", position(newPosition)).status()).as("created once").isEqualTo(409);

    Api.Response completed = api().as("recruiter").post(task + "/complete", Map.of("decision", "ADVANCE"));
    assertThat(completed.status()).isEqualTo(204);
    journey.awaitStatus(mine.id(), "INTERVIEWING");
    Api.Response withdrawn = api().withToken(mine.token()).post(app + "/withdraw", Map.of());
    assertThat(withdrawn.status()).isEqualTo(200);
  }

  private Api as(String actor, Journey.Submitted mine, Journey.Submitted theirs) {
    return switch (actor) {
      case "anonymous" -> api();
      case "own" -> api().withToken(mine.token());
      case "other" -> api().withToken(theirs.token());
      default -> api().as(actor);
    };
  }

  private static Api.Response send(Api api, Call call) {
    return switch (call.method()) {
      case "GET" -> api.get(call.path());
      case "DELETE" -> api.delete(call.path());
      default -> api.post(call.path(), call.body());
    };
  }

  private static Call call(String method, String path, Object body, int... expected) {
    Map<String, Integer> byActor = new LinkedHashMap<>();
    for (int i = 0; i < ACTORS.size(); i++) {
      byActor.put(ACTORS.get(i), expected[i]);
    }
    return new Call(method, path, body, byActor);
  }

  private static Map<String, Object> position(String id) {
    return Map.of("id", id, "title", "Analytics Intern", "cohortStartDates", List.of("2026-05-11"), "weeks", 12, "headcount", 3);
  }
}

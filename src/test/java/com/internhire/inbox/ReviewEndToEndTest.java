package com.internhire.inbox;

import static com.internhire.support.Submissions.freshEmail;
import static com.internhire.support.Submissions.strong;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.internhire.support.Api;
import com.internhire.support.Eventually;
import com.internhire.support.ServiceTest;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Submit over HTTP, review in the inbox over HTTP, and see the instance end on the chosen path. */
class ReviewEndToEndTest extends ServiceTest {

  @Autowired ZeebeTestEngine engine;
  @Autowired JdbcClient jdbc;

  @Test
  void anAdvancedApplicationGoesToInterviews() {
    String id = submit();
    JsonNode task = reviewTaskFor(id);
    assertThat(task.path("name").asText()).isEqualTo("Review application");
    assertThat(task.path("formId").asText()).isEqualTo("review-application");
    assertThat(task.path("candidateGroups").get(0).asText()).isEqualTo("recruiters");
    // The README's candidate: SQL, Python, Tableau, business English, a master's, a data
    // internship, a whole cohort window: meets the minimum, scores 75, ranks highest.
    assertThat(task.path("priority").asInt()).isEqualTo(90);
    assertThat(task.path("dueAt").asText()).isNotBlank();
    assertThat(statusOf(id)).isEqualTo("IN_REVIEW");

    Api.Response completed =
        api().as("recruiter").post("/api/tasks/" + task.path("id").asText() + "/complete",
            Map.of("decision", "ADVANCE", "notes", "Strong SQL and a data internship."));
    assertThat(completed.status()).as(completed.toString()).isEqualTo(204);

    Eventually.until("application advanced", () -> statusOf(id), "INTERVIEWING"::equals);
    assertThat(api().as("recruiter").get("/api/tasks").body().findValuesAsText("applicationId")).doesNotContain(id);
    Eventually.until(
        "two interview tasks",
        () -> StreamSupport.stream(api().as("interviewer").get("/api/tasks").body().spliterator(), false)
            .filter(t -> t.path("applicationId").asText().equals(id))
            .map(t -> t.path("formId").asText())
            .toList(),
        forms -> forms.size() == 2 && forms.stream().allMatch("interview-scorecard"::equals));

    // Every status change has its row, those made by screening and by a task opening included.
    var actions =
        jdbc.sql(
                """
                select action || coalesce(' ' || cast(rule_id as varchar), '') from audit_event
                 where application_id = cast(:id as uuid) order by id
                """)
            .param("id", id).query(String.class).list();
    var changes =
        jdbc.sql("select details from audit_event where application_id = cast(:id as uuid) and action = 'STATUS_CHANGED' order by id")
            .param("id", id).query(String.class).list();
    assertThat(actions)
        .containsExactly("SUBMITTED", "SCREENED screening", "STATUS_CHANGED", "STATUS_CHANGED", "TASK_COMPLETED", "STATUS_CHANGED");
    assertThat(changes).hasSize(3);
    assertThat(changes.get(0)).contains("\"to\":\"SCREENED\"");
    assertThat(changes.get(1)).contains("\"to\":\"IN_REVIEW\"", "\"element\":\"Task_ReviewApplication\"");
    assertThat(changes.get(2)).contains("\"to\":\"INTERVIEWING\"");
    var screened = jdbc.sql("select rule_id, rule_version from audit_event where application_id = cast(:id as uuid) and action = 'SCREENED'")
        .param("id", id).query((rs, n) -> rs.getString(1) + "@" + rs.getString(2)).single();
    assertThat(screened).matches("screening@\\d+");
    var reviewer = jdbc.sql("select actor from audit_event where application_id = cast(:id as uuid) and action = 'TASK_COMPLETED'")
        .param("id", id).query(String.class).single();
    assertThat(reviewer).isEqualTo("recruiter");
  }

  @Test
  void rejectedApplicationEndsRejectedAndTheCandidateIsToldOnce() {
    String id = submit();
    JsonNode task = reviewTaskFor(id);

    Api.Response completed =
        api().as("recruiter").post("/api/tasks/" + task.path("id").asText() + "/complete", Map.of("decision", "REJECT"));
    assertThat(completed.status()).as(completed.toString()).isEqualTo(204);

    Eventually.until("application rejected", () -> statusOf(id), "REJECTED"::equals);
    assertThat(endEventOf(id)).contains("EndEvent_ApplicationRejected");
    assertThat(jdbc.sql("select template from candidate_message where application_id = cast(:id as uuid)")
            .param("id", id).query(String.class).list())
        .containsExactly("application-rejected");
  }

  @Test
  void theFormIsValidatedAsItSays() {
    String id = submit();
    String taskId = reviewTaskFor(id).path("id").asText();

    Api.Response missing = api().as("recruiter").post("/api/tasks/" + taskId + "/complete", Map.of("notes", "?"));
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.body().path("errors").findValuesAsText("field")).contains("decision");

    Api.Response wrongValue = api().as("recruiter").post("/api/tasks/" + taskId + "/complete", Map.of("decision", "MAYBE"));
    assertThat(wrongValue.status()).isEqualTo(422);

    Api.Response unknownField =
        api().as("recruiter").post("/api/tasks/" + taskId + "/complete", Map.of("decision", "ADVANCE", "score", 100));
    assertThat(unknownField.status()).isEqualTo(422);
    assertThat(unknownField.body().path("errors").findValuesAsText("field")).contains("score");

    assertThat(statusOf(id)).isEqualTo("IN_REVIEW");
  }

  @Test
  void auditorsAndProcessOwnersReadTasksButCompleteNone() {
    String id = submit();
    String taskId = reviewTaskFor(id).path("id").asText();

    assertThat(api().as("auditor").get("/api/tasks").body().findValuesAsText("applicationId")).contains(id);
    assertThat(api().as("auditor").post("/api/tasks/" + taskId + "/complete", Map.of("decision", "ADVANCE")).status())
        .isEqualTo(403);
    assertThat(api().as("owner").post("/api/tasks/" + taskId + "/complete", Map.of("decision", "ADVANCE")).status())
        .isEqualTo(403);
    assertThat(api().as("manager").post("/api/tasks/" + taskId + "/complete", Map.of("decision", "ADVANCE")).status())
        .as("a task of another group").isEqualTo(403);
    assertThat(api().get("/api/tasks").status()).isEqualTo(401);
    assertThat(api().as("manager").get("/api/tasks").body().findValuesAsText("applicationId")).doesNotContain(id);
    assertThat(statusOf(id)).isEqualTo("IN_REVIEW");
  }

  @Test
  void aCompletedTaskCannotBeCompletedAgain() {
    String id = submit();
    String taskId = reviewTaskFor(id).path("id").asText();
    assertThat(api().as("recruiter").post("/api/tasks/" + taskId + "/complete", Map.of("decision", "ADVANCE")).status())
        .isEqualTo(204);
    Api.Response again = api().as("recruiter").post("/api/tasks/" + taskId + "/complete", Map.of("decision", "REJECT"));
    assertThat(again.status()).isEqualTo(409);
    Eventually.until("application advanced", () -> statusOf(id), "INTERVIEWING"::equals);
  }

  private String submit() {
    Api.Response response = api().post("/api/applications", strong(freshEmail()));
    assertThat(response.status()).isEqualTo(201);
    return response.body().path("applicationId").asText();
  }

  private JsonNode reviewTaskFor(String applicationId) {
    return Eventually.until(
            "the review task in the recruiter's inbox",
            () -> find(api().as("recruiter").get("/api/tasks").body(), applicationId),
            Optional::isPresent)
        .orElseThrow();
  }

  private static Optional<JsonNode> find(JsonNode tasks, String applicationId) {
    return StreamSupport.stream(tasks.spliterator(), false)
        .filter(t -> t.path("applicationId").asText().equals(applicationId))
        .findFirst();
  }

  private String statusOf(String id) {
    return api().as("recruiter").get("/api/applications/" + id).body().path("status").asText();
  }

  private Optional<String> endEventOf(String applicationId) {
    long key = jdbc.sql("select process_instance_key from application where id = cast(:id as uuid)")
        .param("id", applicationId).query(Long.class).single();
    return Eventually.until(
        "the process instance to end",
        () -> StreamSupport.stream(RecordStream.of(engine.getRecordStreamSource()).processInstanceRecords().spliterator(), false)
            .filter(r -> r.getValue().getProcessInstanceKey() == key)
            .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
            .filter(r -> r.getValue().getBpmnElementType().name().equals("END_EVENT"))
            .map(r -> r.getValue().getElementId())
            .findFirst(),
        Optional::isPresent);
  }
}

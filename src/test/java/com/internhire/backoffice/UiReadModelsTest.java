package com.internhire.backoffice;

import static com.internhire.support.Submissions.freshEmail;
import static com.internhire.support.Submissions.strong;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.internhire.support.Api;
import com.internhire.support.Journey;
import com.internhire.support.ServiceTest;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the pages read: the application's facts by role, claims, form variables, the journey on the model. */
class UiReadModelsTest extends ServiceTest {

  private Journey journey;

  @BeforeEach
  void journey() {
    journey = new Journey(api());
  }

  @Test
  void personalDataOnlyForTheRolesThatNeedIt() {
    String email = freshEmail();
    String id = journey.submit(strong(email)).id();
    journey.task("recruiter", id, "Task_ReviewApplication");

    for (String user : List.of("recruiter", "lead")) {
      JsonNode candidate = api().as(user).get("/api/ui/applications/" + id).body().path("candidate");
      assertThat(candidate.path("name").asText()).as(user).isEqualTo("Ada Li");
      assertThat(candidate.path("email").asText()).as(user).isEqualTo(email);
    }
    for (String user : List.of("interviewer", "manager")) {
      JsonNode candidate = api().as(user).get("/api/ui/applications/" + id).body().path("candidate");
      assertThat(candidate.path("name").asText()).as(user).isEqualTo("Ada Li");
      assertThat(candidate.has("email") || candidate.has("phone")).as(user).isFalse();
    }
    for (String user : List.of("auditor", "owner")) {
      String facts = api().as(user).get("/api/ui/applications/" + id).text();
      assertThat(facts).as(user).doesNotContain("Ada Li", email, "555 0100").contains("\"screening\"");
    }
    String taskId = journey.task("recruiter", id, "Task_ReviewApplication").path("id").asText();
    for (String call : List.of("/api/ui/applications", "/api/ui/applications/" + id + "/journey",
        "/api/tasks/" + taskId + "/variables", "/api/ui/dashboard")) {
      assertThat(api().as("lead").get(call).text()).as(call).doesNotContain("Ada Li", email);
    }
  }

  @Test
  void aClaimKeepsColleaguesFromCompletingTheSameTask() {
    String id = journey.submit(strong(freshEmail())).id();
    String task = "/api/tasks/" + journey.task("recruiter", id, "Task_ReviewApplication").path("id").asText();

    assertThat(api().as("recruiter").post(task + "/claim", Map.of()).body().path("assignee").asText()).isEqualTo("recruiter");
    assertThat(api().as("lead").get(task).body().path("assignee").asText()).isEqualTo("recruiter");
    Api.Response taken = api().as("lead").post(task + "/claim", Map.of());
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.body().path("type").asText()).isEqualTo("/problems/task-claimed");
    Api.Response completed = api().as("lead").post(task + "/complete", Map.of("decision", "REJECT"));
    assertThat(completed.status()).as("completion by someone else while claimed").isEqualTo(409);
    assertThat(completed.body().path("type").asText()).isEqualTo("/problems/task-claimed");
    assertThat(api().as("lead").post(task + "/unclaim", Map.of()).status()).as("only the holder unclaims").isEqualTo(409);

    assertThat(api().as("recruiter").post(task + "/unclaim", Map.of()).body().path("assignee").isNull()).isTrue();
    assertThat(api().as("lead").post(task + "/claim", Map.of()).status()).isEqualTo(200);
    assertThat(api().as("lead").post(task + "/complete", Map.of("decision", "ADVANCE")).status()).isEqualTo(204);
    assertThat(api().as("lead").post(task + "/claim", Map.of()).status()).as("a completed task").isEqualTo(409);
    journey.awaitStatus(id, "INTERVIEWING");
  }

  @Test
  void formsGetTheirProcessDataFromTheServicesOwnRecords() {
    String id = journey.submit(strong(freshEmail())).id();
    JsonNode review = variables("recruiter", id, "Task_ReviewApplication");
    assertThat(review.path("screening").path("score").isInt()).isTrue();
    assertThat(review.path("screening").path("recommendation").asText()).isNotBlank();
    assertThat(review.path("cohortOptions").findValuesAsText("value")).contains("2026-05-11", "2026-05-18");

    journey.complete("recruiter", id, "Task_ReviewApplication", Map.of("decision", "ADVANCE", "notes", "private review note"));
    List<Integer> numbers = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      JsonNode interview = variables("interviewer", id, "Task_Interview");
      numbers.add(interview.path("interviewNumber").asInt());
      assertThat(interview.path("reviewDecision").asText()).isEqualTo("ADVANCE");
      journey.complete("interviewer", id, "Task_Interview", Journey.scorecard(i == 0 ? "HIRE" : "NO_HIRE"));
    }
    assertThat(numbers).containsExactly(1, 2);

    JsonNode decision = variables("manager", id, "Task_HiringDecision");
    assertThat(decision.path("scorecards")).hasSize(2);
    assertThat(decision.path("scorecards").findValuesAsText("recommendation")).containsExactly("HIRE", "NO_HIRE");
    assertThat(decision.path("scorecards").findValuesAsText("interviewNumber")).containsExactly("1", "2");
    assertThat(decision.toString()).as("free text stays on its task").doesNotContain("Clear thinker", "private review note");
    journey.complete("manager", id, "Task_HiringDecision", Map.of("decision", "HIRE", "startDate", "2026-05-18"));

    JsonNode approval = variables("manager", id, "Task_ApproveOffer");
    assertThat(approval.path("offerStartDate").asText()).isEqualTo("2026-05-18");
    assertThat(approval.path("offerEndDate").asText()).isEqualTo("2026-08-10");
    assertThat(approval.path("proposedStartDate").asText()).isEqualTo("2026-05-18");
  }

  @Test
  void theJourneyPlacesEachStepOnTheModel() {
    String id = journey.submit(strong(freshEmail())).id();
    journey.complete("recruiter", id, "Task_ReviewApplication", Map.of("decision", "ADVANCE"));
    journey.task("interviewer", id, "Task_Interview");

    JsonNode path = api().as("auditor").get("/api/ui/applications/" + id + "/journey").body();
    List<JsonNode> steps = StreamSupport.stream(path.path("steps").spliterator(), false).toList();
    JsonNode screened = steps.stream().filter(s -> s.path("action").asText().equals("SCREENED")).findFirst().orElseThrow();
    assertThat(screened.path("elementId").asText()).isEqualTo("Task_ScreenApplication");
    assertThat(screened.path("actorKind").asText()).isEqualTo("rule");
    assertThat(screened.path("ruleVersion").asText()).isNotBlank();
    assertThat(screened.path("inputs").size()).isPositive();
    JsonNode reviewed = steps.stream().filter(s -> s.path("action").asText().equals("TASK_COMPLETED")).findFirst().orElseThrow();
    assertThat(reviewed.path("elementId").asText()).isEqualTo("Task_ReviewApplication");
    assertThat(reviewed.path("actor").asText()).isEqualTo("recruiter");
    assertThat(reviewed.path("inputs").path("decision").asText()).isEqualTo("ADVANCE");

    List<String> visited = StreamSupport.stream(path.path("visited").path("internship-application").spliterator(), false).map(JsonNode::asText).toList();
    assertThat(visited).contains(
        "StartEvent_ApplicationSubmitted", "Task_ScreenApplication", "Task_ReviewApplication", "Gateway_ReviewDecision",
        "Task_Interview", "Flow_Advance");
    assertThat(visited).doesNotContain("EndEvent_ApplicationRejected", "Flow_Reject", "Task_HiringDecision");
    assertThat(StreamSupport.stream(path.path("current").path("internship-application").spliterator(), false).map(JsonNode::asText))
        .containsExactly("Task_Interview");
    assertThat(path.path("openTasks").findValuesAsText("elementId")).containsOnly("Task_Interview");
    assertThat(path.path("processes").findValuesAsText("processId")).containsExactly("internship-application");
  }

  @Test
  void percentilesAreNearestRank() {
    assertThat(DashboardQueries.percentile(List.of(), 50)).isNull();
    assertThat(DashboardQueries.percentile(List.of(4.0), 90)).isEqualTo(4.0);
    assertThat(DashboardQueries.percentile(List.of(5.0, 1.0, 3.0, 2.0, 4.0), 50)).isEqualTo(3.0);
    assertThat(DashboardQueries.percentile(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), 90)).isEqualTo(9.0);
  }

  private JsonNode variables(String user, String applicationId, String elementId) {
    String taskId = journey.task(user, applicationId, elementId).path("id").asText();
    Api.Response response = api().as(user).get("/api/tasks/" + taskId + "/variables");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.body();
  }
}

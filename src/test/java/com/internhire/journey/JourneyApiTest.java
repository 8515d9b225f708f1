package com.internhire.journey;

import static com.internhire.support.Submissions.freshEmail;
import static com.internhire.support.Submissions.strong;
import static com.internhire.support.Submissions.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.internhire.support.Api;
import com.internhire.support.Eventually;
import com.internhire.support.Journey;
import com.internhire.support.Mailbox;
import com.internhire.support.RecordingMailTransport;
import com.internhire.support.ServiceTest;
import java.util.List;
import java.util.stream.StreamSupport;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One application from submission to a confirmed start date, and its side paths, over HTTP. */
class JourneyApiTest extends ServiceTest {

  @Autowired JdbcClient jdbc;
  private Journey journey;

  @BeforeEach
  void journey() {
    journey = new Journey(api());
  }

  @Test
  void fromSubmissionToAConfirmedStartDate() {
    var application = journey.submit(strong(freshEmail()));
    String id = application.id();
    journey.throughInterviews(id, "2026-05-11");

    JsonNode approval = journey.task("manager", id, "Task_ApproveOffer");
    assertThat(approval.path("formId").asText()).isEqualTo("approve-offer");
    journey.complete("manager", id, "Task_ApproveOffer", Map.of("approved", true));
    journey.awaitStatus(id, "OFFERED");

    Api candidate = api().withToken(application.token());
    Api.Response accepted = candidate.post("/api/applications/" + id + "/offer-response", Map.of("accept", true));
    assertThat(accepted.status()).as(accepted.toString()).isIn(200, 202);
    journey.awaitStatus(id, "OFFER_ACCEPTED");

    Api.Response confirmed = candidate.post("/api/applications/" + id + "/start-date", Map.of("startDate", "2026-05-18"));
    assertThat(confirmed.status()).as(confirmed.toString()).isIn(200, 202);
    journey.awaitStatus(id, "HIRED");

    JsonNode view = candidate.get("/api/applications/" + id).body();
    assertThat(view.path("startDate").asText()).isEqualTo("2026-05-18");
    assertThat(view.path("endDate").asText()).isEqualTo("2026-08-10");
    assertThat(view.path("stage").asText()).isEqualTo("Hired; start date confirmed");
    assertThat(view.toString()).doesNotContain("score", "notes", "priority");

    Eventually.until("the mail", () -> Mailbox.templatesAbout(id), t -> t.contains("start-date-confirmed"));
    assertThat(Mailbox.templatesAbout(id))
        .containsExactly("interview-invitation", "offer-made", "offer-accepted", "start-date-confirmed");
    String offer = body(Mailbox.messagesAbout(id).get(1));
    assertThat(offer).contains("11 May 2026", "3 August 2026 (12 weeks)");
    assertThat(body(Mailbox.messagesAbout(id).get(3))).contains("starts on 18 May 2026 and ends on\n10 August 2026");
    assertThat(jdbc.sql("select count(*) from onboarding_handover where application_id = cast(:id as uuid)")
            .param("id", id).query(Integer.class).single())
        .isEqualTo(1);

    JsonNode history = api().as("auditor").get("/api/applications/" + id + "/history").body();
    List<String> actions = history.findValuesAsText("action");
    // Every status change of the hire has its row, whoever made it (a status step, a task
    // opening, screening).
    List<String> statuses =
        StreamSupport.stream(history.spliterator(), false)
            .filter(row -> row.path("action").asText().equals("STATUS_CHANGED"))
            .map(row -> row.path("details").path("to").asText())
            .toList();
    assertThat(statuses)
        .containsExactly(
            "SCREENED", "IN_REVIEW", "INTERVIEWING", "AWAITING_DECISION", "OFFER_APPROVAL", "OFFERED", "OFFER_ACCEPTED",
            "HIRED");
    assertThat(actions)
        .containsSubsequence(
            "SUBMITTED", "SCREENED", "TASK_COMPLETED", "STATUS_CHANGED", "TASK_COMPLETED", "TASK_COMPLETED",
            "TASK_COMPLETED", "SEAT_HELD", "TASK_COMPLETED", "STATUS_CHANGED", "OFFER_ANSWERED", "STATUS_CHANGED",
            "START_DATE_CONFIRMED", "SEAT_TAKEN", "HANDED_OVER", "STATUS_CHANGED");
  }

  @Test
  void candidateEndpointsCheckTheTokenTheStageAndTheDates() {
    var application = journey.submit(strong(freshEmail()));
    var other = journey.submit(strong(freshEmail()));
    String id = application.id();
    journey.task("recruiter", id, "Task_ReviewApplication");

    Api.Response anonymous = api().post("/api/applications/" + id + "/withdraw", Map.of());
    assertThat(anonymous.status()).isEqualTo(401);
    Api.Response wrongToken = api().withToken(other.token()).post("/api/applications/" + id + "/withdraw", Map.of());
    assertThat(wrongToken.status()).isEqualTo(403);
    Api.Response staffIsNotTheCandidate = api().as("recruiter").post("/api/applications/" + id + "/withdraw", Map.of());
    assertThat(staffIsNotTheCandidate.status()).isEqualTo(401);

    Api candidate = api().withToken(application.token());
    Api.Response tooEarly = candidate.post("/api/applications/" + id + "/offer-response", Map.of("accept", true));
    assertThat(tooEarly.status()).isEqualTo(409);
    assertThat(tooEarly.body().path("type").asText()).isEqualTo("/problems/wrong-stage");
    assertThat(tooEarly.body().path("detail").asText()).contains("Being reviewed");
    assertThat(candidate.post("/api/applications/" + id + "/start-date", Map.of("startDate", "2026-05-11")).status()).isEqualTo(409);
    assertThat(candidate.post("/api/applications/" + id + "/availability", Map.of("start", "2026-05-11", "end", "2026-08-28")).status())
        .isEqualTo(409);

    Api.Response badDates = candidate.post("/api/applications/" + id + "/availability", Map.of("start", "2026-08-28", "end", "2026-05-11"));
    assertThat(badDates.status()).isEqualTo(422);
    assertThat(candidate.post("/api/applications/" + id + "/offer-response", Map.of("accept", "maybe")).status()).isEqualTo(400);
    assertThat(candidate.post("/api/applications/" + UUID.randomUUID() + "/withdraw", Map.of()).status()).isEqualTo(404);
    assertThat(journey.status(id)).isEqualTo("IN_REVIEW");
  }

  @Test
  void aStartDateOutsideTheAvailabilityOrNotACohortIsRefused() {
    Map<String, Object> body = strong(freshEmail());
    with(body, "availability.start", "2026-05-15");
    with(body, "availability.end", "2026-09-30");
    var application = journey.submit(body);
    String id = application.id();
    journey.throughInterviews(id, "2026-05-18");
    journey.complete("manager", id, "Task_ApproveOffer", Map.of("approved", true));
    journey.awaitStatus(id, "OFFERED");
    Api candidate = api().withToken(application.token());
    candidate.post("/api/applications/" + id + "/offer-response", Map.of("accept", true));
    journey.awaitStatus(id, "OFFER_ACCEPTED");

    Api.Response beforeAvailability = candidate.post("/api/applications/" + id + "/start-date", Map.of("startDate", "2026-05-11"));
    assertThat(beforeAvailability.status()).isEqualTo(422);
    assertThat(beforeAvailability.body().path("type").asText()).isEqualTo("/problems/invalid-start-date");
    assertThat(candidate.post("/api/applications/" + id + "/start-date", Map.of("startDate", "2026-06-01")).status()).isEqualTo(422);
    assertThat(candidate.post("/api/applications/" + id + "/start-date", Map.of("startDate", "not-a-date")).status()).isEqualTo(400);

    assertThat(candidate.post("/api/applications/" + id + "/start-date", Map.of("startDate", "2026-06-22")).status()).isIn(200, 202);
    journey.awaitStatus(id, "HIRED");
    assertThat(journey.view(id).path("endDate").asText()).isEqualTo("2026-09-14");
  }

  @Test
  void missingAvailabilityIsAskedForAndTheAnswerResumesTheApplication() {
    var application = journey.submit(with(strong(freshEmail()), "availability", null));
    String id = application.id();
    journey.awaitStatus(id, "AWAITING_AVAILABILITY");
    Eventually.until("the request mail", () -> Mailbox.templatesAbout(id), t -> t.contains("availability-requested"));

    Api.Response answered =
        api().withToken(application.token()).post("/api/applications/" + id + "/availability", Map.of("start", "2026-05-11", "end", "2026-08-28"));
    assertThat(answered.status()).as(answered.toString()).isIn(200, 202);

    journey.task("recruiter", id, "Task_ReviewApplication");
    assertThat(journey.status(id)).isEqualTo("IN_REVIEW");
  }

  @Test
  void aSecondApplicationWaitsForTheFirstAndIsReviewedWhenTheFirstIsRejected() {
    String email = freshEmail();
    String otherPosition = openPosition();
    var first = journey.submit(strong(email));
    var second = journey.submit(strong(email, otherPosition));
    journey.awaitStatus(second.id(), "WAITING_TURN");

    journey.complete("recruiter", first.id(), "Task_ReviewApplication", Map.of("decision", "REJECT"));
    journey.awaitStatus(first.id(), "REJECTED");

    journey.task("recruiter", second.id(), "Task_ReviewApplication");
    assertThat(journey.status(second.id())).isEqualTo("IN_REVIEW");
  }

  @Test
  void withdrawalEndsTheApplicationAtOnceAndClosesItsTasks() {
    var application = journey.submit(strong(freshEmail()));
    String id = application.id();
    journey.task("recruiter", id, "Task_ReviewApplication");

    Api candidate = api().withToken(application.token());
    Api.Response withdrawn = candidate.post("/api/applications/" + id + "/withdraw", Map.of());
    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
    assertThat(withdrawn.body().path("status").asText()).isEqualTo("WITHDRAWN");

    Eventually.until("the review task to close", () -> api().as("recruiter").get("/api/tasks").body().findValuesAsText("applicationId"),
        ids -> !ids.contains(id));
    Eventually.until("the confirmation", () -> Mailbox.templatesAbout(id), t -> t.contains("withdrawal-confirmed"));
    assertThat(candidate.post("/api/applications/" + id + "/withdraw", Map.of()).status()).isEqualTo(409);
  }

  private static String body(jakarta.mail.internet.MimeMessage message) {
    return RecordingMailTransport.text(message);
  }

  private String openPosition() {
    String id = "pos-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Response created =
        api().as("owner").post("/api/positions", Map.of(
            "id", id, "title", "Analytics Intern", "cohortStartDates", List.of("2026-05-11", "2026-06-08"),
            "weeks", 12, "headcount", 5));
    assertThat(created.status()).isEqualTo(201);
    return id;
  }
}

package com.internhire.faults;

import static com.internhire.support.Submissions.freshEmail;
import static com.internhire.support.Submissions.strong;
import static com.internhire.support.Submissions.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.HiringApplication;
import com.internhire.embedded.EmbeddedEngineConfiguration;
import com.internhire.notification.SwitchableMailbox;
import com.internhire.support.Api;
import com.internhire.support.Eventually;
import com.internhire.support.Journey;
import com.internhire.support.Mailbox;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Restart without loss on the embedded engine: applications at different stages survive a
 * stop and start of the service (the in-memory engine forgets them; the database does not),
 * are found where they were, and can finish.
 */
class RestartRecoveryTest {

  private final String database =
      "jdbc:h2:file:./target/restart-test/" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";

  @Test
  void applicationsAtEveryStageSurviveARestartAndCanFinish() throws Exception {
    Journey.Submitted inReview;
    Journey.Submitted interviewing;
    Journey.Submitted first;
    Journey.Submitted waiting;
    Journey.Submitted offered;
    Journey.Submitted awaitingAvailability;

    try (ConfigurableApplicationContext service = start()) {
      Api api = Api.at(port(service));
      Journey journey = new Journey(api);
      inReview = journey.submit(strong(freshEmail()));
      interviewing = journey.submit(strong(freshEmail()));
      String email = freshEmail();
      first = journey.submit(strong(email));
      waiting = journey.submit(strong(email, openPosition(api)));
      offered = journey.submit(strong(freshEmail()));
      awaitingAvailability = journey.submit(with(strong(freshEmail()), "availability", null));

      journey.task("recruiter", inReview.id(), "Task_ReviewApplication");
      journey.complete("recruiter", interviewing.id(), "Task_ReviewApplication", Map.of("decision", "ADVANCE"));
      journey.task("interviewer", interviewing.id(), "Task_Interview");
      journey.task("recruiter", first.id(), "Task_ReviewApplication");
      journey.awaitStatus(waiting.id(), "WAITING_TURN");
      journey.throughInterviews(offered.id(), "2026-05-11");
      journey.complete("manager", offered.id(), "Task_ApproveOffer", Map.of("approved", true));
      journey.awaitStatus(offered.id(), "OFFERED");
      journey.awaitStatus(awaitingAvailability.id(), "AWAITING_AVAILABILITY");
    }

    try (ConfigurableApplicationContext service = start()) {
      Api api = Api.at(port(service));
      Journey journey = new Journey(api);
      for (Journey.Submitted s : List.of(inReview, interviewing, waiting, offered, awaitingAvailability)) {
        Eventually.until(
            "recovery of " + s.id(),
            Duration.ofSeconds(30),
            () -> api.as("auditor").get("/api/applications/" + s.id() + "/history").body().findValuesAsText("action"),
            actions -> actions.contains("PROCESS_RECREATED"));
      }

      // Found where they were.
      journey.task("recruiter", inReview.id(), "Task_ReviewApplication");
      Eventually.until("two interviews again", () -> tasks(api, "interviewer", interviewing.id()), n -> n == 2);
      assertThat(journey.status(interviewing.id())).isEqualTo("INTERVIEWING");
      assertThat(journey.status(waiting.id())).isEqualTo("WAITING_TURN");
      Eventually.until("the offer waiting again", Duration.ofSeconds(30), () -> journey.status(offered.id()), "OFFERED"::equals);
      Eventually.until("the re-created approval to close again", () -> tasks(api, "manager", offered.id()), n -> n == 0);
      assertThat(journey.status(awaitingAvailability.id())).isEqualTo("AWAITING_AVAILABILITY");
      assertThat(api.as("auditor").get("/api/applications/" + inReview.id() + "/history").body().findValuesAsText("action"))
          .contains("PROCESS_RECREATED");

      // And able to finish.
      journey.complete("recruiter", inReview.id(), "Task_ReviewApplication", Map.of("decision", "REJECT"));
      journey.awaitStatus(inReview.id(), "REJECTED");

      journey.complete("recruiter", first.id(), "Task_ReviewApplication", Map.of("decision", "REJECT"));
      journey.task("recruiter", waiting.id(), "Task_ReviewApplication");

      Api candidate = api.withToken(offered.token());
      assertThat(candidate.post("/api/applications/" + offered.id() + "/offer-response", Map.of("accept", true)).status()).isIn(200, 202);
      journey.awaitStatus(offered.id(), "OFFER_ACCEPTED");
      assertThat(candidate.post("/api/applications/" + offered.id() + "/start-date", Map.of("startDate", "2026-05-11")).status()).isIn(200, 202);
      journey.awaitStatus(offered.id(), "HIRED");
      Eventually.until("the confirmation", () -> Mailbox.templatesAbout(offered.id()), t -> t.contains("start-date-confirmed"));
      assertThat(Mailbox.templatesAbout(offered.id()))
          .as("nothing sent twice across the restart")
          .containsExactly("interview-invitation", "offer-made", "offer-accepted", "start-date-confirmed");

      Api.Response availability =
          api.withToken(awaitingAvailability.token())
              .post("/api/applications/" + awaitingAvailability.id() + "/availability", Map.of("start", "2026-05-11", "end", "2026-08-28"));
      assertThat(availability.status()).isIn(200, 202);
      journey.task("recruiter", awaitingAvailability.id(), "Task_ReviewApplication");

      for (int i = 0; i < 2; i++) {
        journey.complete("interviewer", interviewing.id(), "Task_Interview", Journey.scorecard("HIRE"));
      }
      journey.task("manager", interviewing.id(), "Task_HiringDecision");
    }
  }

  private ConfigurableApplicationContext start() throws IOException {
    int enginePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      enginePort = socket.getLocalPort();
    }
    return new SpringApplicationBuilder(HiringApplication.class, EmbeddedEngineConfiguration.class, SwitchableMailbox.Config.class)
        .profiles("embedded", "test")
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + database,
            "--hiring.embedded-engine.port=" + enginePort,
            "--hiring.engine.recover-on-start=true");
  }

  private static int port(ConfigurableApplicationContext service) {
    return Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
  }

  private static long tasks(Api api, String user, String applicationId) {
    return StreamSupport.stream(api.as(user).get("/api/tasks").body().spliterator(), false)
        .filter(t -> t.path("applicationId").asText().equals(applicationId))
        .count();
  }

  private static String openPosition(Api api) {
    String id = "pos-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Response created =
        api.as("owner").post("/api/positions", Map.of(
            "id", id, "title", "Analytics Intern", "cohortStartDates", List.of("2026-05-11", "2026-06-08"), "weeks", 12, "headcount", 5));
    assertThat(created.status()).isEqualTo(201);
    return id;
  }
}

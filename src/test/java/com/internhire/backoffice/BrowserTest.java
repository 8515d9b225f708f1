package com.internhire.backoffice;

import static com.internhire.support.Submissions.freshEmail;
import static com.internhire.support.Submissions.strong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.internhire.support.Api;
import com.internhire.support.Journey;
import com.internhire.support.ServiceTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The web pages in a real browser: headless Chromium (Debian's {@code /usr/bin/chromium})
 * driven by playwright-core from the scripts in {@code src/test/browser}, against the whole
 * service on the embedded engine. Each test prepares its applications over the API, runs
 * one script, and checks the outcome on the server too. Screenshots: target/screenshots.
 */
class BrowserTest extends ServiceTest {

  private static final Path SCRIPTS = Path.of("src/test/browser");
  private static final Path SCREENSHOTS = Path.of("target/screenshots");
  private static final Path CHROMIUM = Path.of(System.getProperty("hiring.chromium", "/usr/bin/chromium"));

  @Autowired JdbcClient jdbc;
  private Journey journey;

  @BeforeAll
  static void browserAvailable() {
    if (!Files.isExecutable(CHROMIUM)) {
      fail("The browser tests need Debian's Chromium at " + CHROMIUM
          + ": apt-get install chromium (README, Prerequisites; .ci/run installs it).");
    }
    if (!Files.isDirectory(SCRIPTS.resolve("node_modules/playwright-core"))) {
      fail("playwright-core is not installed in " + SCRIPTS + ": the Maven build installs it (npm ci) before the tests.");
    }
  }

  @BeforeEach
  void journey() {
    journey = new Journey(api());
  }

  @Test
  void aRecruiterReviewsASubmittedApplicationInTheInbox() {
    String id = journey.submit(strong(freshEmail())).id();
    journey.task("recruiter", id, "Task_ReviewApplication");

    browser("recruiter-review.mjs", id);

    assertThat(journey.awaitStatus(id, "INTERVIEWING")).isEqualTo("INTERVIEWING");
    assertThat(jdbc.sql("select actor from audit_event where application_id = cast(:id as uuid) and action = 'TASK_COMPLETED'")
            .param("id", id).query(String.class).list())
        .containsExactly("recruiter");
  }

  @Test
  void aHiringManagerDecidesAndApprovesAnOffer() {
    String id = journey.submit(strong(freshEmail())).id();
    journey.complete("recruiter", id, "Task_ReviewApplication", Map.of("decision", "ADVANCE"));
    for (int i = 0; i < 2; i++) {
      journey.complete("interviewer", id, "Task_Interview", Journey.scorecard("HIRE"));
    }
    journey.task("manager", id, "Task_HiringDecision");

    browser("manager-offer.mjs", id, "2026-05-18");

    journey.awaitStatus(id, "OFFERED");
    assertThat(jdbc.sql("select start_date || ' ' || state from cohort_seat where application_id = cast(:id as uuid)")
            .param("id", id).query(String.class).single())
        .isEqualTo("2026-05-18 HELD");
  }

  @Test
  void anAuditorReadsTheHistoryOnTheDiagramAndCompletesNothing() {
    String id = journey.submit(strong(freshEmail())).id();
    journey.throughInterviews(id, "2026-05-11");
    String approval = journey.task("manager", id, "Task_ApproveOffer").path("id").asText();

    browser("auditor-history.mjs", id);

    assertThat(api().as("manager").get("/api/tasks/" + approval).body().path("state").asText()).isEqualTo("OPEN");
    assertThat(journey.status(id)).isEqualTo("OFFER_APPROVAL");
  }

  @Test
  void theDashboardShowsTheCountsThisTestCreated() {
    String position = openPosition();
    jdbc.sql("update position_cohort set capacity = 3 where position_id = :p and start_date = date '2026-05-11'")
        .param("p", position).update();
    String inReview = journey.submit(strong(freshEmail(), position)).id();
    String overdue = journey.submit(strong(freshEmail(), position)).id();
    String rejected = journey.submit(strong(freshEmail(), position)).id();
    String interviewing = journey.submit(strong(freshEmail(), position)).id();
    String offered = journey.submit(strong(freshEmail(), position)).id();
    String twice = freshEmail();
    String first = journey.submit(strong(twice)).id();
    String second = journey.submit(strong(twice, position)).id();

    journey.task("recruiter", inReview, "Task_ReviewApplication");
    journey.task("recruiter", overdue, "Task_ReviewApplication");
    journey.complete("recruiter", rejected, "Task_ReviewApplication", Map.of("decision", "REJECT"));
    journey.complete("recruiter", interviewing, "Task_ReviewApplication", Map.of("decision", "ADVANCE"));
    journey.throughInterviews(offered, "2026-05-11");
    journey.complete("manager", offered, "Task_ApproveOffer", Map.of("approved", true));
    journey.awaitStatus(offered, "OFFERED");
    journey.awaitStatus(rejected, "REJECTED");
    journey.awaitStatus(second, "WAITING_TURN");
    journey.task("recruiter", first, "Task_ReviewApplication");
    journey.task("interviewer", interviewing, "Task_Interview");
    // R3: this review's due date has passed.
    jdbc.sql("update user_task set due_at = :past where application_id = cast(:id as uuid) and state = 'OPEN'")
        .param("past", java.time.OffsetDateTime.now().minusDays(1))
        .param("id", overdue)
        .update();

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("funnel", Map.of(
        "submitted", 6, "screened", 5, "reviewed", 3, "interviewed", 1, "offered", 1, "accepted", 0, "confirmed", 0));
    expected.put("kpis", Map.of(
        "applications", 6, "open", 5, "hired", 0, "openReviews", 2, "overdueReviews", 1, "waitingTurn", 1));
    expected.put("seats", Map.of("2026-05-11", Map.of("held", 1, "taken", 0), "2026-06-08", Map.of("held", 0, "taken", 0)));

    browser("dashboard.mjs", position, json(expected));
  }

  private String openPosition() {
    String id = "ui-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Response created = api().as("owner").post("/api/positions", Map.of(
        "id", id, "title", "Marketing Analytics Intern " + id, "cohortStartDates", List.of("2026-05-11", "2026-06-08"),
        "weeks", 12, "headcount", 5));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return id;
  }

  private static String json(Object value) {
    try {
      return Api.json().writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs one browser script against this service; its output goes to the test's log. */
  private void browser(String script, String... arguments) {
    List<String> command = new ArrayList<>(List.of(
        "node", script, "http://localhost:" + port, SCREENSHOTS.toAbsolutePath().toString()));
    command.addAll(List.of(arguments));
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(SCRIPTS.toFile()).redirectErrorStream(true);
      builder.environment().put("CHROMIUM", CHROMIUM.toString());
      Process process = builder.start();
      StringBuilder output = new StringBuilder();
      Thread reader = Thread.ofVirtual().start(() -> {
        try (InputStream in = process.getInputStream()) {
          output.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException ignored) {
          // the process ended
        }
      });
      boolean ended = process.waitFor(150, TimeUnit.SECONDS);
      if (!ended) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
      reader.join(5000);
      System.out.println("--- " + script + " ---\n" + output);
      assertThat(ended).as("%s finished in time:\n%s", script, output).isTrue();
      assertThat(process.exitValue()).as("%s:\n%s", script, output).isZero();
    } catch (IOException e) {
      throw new IllegalStateException("Could not run node " + script + " (Node.js is a prerequisite, see README)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

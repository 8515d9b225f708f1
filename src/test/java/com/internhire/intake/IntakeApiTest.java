package com.internhire.intake;

import static com.internhire.support.Submissions.freshEmail;
import static com.internhire.support.Submissions.strong;
import static com.internhire.support.Submissions.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.support.Api;
import com.internhire.support.ServiceTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class IntakeApiTest extends ServiceTest {

  @Autowired JdbcClient jdbc;

  @Test
  void acceptsAnApplicationWithLocationTokenAndStatus() {
    Api.Response response = api().post("/api/applications", strong(freshEmail()));

    assertThat(response.status()).isEqualTo(201);
    String id = response.body().path("applicationId").asText();
    assertThat(response.header("Location")).isEqualTo("/api/applications/" + id);
    assertThat(response.body().path("status").asText()).isEqualTo("SUBMITTED");
    String token = response.body().path("candidateToken").asText();
    assertThat(token).hasSizeGreaterThan(30);

    Api.Response status = api().withToken(token).get("/api/applications/" + id);
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.body().path("applicationId").asText()).isEqualTo(id);
    assertThat(status.body().path("stage").asText()).isNotBlank();
    assertThat(status.body().has("candidateToken")).isFalse();
  }

  @Test
  void theSameCandidateAndPositionAgainReturnsTheFirstApplication() {
    String email = freshEmail();
    Api.Response first = api().post("/api/applications", strong("  " + email.toUpperCase() + " "));
    assertThat(first.status()).isEqualTo(201);

    Counts before = counts();
    Api.Response again = api().post("/api/applications", strong(email));

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().path("applicationId").asText()).isEqualTo(first.body().path("applicationId").asText());
    assertThat(again.body().has("candidateToken")).as("a token is handed out once").isFalse();
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aThirdApplicationIsRefusedWhateverThePosition() {
    String email = freshEmail();
    String second = openPosition();
    String third = openPosition();
    assertThat(api().post("/api/applications", strong(email)).status()).isEqualTo(201);
    assertThat(api().post("/api/applications", strong(email, second)).status()).isEqualTo(201);

    Counts before = counts();
    Api.Response refused = api().post("/api/applications", strong(email, third));

    assertThat(refused.status()).isEqualTo(409);
    assertProblem(refused, "/problems/two-application-limit");
    assertThat(refused.body().path("detail").asText()).contains("at most two applications");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void availabilityMayBeAbsent() {
    Api.Response response = api().post("/api/applications", with(strong(freshEmail()), "availability", null));
    assertThat(response.status()).isEqualTo(201);
  }

  @Test
  void noApplicationWithoutAcceptingThePrivacyPolicy() {
    assertRefused(
        with(strong(freshEmail()), "privacyPolicy.accepted", false), 422, "/problems/privacy-policy-not-accepted",
        "privacyPolicy.accepted");
  }

  @Test
  void malformedJsonIsRefused() {
    Counts before = counts();
    Api.Response response = api().post("/api/applications", "{\"positionId\": \"ds-ltv-intern-2026\", ");
    assertThat(response.status()).isEqualTo(400);
    assertProblem(response, "/problems/malformed-request");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void wrongTypesAreRefusedWithTheField() {
    assertRefused(with(strong(freshEmail()), "education.enrolled", "yes"), 400, "/problems/malformed-request", "education.enrolled");
    assertRefused(with(strong(freshEmail()), "education.level", "SOPHOMORE"), 400, "/problems/malformed-request", "education.level");
    assertRefused(with(strong(freshEmail()), "availability.start", "2026-13-01"), 400, "/problems/malformed-request", "availability.start");
    assertRefused(with(strong(freshEmail()), "skills", "SQL"), 400, "/problems/malformed-request", "skills");
  }

  @Test
  void unknownFieldsAreRefusedByName() {
    assertRefused(with(strong(freshEmail()), "candidate.nickname", "A"), 400, "/problems/malformed-request", "candidate.nickname");
    assertRefused(with(strong(freshEmail()), "salary", 1), 400, "/problems/malformed-request", "salary");
  }

  @Test
  void missingRequiredFieldsAreRefusedByName() {
    assertRefused(with(strong(freshEmail()), "education.field", null), 422, "/problems/invalid-request", "education.field");
    assertRefused(with(strong(freshEmail()), "candidate.email", null), 422, "/problems/invalid-request", "candidate.email");
    assertRefused(with(strong(freshEmail()), "privacyPolicy", null), 422, "/problems/invalid-request", "privacyPolicy");
    assertRefused(with(strong(freshEmail()), "candidate.email", "not-an-address"), 422, "/problems/invalid-request", "candidate.email");
  }

  @Test
  void impossibleDatesAreRefused() {
    Map<String, Object> body = strong(freshEmail());
    with(body, "availability.start", "2026-08-28");
    with(body, "availability.end", "2026-05-11");
    Api.Response response = assertRefused(body, 422, "/problems/invalid-request", "availability.ordered");
    assertThat(response.body().path("errors").get(0).path("message").asText()).contains("end must not be before start");
    assertRefused(with(strong(freshEmail()), "availability.end", "3026-01-01"), 422, "/problems/invalid-request", "availability.plausible");
  }

  @Test
  void aFilledPositionTakesNoMoreApplications() {
    String position = openPosition();
    jdbc.sql("update position set status = 'FILLED' where id = :id").param("id", position).update();

    Counts before = counts();
    Api.Response refused = api().post("/api/applications", strong(freshEmail(), position));

    assertThat(refused.status()).isEqualTo(409);
    assertProblem(refused, "/problems/position-filled");
    assertThat(counts()).isEqualTo(before);
    assertThat(api().get("/api/positions").body().findValuesAsText("id")).doesNotContain(position);
  }

  @Test
  void anUnknownPositionIsNotFound() {
    assertRefused(with(strong(freshEmail()), "positionId", "no-such-position"), 404, "/problems/position-not-found", "positionId");
  }

  @Test
  void statusNeedsTheCandidatesOwnTokenOrAStaffRole() {
    Api.Response mine = api().post("/api/applications", strong(freshEmail()));
    Api.Response other = api().post("/api/applications", strong(freshEmail()));
    String id = mine.body().path("applicationId").asText();

    assertThat(api().get("/api/applications/" + id).status()).isEqualTo(401);
    assertThat(api().withToken(other.body().path("candidateToken").asText()).get("/api/applications/" + id).status())
        .isEqualTo(403);
    assertThat(api().as("recruiter").get("/api/applications/" + id).status()).isEqualTo(200);
    assertThat(api().as("auditor").get("/api/applications/" + id).status()).isEqualTo(200);
    assertThat(api().withToken("x").get("/api/applications/" + UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(api().withToken("x").get("/api/applications/not-a-uuid").status()).isEqualTo(400);
  }

  @Test
  void positionsArePublicAndOnlyProcessOwnersOpenOne() {
    Api.Response open = api().get("/api/positions");
    assertThat(open.status()).isEqualTo(200);
    var seeded = java.util.stream.StreamSupport.stream(open.body().spliterator(), false)
        .filter(p -> p.path("id").asText().equals("ds-ltv-intern-2026"))
        .findFirst()
        .orElseThrow();
    assertThat(seeded.path("weeks").asInt()).isEqualTo(12);
    assertThat(seeded.path("headcount").asInt()).isEqualTo(20);
    assertThat(seeded.path("cohorts").findValuesAsText("startDate"))
        .containsExactly("2026-05-11", "2026-05-18", "2026-05-26", "2026-06-08", "2026-06-22");
    assertThat(seeded.path("cohorts").get(0).path("endDate").asText()).isEqualTo("2026-08-03");

    Map<String, Object> body = position("pos-" + UUID.randomUUID().toString().substring(0, 8));
    assertThat(api().post("/api/positions", body).status()).isEqualTo(401);
    assertThat(api().as("recruiter").post("/api/positions", body).status()).isEqualTo(403);
    assertThat(api().as("owner").post("/api/positions", body).status()).isEqualTo(201);
    assertThat(api().as("owner").post("/api/positions", body).status()).isEqualTo(409);
    assertThat(api().as("owner").post("/api/positions", Map.of("id", "x")).status()).isEqualTo(422);
  }

  private String openPosition() {
    String id = "pos-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Response created = api().as("owner").post("/api/positions", position(id));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return id;
  }

  static Map<String, Object> position(String id) {
    return Map.of(
        "id", id,
        "title", "Analytics Intern " + id,
        "cohortStartDates", List.of("2026-05-11", "2026-06-08"),
        "weeks", 12,
        "headcount", 5);
  }

  private Api.Response assertRefused(Map<String, Object> body, int status, String type, String field) {
    Counts before = counts();
    Api.Response response = api().post("/api/applications", body);
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertProblem(response, type);
    assertThat(response.body().path("errors").findValuesAsText("field")).as(response.toString()).contains(field);
    assertThat(counts()).as("nothing is written for a refused request").isEqualTo(before);
    return response;
  }

  private static void assertProblem(Api.Response response, String type) {
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.body().path("type").asText()).isEqualTo(type);
    assertThat(response.body().path("title").asText()).isNotBlank();
    assertThat(response.body().path("status").asInt()).isEqualTo(response.status());
    assertThat(response.text()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  /**
   * Rows only intake writes (tests run one at a time; workers in the background write
   * audit rows of other applications, so the trail is counted for submissions only).
   */
  private Counts counts() {
    return new Counts(
        jdbc.sql("select count(*) from candidate").query(Integer.class).single(),
        jdbc.sql("select count(*) from application").query(Integer.class).single(),
        jdbc.sql("select count(*) from audit_event where action = 'SUBMITTED'").query(Integer.class).single());
  }

  record Counts(int candidates, int applications, int submissions) {}
}

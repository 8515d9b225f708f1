package com.internhire.intake;

import com.internhire.candidate.PersonalData;
import static com.internhire.support.Submissions.freshEmail;
import static com.internhire.support.Submissions.strong;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.internhire.support.Api;
import com.internhire.support.Eventually;
import com.internhire.support.Journey;
import com.internhire.support.Mailbox;
import com.internhire.support.ServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** R8: the candidate's own copy, erasure on request and by retention, the audit kept. */
class PrivacyApiTest extends ServiceTest {

  @Autowired JdbcClient jdbc;
  @Autowired PersonalData personalData;

  @Test
  void theCandidateExportsTheirOwnDataWithTheConsentVersion() {
    String email = freshEmail();
    Journey.Submitted application = new Journey(api()).submit(strong(email));
    String path = "/api/applications/" + application.id() + "/personal-data";

    Api.Response export = api().withToken(application.token()).get(path);

    assertThat(export.status()).isEqualTo(200);
    assertThat(export.body().path("candidate").path("email").asText()).isEqualTo(email);
    assertThat(export.body().path("candidate").path("name").asText()).isEqualTo("Ada Li");
    JsonNode first = export.body().path("applications").get(0);
    assertThat(first.path("privacyPolicyVersion").asText()).isEqualTo("2026-01");
    assertThat(first.path("privacyAcceptedAt").asText()).isNotBlank();
    assertThat(api().get(path).status()).isEqualTo(401);
    assertThat(api().withToken("not-the-token").get(path).status()).isEqualTo(403);
    assertThat(api().as("recruiter").get(path).status()).as("staff are not the candidate").isEqualTo(401);
  }

  @Test
  void erasureWaitsForWithdrawalThenRemovesThePersonButKeepsTheTrail() {
    String email = freshEmail();
    Journey journey = new Journey(api());
    Journey.Submitted application = journey.submit(strong(email));
    String id = application.id();
    Api candidate = api().withToken(application.token());
    journey.task("recruiter", id, "Task_ReviewApplication");

    Api.Response tooEarly = candidate.delete("/api/applications/" + id + "/personal-data");
    assertThat(tooEarly.status()).isEqualTo(409);
    assertThat(tooEarly.body().path("type").asText()).isEqualTo("/problems/erasure-not-yet");

    assertThat(candidate.post("/api/applications/" + id + "/withdraw", Map.of()).status()).isEqualTo(200);
    Eventually.until("the withdrawal mail", () -> Mailbox.templatesAbout(id), t -> t.contains("withdrawal-confirmed"));
    int trailBefore = auditRows(id);

    assertThat(candidate.delete("/api/applications/" + id + "/personal-data").status()).isEqualTo(204);

    var person = jdbc.sql("select name, email, phone from candidate c join application a on a.candidate_id = c.id where a.id = cast(:id as uuid)")
        .param("id", id).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)).single();
    assertThat(person).doesNotContain("Ada", email, "555").startsWith("erased|erased-");
    assertThat(auditRows(id)).isEqualTo(trailBefore + 1);
    assertThat(Mailbox.templatesAbout(id)).as("the mail sent to the candidate is erased too").isEmpty();
    assertThat(candidate.get("/api/applications/" + id + "/personal-data").body().toString()).doesNotContain(email, "Ada Li");
    assertThat(candidate.get("/api/applications/" + id).body().path("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(api().as("auditor").get("/api/applications/" + id + "/history").body().findValuesAsText("action"))
        .contains("SUBMITTED", "WITHDRAWAL_REQUESTED", "PERSONAL_DATA_ERASED");
  }

  @Test
  void retentionErasesCandidatesNotHiredOnceThePeriodHasPassed() {
    Journey journey = new Journey(api());
    String oldEmail = freshEmail();
    String recentEmail = freshEmail();
    Journey.Submitted old = journey.submit(strong(oldEmail));
    Journey.Submitted recent = journey.submit(strong(recentEmail));
    for (Journey.Submitted s : new Journey.Submitted[] {old, recent}) {
      journey.complete("recruiter", s.id(), "Task_ReviewApplication", Map.of("decision", "REJECT"));
      journey.awaitStatus(s.id(), "REJECTED");
    }
    jdbc.sql("update application set closed_at = :at where id = cast(:id as uuid)")
        .param("at", Instant.now().minus(Duration.ofDays(200)).atOffset(ZoneOffset.UTC))
        .param("id", old.id())
        .update();

    personalData.eraseClosedBefore(Instant.now().minus(Duration.ofDays(180)));

    assertThat(emailCount(oldEmail)).isZero();
    assertThat(emailCount(recentEmail)).isEqualTo(1);
    assertThat(api().as("auditor").get("/api/applications/" + old.id() + "/history").body().findValuesAsText("action"))
        .contains("SUBMITTED", "SCREENED", "PERSONAL_DATA_ERASED");
  }

  private int auditRows(String id) {
    return jdbc.sql("select count(*) from audit_event where application_id = cast(:id as uuid)").param("id", id).query(Integer.class).single();
  }

  private int emailCount(String email) {
    return jdbc.sql("select count(*) from candidate where email = :e").param("e", email).query(Integer.class).single();
  }
}

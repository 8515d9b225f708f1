package com.internhire.application;

import static com.internhire.support.Submissions.strong;
import static com.internhire.support.Submissions.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.support.Eventually;
import com.internhire.support.Journey;
import com.internhire.support.Mailbox;
import com.internhire.support.ServiceTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** R8: a candidate's name, e-mail and phone never reach the logs, on good paths or refused ones. */
@ExtendWith(OutputCaptureExtension.class)
class NoPersonalDataInLogsTest extends ServiceTest {

  @Test
  void aWholeJourneyAndItsErrorsLogNoPersonalData(CapturedOutput output) {
    String email = "quentin." + UUID.randomUUID().toString().substring(0, 8) + "@example.edu";
    Map<String, Object> body = strong(email);
    with(body, "candidate.name", "Quentin Oyelaran-Vasquez");
    with(body, "candidate.phone", "+33 1 70 36 81 29");
    Journey journey = new Journey(api());

    Journey.Submitted submitted = journey.submit(body);
    api().post("/api/applications", body); // the same again
    api().post("/api/applications", with(strong(email), "education.enrolled", "yes")); // malformed
    api().post("/api/applications", with(strong(email), "candidate.email", email + "\u0000")); // invalid
    journey.complete("recruiter", submitted.id(), "Task_ReviewApplication", Map.of("decision", "REJECT"));
    Eventually.until("the rejection mail", () -> Mailbox.templatesAbout(submitted.id()), t -> t.contains("application-rejected"));

    assertThat(output.getAll()).doesNotContain(email, "Quentin", "Oyelaran", "70 36 81 29");
  }
}

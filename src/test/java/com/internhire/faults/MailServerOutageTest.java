package com.internhire.faults;

import static com.internhire.support.Submissions.freshEmail;
import static com.internhire.support.Submissions.strong;
import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.notification.SwitchableMailbox;
import com.internhire.support.Eventually;
import com.internhire.support.Journey;
import com.internhire.support.Mailbox;
import com.internhire.support.ServiceTest;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SMTP down: the job fails with the backoff its model declares, an incident carries a clear
 * message after the last retry, and once the server is back and the incident resolved exactly
 * one mail goes out.
 */
class MailServerOutageTest extends ServiceTest {

  @Autowired SwitchableMailbox mailServer;
  @Autowired ZeebeTestEngine engine;
  @Autowired CamundaClient client;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void mailServerBack() {
    mailServer.down(false);
  }

  @Test
  void retriesThenAnIncidentThenExactlyOneMailWhenResolved() throws Exception {
    Journey journey = new Journey(api());
    Journey.Submitted application = journey.submit(strong(freshEmail()));
    String id = application.id();
    journey.task("recruiter", id, "Task_ReviewApplication");
    mailServer.down(true);

    journey.complete("recruiter", id, "Task_ReviewApplication", Map.of("decision", "REJECT"));
    journey.awaitStatus(id, "REJECTED");
    long instance =
        jdbc.sql("select process_instance_key from application where id = cast(:id as uuid)").param("id", id).query(Long.class).single();

    Record<IncidentRecordValue> incident = null;
    for (int attempt = 0; attempt < 8 && incident == null; attempt++) {
      engine.increaseTime(Duration.ofSeconds(11)); // past the model's retryBackoff (PT10S)
      incident = Eventually.until("a retry or the incident", Duration.ofSeconds(3), () -> incident(instance), x -> true).orElse(null);
      Thread.sleep(300);
    }
    Record<IncidentRecordValue> created =
        Eventually.until("the incident", () -> incident(instance), Optional::isPresent).orElseThrow();
    assertThat(created.getValue().getErrorMessage()).contains("Sending 'application-rejected' mail failed", "smtp.company.example");
    assertThat(created.getValue().getElementId()).isEqualTo("EndEvent_ApplicationRejected");
    assertThat(Mailbox.templatesAbout(id)).isEmpty();

    mailServer.down(false);
    client.newUpdateRetriesCommand(created.getValue().getJobKey()).retries(1).send().join();
    client.newResolveIncidentCommand(created.getKey()).send().join();

    Eventually.until("the mail", () -> Mailbox.templatesAbout(id), t -> t.contains("application-rejected"));
    Thread.sleep(500);
    assertThat(Mailbox.templatesAbout(id)).containsExactly("application-rejected");
  }

  @SuppressWarnings("unchecked")
  private Optional<Record<IncidentRecordValue>> incident(long processInstanceKey) {
    return StreamSupport.stream(RecordStream.of(engine.getRecordStreamSource()).incidentRecords().spliterator(), false)
        .filter(r -> r.getIntent() == IncidentIntent.CREATED)
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
        .map(r -> (Record<IncidentRecordValue>) r)
        .findFirst();
  }
}

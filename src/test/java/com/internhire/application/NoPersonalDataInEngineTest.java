package com.internhire.application;

import static com.internhire.support.Submissions.strong;
import static com.internhire.support.Submissions.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.support.Api;
import com.internhire.support.Eventually;
import com.internhire.support.ServiceTest;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** R8: names, e-mails and phones stay in our database; the engine holds IDs and facts. */
class NoPersonalDataInEngineTest extends ServiceTest {

  @Autowired ZeebeTestEngine engine;
  @Autowired JdbcClient jdbc;

  @Test
  void noProcessVariableOrEngineRecordHoldsTheCandidatesPersonalData() {
    String name = "Zelda Quixote-Marsh";
    String email = "zelda." + UUID.randomUUID().toString().substring(0, 8) + "@example.edu";
    String phone = "+44 20 7946 0958";
    Map<String, Object> body = strong(email);
    with(body, "candidate.name", name);
    with(body, "candidate.phone", phone);
    Api.Response submitted = api().post("/api/applications", body);
    assertThat(submitted.status()).isEqualTo(201);
    String id = submitted.body().path("applicationId").asText();

    Eventually.until(
        "the review task", () -> api().as("recruiter").get("/api/tasks").body().findValuesAsText("applicationId"),
        ids -> ids.contains(id));
    long key = jdbc.sql("select process_instance_key from application where id = cast(:id as uuid)")
        .param("id", id).query(Long.class).single();

    RecordStream records = RecordStream.of(engine.getRecordStreamSource());
    List<String> variableNames =
        StreamSupport.stream(records.variableRecords().spliterator(), false)
            .filter(r -> r.getValue().getProcessInstanceKey() == key)
            .map(r -> r.getValue().getName())
            .distinct()
            .toList();
    assertThat(variableNames).contains("applicationId", "positionId", "screening", "reviewDueAt");
    StreamSupport.stream(records.variableRecords().spliterator(), false)
        .filter(r -> r.getValue().getProcessInstanceKey() == key)
        .forEach(r -> assertThat(r.getValue().getValue()).doesNotContain(email, "Zelda", "Quixote", "7946"));

    // Not in any record the engine wrote: commands, events, jobs, decisions.
    List<String> everything =
        StreamSupport.stream(records.records().spliterator(), false).map(Record::toJson).toList();
    assertThat(everything).noneMatch(json -> json.contains(email) || json.contains("Quixote") || json.contains("7946 0958"));
  }
}

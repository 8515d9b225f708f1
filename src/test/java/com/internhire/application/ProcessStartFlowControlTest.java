package com.internhire.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.internhire.engine.ProcessEvents;
import com.internhire.engine.ProcessInstances;
import com.internhire.support.Eventually;
import com.internhire.support.TestData;
import com.internhire.support.WorkerSliceTest;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.response.ProcessInstanceEvent;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Flow control of the start outbox: a burst of stored applications enters the engine a few
 * at a time, as the ones before them are screened; none is left behind.
 */
@WorkerSliceTest
@Import({ProcessStarter.class, ApplicationInstances.class, ProcessInstances.class, ApplicationRepository.class, TurnOrder.class})
@EnableConfigurationProperties(HiringDeadlines.class)
@TestPropertySource(
    properties = {
      "hiring.process-start.claim-for=PT1M",
      "hiring.process-start.sweep-interval=PT1H",
      "hiring.process-start.max-first-leg=2"
    })
class ProcessStartFlowControlTest {

  @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS) CamundaClient client;
  @MockitoBean ProcessEvents events;
  @Autowired ProcessStarter starter;
  @Autowired JdbcClient jdbc;

  @Test
  @SuppressWarnings("unchecked")
  void aBurstEntersTheEngineAsTheApplicationsBeforeItAreScreened() throws Exception {
    // Applications of other tests in this database neither wait nor count.
    jdbc.sql("update application set process_instance_key = coalesce(process_instance_key, 1), process_start_claimed_until = null")
        .update();
    List<UUID> burst = List.of(
        TestData.application(jdbc), TestData.application(jdbc), TestData.application(jdbc),
        TestData.application(jdbc), TestData.application(jdbc));
    AtomicLong keys = new AtomicLong(7000);
    when(client.newCreateInstanceCommand().bpmnProcessId(eq("internship-application")).latestVersion().variables(anyMap()).send())
        .thenAnswer(invocation -> {
          ProcessInstanceEvent event = mock(ProcessInstanceEvent.class);
          when(event.getProcessInstanceKey()).thenReturn(keys.incrementAndGet());
          CamundaFuture<ProcessInstanceEvent> future = mock(CamundaFuture.class);
          when(future.join(30, TimeUnit.SECONDS)).thenReturn(event);
          return future;
        });

    starter.wakeUp();
    Eventually.until("two started", () -> started(burst), n -> n == 2);
    Thread.sleep(300);
    assertThat(started(burst)).as("no more while two are on their first leg").isEqualTo(2);

    screenStarted(burst);
    Eventually.until("two more started", () -> started(burst), n -> n == 4);
    screenStarted(burst);
    Eventually.until("the last one started", () -> started(burst), n -> n == 5);
    assertThat(keys.get()).as("each started once").isEqualTo(7005);
  }

  private long started(List<UUID> ids) {
    return jdbc.sql("select count(*) from application where id in (:ids) and process_instance_key is not null")
        .param("ids", ids)
        .query(Long.class)
        .single();
  }

  /** What the screening worker does to the status once the first leg is done. */
  private void screenStarted(List<UUID> ids) {
    jdbc.sql("update application set status = 'SCREENED' where id in (:ids) and process_instance_key is not null")
        .param("ids", ids)
        .update();
  }
}

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
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.grpc.Status;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Engine unreachable (cluster mode): the acknowledged application stays stored, and its
 * process starts once the engine answers again; never lost, never started twice.
 */
@WorkerSliceTest
@Import({ProcessStarter.class, ApplicationInstances.class, ProcessInstances.class, ApplicationRepository.class, TurnOrder.class})
@EnableConfigurationProperties(HiringDeadlines.class)
@TestPropertySource(properties = {"hiring.process-start.claim-for=PT0S", "hiring.process-start.sweep-interval=PT1H"})
class ProcessStartOutboxTest {

  @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS) CamundaClient client;
  @MockitoBean ProcessEvents events;
  @Autowired ProcessStarter starter;
  @Autowired JdbcClient jdbc;

  @Test
  @SuppressWarnings("unchecked")
  void anApplicationStoredWhileTheEngineIsDownStartsWhenItIsBack() throws Exception {
    jdbc.sql("update application set process_instance_key = 1 where process_instance_key is null").update();
    UUID id = TestData.application(jdbc);
    CamundaFuture<ProcessInstanceEvent> unavailable = mock(CamundaFuture.class);
    when(unavailable.join(30, TimeUnit.SECONDS))
        .thenThrow(new ClientStatusException(Status.UNAVAILABLE.withDescription("io exception"), null));
    ProcessInstanceEvent started = mock(ProcessInstanceEvent.class);
    when(started.getProcessInstanceKey()).thenReturn(4242L);
    when(started.getProcessDefinitionKey()).thenReturn(99L);
    CamundaFuture<ProcessInstanceEvent> available = mock(CamundaFuture.class);
    when(available.join(30, TimeUnit.SECONDS)).thenReturn(started);
    when(client.newCreateInstanceCommand().bpmnProcessId(eq("internship-application")).latestVersion().variables(anyMap()).send())
        .thenReturn(unavailable, available);

    starter.sweep();
    Eventually.until("the failed attempt", () -> key(id), k -> k == null);
    Thread.sleep(300);
    assertThat(key(id)).as("still stored, not started").isNull();

    starter.sweep();
    Eventually.until("the start", () -> key(id), k -> k != null && k == 4242L);
    starter.sweep();
    Thread.sleep(300);
    assertThat(key(id)).isEqualTo(4242L);
    assertThat(jdbc.sql("select process_definition_key from application where id = :id").param("id", id).query(Long.class).single())
        .isEqualTo(99L);
  }

  private Long key(UUID id) {
    return jdbc.sql("select process_instance_key from application where id = :id").param("id", id).query(Long.class).optional().orElse(null);
  }
}

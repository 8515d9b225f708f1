package com.internhire.embedded;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.engine.RocksDbEngines;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards the embedded default's engine, assembled from Zeebe Process Test's package-private
 * parts with Zeebe's RocksDB state store: a ZPT upgrade that moves those parts fails to compile
 * {@code RocksDbEngines}, and one that changes how they behave fails here. A job, a Camunda user
 * task completed through the engine's own command, and a timer all run on it, and the state is
 * in RocksDB files in the folder given.
 */
class RocksDbEnginesTest {

  @TempDir Path state;

  @Test
  void runsJobsUserTasksAndTimersWithItsStateInRocksDb() throws Exception {
    ZeebeTestEngine engine = RocksDbEngines.create("127.0.0.1", freePort(), state);
    engine.start();
    try (ZeebeClient client = engine.createClient()) {
      BpmnAssert.initRecordStream(RecordStream.of(engine.getRecordStreamSource()));
      client.newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("rocksdb-probe")
                  .startEvent()
                  .serviceTask("Task_Work", t -> t.zeebeJobType("probe-work"))
                  .userTask("Task_Decide", t -> t.zeebeUserTask().zeebeCandidateGroups("recruiters"))
                  .intermediateCatchEvent("Timer_Wait", e -> e.timerWithDuration("P5D"))
                  .endEvent("EndEvent_Done")
                  .done(),
              "rocksdb-probe.bpmn")
          .send()
          .join();
      ProcessInstanceEvent instance =
          client.newCreateInstanceCommand().bpmnProcessId("rocksdb-probe").latestVersion().send().join();

      ActivatedJob job =
          client.newActivateJobsCommand().jobType("probe-work").maxJobsToActivate(1).send().join().getJobs().getFirst();
      client.newCompleteCommand(job).variables(Map.of("score", 75)).send().join();
      engine.waitForIdleState(Duration.ofSeconds(5));
      long taskKey =
          StreamSupport.stream(RecordStream.of(engine.getRecordStreamSource()).records().spliterator(), false)
              .filter(r -> r.getValueType() == ValueType.USER_TASK)
              .map(r -> ((UserTaskRecordValue) r.getValue()).getUserTaskKey())
              .findFirst()
              .orElseThrow();
      new EngineUserTaskCommands(engine).complete(taskKey, Map.of("decision", "ADVANCE"));
      engine.waitForIdleState(Duration.ofSeconds(5));
      assertThat(instance).isWaitingAtElements("Timer_Wait");

      engine.increaseTime(Duration.ofDays(5).plusMinutes(1));
      engine.waitForIdleState(Duration.ofSeconds(5));

      assertThat(instance)
          .hasPassedElementsInOrder("Task_Work", "Task_Decide", "Timer_Wait", "EndEvent_Done")
          .hasVariableWithValue("decision", "ADVANCE")
          .isCompleted();
      try (Stream<Path> files = Files.list(state)) {
        assertThat(files.map(f -> f.getFileName().toString())).anyMatch(name -> name.startsWith("OPTIONS") || name.endsWith(".sst") || name.equals("CURRENT"));
      }
    } finally {
      engine.stop();
    }
  }

  private static int freePort() throws java.io.IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

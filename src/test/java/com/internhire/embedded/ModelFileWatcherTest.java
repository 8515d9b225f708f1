package com.internhire.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.engine.ModelRedeployed;
import com.internhire.support.Eventually;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live redeploy: a saved model is deployed within seconds; a broken one is refused. */
@ZeebeProcessTest
class ModelFileWatcherTest {

  private ZeebeTestEngine engine;
  @TempDir Path folder;
  private CamundaClient client;
  private ModelFileWatcher watcher;
  private final List<ModelRedeployed> published = new CopyOnWriteArrayList<>();

  @BeforeEach
  void watch() throws Exception {
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://" + engine.getGatewayAddress()))
            .preferRestOverGrpc(false)
            .build();
    watcher = new ModelFileWatcher(client, event -> published.add((ModelRedeployed) event), List.of(folder));
  }

  @AfterEach
  void stop() throws Exception {
    watcher.close();
    client.close();
  }

  @Test
  void aSavedModelIsDeployedAndABrokenOneIsRefusedWhileTheOldVersionRuns() throws Exception {
    Files.writeString(folder.resolve("live-probe.bpmn"), probe("Task_One"));
    Eventually.until("version 1 deployed", () -> latestVersion(), v -> v == 1);
    Eventually.until("the redeploy event", () -> published.size(), n -> n == 1);
    assertThat(published).extracting(ModelRedeployed::fileName).containsExactly("live-probe.bpmn");

    Files.writeString(folder.resolve("live-probe.bpmn"), "<bpmn:definitions xmlns:bpmn=\"broken");
    Thread.sleep(1500);
    assertThat(latestVersion()).as("the broken model is refused").isEqualTo(1);
    assertThat(client.newCreateInstanceCommand().bpmnProcessId("live-probe").latestVersion().send().join().getVersion())
        .isEqualTo(1);

    Files.writeString(folder.resolve("live-probe.bpmn"), probe("Task_Two"));
    Eventually.until("version 2 deployed", () -> latestVersion(), v -> v == 2);
  }

  private int latestVersion() {
    try {
      return client.newCreateInstanceCommand().bpmnProcessId("live-probe").latestVersion().send().join().getVersion();
    } catch (RuntimeException notDeployed) {
      return 0;
    }
  }

  private static String probe(String taskId) {
    return Bpmn.convertToString(
        Bpmn.createExecutableProcess("live-probe").startEvent().manualTask(taskId).endEvent().done());
  }
}

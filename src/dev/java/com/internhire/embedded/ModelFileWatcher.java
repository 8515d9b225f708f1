package com.internhire.embedded;

import com.internhire.engine.ModelRedeployed;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Live redeploy on the embedded default: a saved {@code .bpmn}, {@code .dmn} or {@code .form}
 * in the watched folders is deployed within seconds; the engine keeps one version per change
 * and leaves running applications on theirs. A model the engine refuses is logged with the
 * engine's message, and the version before it keeps running.
 */
public final class ModelFileWatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ModelFileWatcher.class);
  private static final long SETTLE_MILLIS = 300;

  private final CamundaClient client;
  private final ApplicationEventPublisher events;
  private final WatchService watcher;
  private final Thread thread;

  public ModelFileWatcher(CamundaClient client, ApplicationEventPublisher events, List<Path> folders) throws IOException {
    this.client = client;
    this.events = events;
    this.watcher = FileSystems.getDefault().newWatchService();
    for (Path folder : folders) {
      if (Files.isDirectory(folder)) {
        folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        log.info("Watching {} for model changes (live redeploy)", folder.toAbsolutePath());
      }
    }
    thread = Thread.ofPlatform().name("model-file-watcher").daemon().start(this::run);
  }

  private void run() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        Map<Path, Boolean> changed = new HashMap<>();
        collect(key, changed);
        // Editors write in several steps: wait until the folder is quiet, then deploy once.
        WatchKey more;
        while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
          collect(more, changed);
        }
        changed.keySet().forEach(this::deploy);
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void collect(WatchKey key, Map<Path, Boolean> changed) {
    Path folder = (Path) key.watchable();
    key.pollEvents().stream()
        .map(event -> folder.resolve((Path) event.context()))
        .filter(p -> p.toString().matches(".*\\.(bpmn|dmn|form)$"))
        .forEach(p -> changed.put(p, true));
    key.reset();
  }

  void deploy(Path file) {
    try {
      byte[] content = Files.readAllBytes(file);
      DeploymentEvent deployment =
          client.newDeployResourceCommand().addResourceBytes(content, file.getFileName().toString()).send().join();
      String what =
          deployment.getProcesses().stream()
              .map(p -> p.getBpmnProcessId() + " version " + p.getVersion() + " (key " + p.getProcessDefinitionKey() + ")")
              .collect(Collectors.joining(", "));
      if (what.isEmpty()) {
        what =
            deployment.getDecisions().stream().map(d -> d.getDmnDecisionId() + " version " + d.getVersion()).collect(Collectors.joining(", "))
                + deployment.getForm().stream().map(f -> f.getFormId() + " version " + f.getVersion()).collect(Collectors.joining(", "));
      }
      log.info("Deployed {}: {}", file.getFileName(), what);
      events.publishEvent(new ModelRedeployed(file.getFileName().toString(), content));
    } catch (IOException e) {
      log.warn("Cannot read {}: {}", file, e.getMessage());
    } catch (RuntimeException e) {
      log.error("The engine refused {}; the version before it keeps running. Engine: {}", file.getFileName(), e.getMessage());
    }
  }

  @Override
  public void close() throws IOException {
    watcher.close();
    thread.interrupt();
  }
}

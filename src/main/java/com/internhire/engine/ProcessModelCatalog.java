package com.internhire.engine;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The service's own models, parsed once: the packaged {@code bpmn/} files (the same files it
 * deploys), kept up to date when a model is deployed while the service runs. Everything that
 * reads the models (task names and forms, the task forms' data, the diagrams) reads them here;
 * a reader that derives a view of its own recomputes it when {@link #revision()} changes.
 */
@Component
public class ProcessModelCatalog {

  private static final Logger log = LoggerFactory.getLogger(ProcessModelCatalog.class);
  private static final String MODELS = "classpath*:bpmn/*.bpmn";

  /** One model file: its name, its XML and the parsed model. */
  public record ModelFile(String fileName, String xml, BpmnModelInstance model) {}

  /** A user task as modelled. */
  public record UserTaskInfo(String elementId, String name, String formId) {}

  private final Map<String, ModelFile> files = new ConcurrentHashMap<>();
  private final Map<String, UserTaskInfo> userTasks = new ConcurrentHashMap<>();
  private volatile int revision;

  ProcessModelCatalog() throws IOException {
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources(MODELS)) {
      try (InputStream in = resource.getInputStream()) {
        read(resource.getFilename(), in.readAllBytes());
      }
    }
  }

  /** Keeps up with a model deployed while the service runs. */
  @EventListener
  void on(ModelRedeployed redeployed) {
    if (redeployed.fileName().endsWith(".bpmn")) {
      try {
        read(redeployed.fileName(), redeployed.content());
      } catch (RuntimeException e) {
        log.warn("Could not read the redeployed model {}: {}", redeployed.fileName(), e.toString());
      }
    }
  }

  private synchronized void read(String fileName, byte[] content) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    files.put(fileName, new ModelFile(fileName, new String(content, StandardCharsets.UTF_8), model));
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
      userTasks.put(
          processOf(task).getId() + "/" + task.getId(),
          new UserTaskInfo(
              task.getId(), task.getName() == null ? task.getId() : task.getName(), form == null ? null : form.getFormId()));
    }
    revision++;
  }

  /** The process an element belongs to. */
  public static Process processOf(io.camunda.zeebe.model.bpmn.instance.BaseElement element) {
    var parent = element.getParentElement();
    while (!(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return (Process) parent;
  }

  /** Every model file, by file name. */
  public List<ModelFile> files() {
    return List.copyOf(new TreeMap<>(files).values());
  }

  /** Changes whenever a model file is (re)read. */
  public int revision() {
    return revision;
  }

  public Optional<UserTaskInfo> userTask(String bpmnProcessId, String elementId) {
    return Optional.ofNullable(userTasks.get(bpmnProcessId + "/" + elementId));
  }
}

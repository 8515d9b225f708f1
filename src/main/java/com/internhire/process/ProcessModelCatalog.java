package com.internhire.process;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What the service knows of its own models: the names and linked forms of their user
 * tasks, read once from the packaged {@code bpmn/} files (the same files it deploys).
 */
@Component
public class ProcessModelCatalog {

  public static final String MODELS = "classpath*:bpmn/*.bpmn";

  private final Map<String, UserTaskInfo> userTasks = new java.util.concurrent.ConcurrentHashMap<>();

  ProcessModelCatalog() throws IOException {
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources(MODELS)) {
      try (InputStream in = resource.getInputStream()) {
        read(Bpmn.readModelFromStream(in));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }

  /** Keeps up with a model deployed while the service runs. */
  @org.springframework.context.event.EventListener
  void on(ModelRedeployed redeployed) {
    if (redeployed.fileName().endsWith(".bpmn")) {
      read(Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(redeployed.content())));
    }
  }

  private synchronized void read(BpmnModelInstance model) {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      Process process = (Process) findProcess(task);
      ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
      userTasks.put(
          process.getId() + "/" + task.getId(),
          new UserTaskInfo(task.getId(), task.getName() == null ? task.getId() : task.getName(),
              form == null ? null : form.getFormId()));
    }
  }

  private static Object findProcess(UserTask task) {
    var element = task.getParentElement();
    while (!(element instanceof Process)) {
      element = element.getParentElement();
    }
    return element;
  }

  public Optional<UserTaskInfo> userTask(String bpmnProcessId, String elementId) {
    return Optional.ofNullable(userTasks.get(bpmnProcessId + "/" + elementId));
  }

  /** A user task as modelled. */
  public record UserTaskInfo(String elementId, String name, String formId) {}
}

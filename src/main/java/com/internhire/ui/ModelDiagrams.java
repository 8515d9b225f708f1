package com.internhire.ui;

import com.internhire.process.ModelRedeployed;
import com.internhire.process.ProcessModelCatalog;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The deployed BPMN models as the pages draw them: the XML (the same packaged {@code bpmn/}
 * files the service deploys and Modeler edits) and, per process, its flow nodes and sequence
 * flows, so a journey's steps can be placed on the diagram. Keeps up with a model deployed
 * while the service runs.
 */
@Component
class ModelDiagrams {

  private static final Logger log = LoggerFactory.getLogger(ModelDiagrams.class);

  /** A flow node: its kind, the job type or message it waits for, the process it calls. */
  record Node(
      String id,
      String name,
      String kind,
      String parentId,
      String jobType,
      String messageName,
      String calledProcessId,
      String attachedToId,
      boolean noneStart) {

    String label() {
      return name == null || name.isBlank() ? id : name.replaceAll("\\s+", " ").trim();
    }

    boolean gateway() {
      return kind.endsWith("Gateway");
    }
  }

  record Flow(String id, String sourceId, String targetId) {}

  /** One process of a model file. */
  record Diagram(String processId, String name, String fileName, Map<String, Node> nodes, Map<String, Flow> flows) {}

  private final Map<String, String> xmlByFile = new ConcurrentHashMap<>();
  private final Map<String, Diagram> diagrams = new ConcurrentHashMap<>();

  ModelDiagrams() throws IOException {
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources(ProcessModelCatalog.MODELS)) {
      try (InputStream in = resource.getInputStream()) {
        read(resource.getFilename(), in.readAllBytes());
      }
    }
  }

  @EventListener
  void on(ModelRedeployed redeployed) {
    if (redeployed.fileName().endsWith(".bpmn")) {
      try {
        read(redeployed.fileName(), redeployed.content());
      } catch (RuntimeException e) {
        log.warn("Could not read the redeployed model {} for the diagram view: {}", redeployed.fileName(), e.toString());
      }
    }
  }

  Optional<Diagram> diagram(String processId) {
    return Optional.ofNullable(diagrams.get(processId));
  }

  /** The XML of the file that defines the process. */
  Optional<String> xml(String processId) {
    return diagram(processId).map(d -> xmlByFile.get(d.fileName()));
  }

  Collection<Diagram> all() {
    return new TreeMap<>(diagrams).values();
  }

  /** The processes that no call activity calls: where applications start. */
  List<String> mainProcesses() {
    List<String> called = new ArrayList<>();
    diagrams.values().forEach(d -> d.nodes().values().forEach(n -> {
      if (n.calledProcessId() != null) {
        called.add(n.calledProcessId());
      }
    }));
    return new TreeMap<>(diagrams).keySet().stream().filter(id -> !called.contains(id)).toList();
  }

  /** The process an element id belongs to (ids follow Kind_PascalName and are unique across the models). */
  Optional<Diagram> owning(String elementId) {
    if (elementId == null) {
      return Optional.empty();
    }
    List<String> mains = mainProcesses();
    return new TreeMap<>(diagrams).values().stream()
        .filter(d -> d.nodes().containsKey(elementId) || d.flows().containsKey(elementId))
        .min((a, b) -> Boolean.compare(!mains.contains(a.processId()), !mains.contains(b.processId())));
  }

  private synchronized void read(String fileName, byte[] content) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    xmlByFile.put(fileName, new String(content, StandardCharsets.UTF_8));
    for (Process process : model.getModelElementsByType(Process.class)) {
      Map<String, Node> nodes = new LinkedHashMap<>();
      Map<String, Flow> flows = new LinkedHashMap<>();
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        if (processOf(node) == process) {
          nodes.put(node.getId(), node(node));
        }
      }
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        if (processOf(flow) == process) {
          flows.put(flow.getId(), new Flow(flow.getId(), flow.getSource().getId(), flow.getTarget().getId()));
        }
      }
      diagrams.put(process.getId(), new Diagram(process.getId(), process.getName(), fileName, nodes, flows));
    }
  }

  private static Node node(FlowNode node) {
    ZeebeTaskDefinition task = node.getSingleExtensionElement(ZeebeTaskDefinition.class);
    ZeebeCalledElement called =
        node instanceof CallActivity ? node.getSingleExtensionElement(ZeebeCalledElement.class) : null;
    String message = null;
    Collection<EventDefinition> definitions =
        node instanceof CatchEvent c ? c.getEventDefinitions() : node instanceof ThrowEvent t ? t.getEventDefinitions() : List.of();
    for (EventDefinition definition : definitions) {
      if (definition instanceof MessageEventDefinition m && m.getMessage() != null) {
        message = m.getMessage().getName();
      }
    }
    ModelElementInstance parent = node.getParentElement();
    String parentId = parent instanceof SubProcess s ? s.getId() : null;
    boolean noneStart = node instanceof StartEvent start && start.getEventDefinitions().isEmpty() && parentId == null;
    String kind = node.getElementType().getTypeName();
    if (node instanceof UserTask) {
      kind = "userTask";
    } else if (node instanceof Gateway) {
      kind = node.getElementType().getTypeName();
    }
    return new Node(
        node.getId(),
        node.getName(),
        kind,
        parentId,
        task == null ? null : task.getType(),
        message,
        called == null ? null : called.getProcessId(),
        node instanceof BoundaryEvent b && b.getAttachedTo() != null ? b.getAttachedTo().getId() : null,
        noneStart);
  }

  private static Process processOf(FlowElement element) {
    ModelElementInstance parent = element.getParentElement();
    while (parent != null && !(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return (Process) parent;
  }
}

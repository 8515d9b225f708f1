package com.internhire.backoffice;

import com.internhire.engine.ProcessModelCatalog;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * The deployed BPMN models as the pages draw them: the XML (the same packaged {@code bpmn/}
 * files the service deploys and Modeler edits) and, per process, its flow nodes and sequence
 * flows, so a journey's steps can be placed on the diagram. Keeps up with a model deployed
 * while the service runs.
 */
@Component
class ModelDiagrams {

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

  private final ProcessModelCatalog catalog;
  private volatile View view = new View(-1, Map.of(), Map.of());

  ModelDiagrams(ProcessModelCatalog catalog) {
    this.catalog = catalog;
  }

  /** The diagrams of the catalogue's current revision. */
  private record View(int revision, Map<String, String> xmlByFile, Map<String, Diagram> diagrams) {}

  private View view() {
    View current = view;
    int revision = catalog.revision();
    if (current.revision() != revision) {
      Map<String, String> xml = new LinkedHashMap<>();
      Map<String, Diagram> diagrams = new LinkedHashMap<>();
      for (ProcessModelCatalog.ModelFile file : catalog.files()) {
        xml.put(file.fileName(), file.xml());
        read(file.fileName(), file.model(), diagrams);
      }
      current = new View(revision, xml, diagrams);
      view = current;
    }
    return current;
  }

  Optional<Diagram> diagram(String processId) {
    return Optional.ofNullable(view().diagrams().get(processId));
  }

  /** The XML of the file that defines the process. */
  Optional<String> xml(String processId) {
    return diagram(processId).map(d -> view().xmlByFile().get(d.fileName()));
  }

  Collection<Diagram> all() {
    return new TreeMap<>(view().diagrams()).values();
  }

  /** The processes that no call activity calls: where applications start. */
  List<String> mainProcesses() {
    List<String> called = new ArrayList<>();
    Map<String, Diagram> diagrams = view().diagrams();
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
    return new TreeMap<>(view().diagrams()).values().stream()
        .filter(d -> d.nodes().containsKey(elementId) || d.flows().containsKey(elementId))
        .min((a, b) -> Boolean.compare(!mains.contains(a.processId()), !mains.contains(b.processId())));
  }

  private static void read(String fileName, BpmnModelInstance model, Map<String, Diagram> diagrams) {
    for (Process process : model.getModelElementsByType(Process.class)) {
      Map<String, Node> nodes = new LinkedHashMap<>();
      Map<String, Flow> flows = new LinkedHashMap<>();
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        if (ProcessModelCatalog.processOf(node) == process) {
          nodes.put(node.getId(), node(node));
        }
      }
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        if (ProcessModelCatalog.processOf(flow) == process) {
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

}

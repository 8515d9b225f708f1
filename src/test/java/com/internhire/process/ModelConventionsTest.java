package com.internhire.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.internhire.support.ProcessDriver;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conventions a process owner keeps when editing the models in Camunda Modeler: ID
 * prefixes, retries and back-off on every job, the inbox listeners and a linked form on
 * every user task, documentation, version tags, and a complete diagram.
 */
class ModelConventionsTest {

  private static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
  private static final Map<String, String> VERSION_TAGS = Map.of("internship-application", "2.0.0", "offer", "1.0.0");
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<String> processes() {
    return Arrays.stream(ProcessDriver.MODELS).filter(m -> m.endsWith(".bpmn"));
  }

  static Stream<String> forms() {
    return Arrays.stream(ProcessDriver.MODELS).filter(m -> m.endsWith(".form"));
  }

  @ParameterizedTest
  @MethodSource("processes")
  void isValidForTheEngineAndTargetsCamunda88(String resource) {
    BpmnModelInstance model = read(resource);
    Bpmn.validateModel(model);

    assertThat(model.getDefinitions().getAttributeValueNs(MODELER_NS, "executionPlatform")).isEqualTo("Camunda Cloud");
    assertThat(model.getDefinitions().getAttributeValueNs(MODELER_NS, "executionPlatformVersion")).isEqualTo("8.8.0");
    for (Process process : model.getModelElementsByType(Process.class)) {
      assertThat(process.getSingleExtensionElement(ZeebeVersionTag.class).getValue())
          .isEqualTo(VERSION_TAGS.get(process.getId()));
      assertThat(process.getDocumentations()).as("documentation of %s", process.getId()).isNotEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("processes")
  void elementIdsSayWhatTheElementIs(String resource) {
    BpmnModelInstance model = read(resource);
    List<String> wrong = new ArrayList<>();
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      String prefix = prefixFor(element);
      if (prefix != null && !element.getId().matches(prefix + "_[A-Z][A-Za-z]+")) {
        wrong.add(element.getId() + " (expected " + prefix + "_PascalName)");
      }
    }
    assertThat(wrong).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("processes")
  void everyJobDeclaresRetriesAndABackOff(String resource) {
    BpmnModelInstance model = read(resource);
    for (ZeebeTaskDefinition definition : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
      BaseElement element = (BaseElement) definition.getParentElement().getParentElement();
      assertThat(definition.getType()).as(element.getId()).matches("[a-z]+(-[a-z]+)*");
      assertThat(definition.getRetries()).as("retries of %s", element.getId()).isEqualTo("5");
      Map<String, String> headers = headers(element);
      assertThat(headers).as("headers of %s", element.getId()).containsKey("retryBackoff");
      assertThat(Duration.parse(headers.get("retryBackoff"))).isPositive();
      if (definition.getType().equals("update-application-status")) {
        assertThat(element.getChildElementsByType(MessageEventDefinition.class)).as(element.getId()).hasSize(1);
        assertThat(headers).as(element.getId()).containsKey("status");
        if (headers.containsKey("deadline")) {
          assertThat(headers.get("deadline")).isIn("availability", "offer", "start-date");
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("processes")
  void everyUserTaskIsACamundaUserTaskWithFormGroupAndInboxListeners(String resource) {
    BpmnModelInstance model = read(resource);
    Set<String> forms = forms().map(f -> f.substring("forms/".length(), f.length() - ".form".length())).collect(Collectors.toSet());
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(task.getSingleExtensionElement(ZeebeUserTask.class)).as("zeebe:userTask on %s", task.getId()).isNotNull();
      assertThat(task.getSingleExtensionElement(ZeebeFormDefinition.class).getFormId()).isIn(forms);
      assertThat(task.getSingleExtensionElement(ZeebeAssignmentDefinition.class).getCandidateGroups()).isNotBlank();
      assertThat(headers(task)).containsKey("applicationStatus");
      ZeebeTaskListeners listeners = task.getSingleExtensionElement(ZeebeTaskListeners.class);
      assertThat(listeners.getTaskListeners())
          .extracting(l -> l.getEventType().name() + "->" + l.getType() + "/" + l.getRetries())
          .containsExactly(
              "creating->inbox-task-created/5", "completing->inbox-task-completing/5", "canceling->inbox-task-canceling/5");
    }
  }

  @ParameterizedTest
  @MethodSource("processes")
  void tasksAndTheProcessAreDocumented(String resource) {
    BpmnModelInstance model = read(resource);
    List<String> undocumented =
        model.getModelElementsByType(Activity.class).stream()
            .filter(a -> a.getDocumentations().isEmpty())
            .map(BaseElement::getId)
            .toList();
    assertThat(undocumented).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("processes")
  void theDiagramShowsEveryElementWithoutOverlaps(String resource) {
    BpmnModelInstance model = read(resource);
    Map<String, Bounds> shapes = new HashMap<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      shapes.put(shape.getBpmnElement().getId(), shape.getBounds());
    }
    Set<String> edges = new HashSet<>();
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      assertThat(edge.getWaypoints()).as("waypoints of %s", edge.getBpmnElement().getId()).hasSizeGreaterThanOrEqualTo(2);
      edges.add(edge.getBpmnElement().getId());
    }
    List<FlowNode> nodes = new ArrayList<>(model.getModelElementsByType(FlowNode.class));
    assertThat(nodes).allSatisfy(n -> assertThat(shapes).as("shape of %s", n.getId()).containsKey(n.getId()));
    assertThat(model.getModelElementsByType(SequenceFlow.class))
        .allSatisfy(f -> assertThat(edges).as("edge of %s", f.getId()).contains(f.getId()));
    List<String> overlaps = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      for (int j = i + 1; j < nodes.size(); j++) {
        FlowNode a = nodes.get(i);
        FlowNode b = nodes.get(j);
        if (contains(a, b) || contains(b, a) || attached(a, b) || attached(b, a)) {
          continue;
        }
        if (overlap(shapes.get(a.getId()), shapes.get(b.getId()))) {
          overlaps.add(a.getId() + " / " + b.getId());
        }
      }
    }
    assertThat(overlaps).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("forms")
  void formsTargetCamunda88AndHaveUniqueComponentIds(String resource) throws IOException {
    JsonNode form;
    try (InputStream in = resource(resource)) {
      form = JSON.readTree(in);
    }
    String formId = resource.substring("forms/".length(), resource.length() - ".form".length());
    assertThat(form.path("id").asText()).isEqualTo(formId);
    assertThat(form.path("schemaVersion").asInt()).isEqualTo(18);
    assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Cloud");
    assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("8.8.0");
    Set<String> ids = new HashSet<>();
    for (JsonNode component : form.path("components")) {
      String id = component.path("id").asText();
      assertThat(ids.add(id)).as("unique id %s", id).isTrue();
      if (component.has("key")) {
        assertThat(id).isEqualTo("Field_" + component.path("key").asText());
      } else {
        assertThat(id).matches("(Text|Table)_[A-Za-z]+");
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  private static String prefixFor(BaseElement element) {
    if (element instanceof SequenceFlow) {
      return "Flow";
    } else if (element instanceof StartEvent) {
      return "StartEvent";
    } else if (element instanceof EndEvent) {
      return "EndEvent";
    } else if (element instanceof IntermediateCatchEvent || element instanceof IntermediateThrowEvent
        || element instanceof BoundaryEvent) {
      return "Event";
    } else if (element instanceof Gateway) {
      return "Gateway";
    } else if (element instanceof SubProcess) {
      return "SubProcess";
    } else if (element instanceof CallActivity) {
      return "CallActivity";
    } else if (element instanceof UserTask || element instanceof ServiceTask || element instanceof BusinessRuleTask) {
      return "Task";
    }
    return null;
  }

  private static Map<String, String> headers(BaseElement element) {
    ZeebeTaskHeaders headers = element.getSingleExtensionElement(ZeebeTaskHeaders.class);
    return headers == null
        ? Map.of()
        : headers.getHeaders().stream().collect(Collectors.toMap(ZeebeHeader::getKey, ZeebeHeader::getValue));
  }

  private static boolean contains(FlowNode outer, FlowNode inner) {
    return outer instanceof SubProcess && inner.getParentElement() == outer;
  }

  private static boolean attached(FlowNode boundary, FlowNode host) {
    return boundary instanceof BoundaryEvent event && event.getAttachedTo() == host;
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }

  private static BpmnModelInstance read(String resource) {
    try (InputStream in = resource(resource)) {
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream resource(String resource) {
    InputStream in = ModelConventionsTest.class.getClassLoader().getResourceAsStream(resource);
    assertThat(in).as(resource).isNotNull();
    return in;
  }
}

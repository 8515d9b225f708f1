package com.internhire.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The models and the Java side agree: every job type a model uses has a worker, every
 * worker's type appears in a model, every linked form exists, parses and carries the id
 * its user task links, and every model's file name is its process id.
 */
class ModelContractTest {

  private static final Path BPMN = Path.of("bpmn");
  private static final Path FORMS = Path.of("forms");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyJobTypeInTheModelsHasAWorkerAndEveryWorkerIsUsed() throws IOException {
    Set<String> modelled = new TreeSet<>();
    for (BpmnModelInstance model : models().values()) {
      model.getModelElementsByType(ZeebeTaskDefinition.class).forEach(t -> modelled.add(t.getType()));
      model.getModelElementsByType(ZeebeTaskListener.class).forEach(t -> modelled.add(t.getType()));
    }
    Set<String> workers = workerTypes();

    assertThat(modelled).as("job types in bpmn/ without a worker").isSubsetOf(workers);
    assertThat(workers).as("workers whose job type no model uses").isSubsetOf(modelled);
  }

  @Test
  void everyElementTemplateOffersAWorkersJobType() throws IOException {
    Set<String> workers = workerTypes();
    List<Path> templates;
    try (Stream<Path> files = Files.list(Path.of("element-templates"))) {
      templates = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(templates).isNotEmpty();
    for (Path file : templates) {
      JsonNode template = JSON.readTree(file.toFile());
      List<String> types =
          template.path("properties").findParents("binding").stream()
              .filter(p -> p.path("binding").path("type").asText().equals("zeebe:taskDefinition"))
              .filter(p -> p.path("binding").path("property").asText().equals("type"))
              .map(p -> p.path("value").asText())
              .toList();
      assertThat(types).as("%s sets exactly one job type", file).hasSize(1);
      assertThat(workers).as("%s's job type has a worker", file).contains(types.getFirst());
    }
  }

  @Test
  void everyLinkedFormExistsParsesAndCarriesItsId() throws IOException {
    Map<String, JsonNode> forms = forms();
    for (var entry : models().entrySet()) {
      for (UserTask task : entry.getValue().getModelElementsByType(UserTask.class)) {
        ZeebeFormDefinition link = task.getSingleExtensionElement(ZeebeFormDefinition.class);
        assertThat(link).as("%s/%s links a form", entry.getKey(), task.getId()).isNotNull();
        assertThat(forms).as("%s/%s links form %s", entry.getKey(), task.getId(), link.getFormId()).containsKey(link.getFormId());
      }
    }
    forms.forEach(
        (id, form) -> {
          assertThat(form.path("components").isArray()).as("form %s has components", id).isTrue();
          assertThat(form.path("executionPlatform").asText()).as("form %s platform", id).isEqualTo("Camunda Cloud");
        });
  }

  @Test
  void everyModelIsNamedForItsProcessAndCarriesAVersionTag() throws IOException {
    models().forEach(
        (file, model) -> {
          List<Process> processes = List.copyOf(model.getModelElementsByType(Process.class));
          assertThat(processes).as(file).hasSize(1);
          assertThat(file).isEqualTo(processes.getFirst().getId() + ".bpmn");
          assertThat(Bpmn.convertToString(model)).as(file).contains("zeebe:versionTag");
          Bpmn.validateModel(model);
        });
  }

  private static Map<String, BpmnModelInstance> models() throws IOException {
    Map<String, BpmnModelInstance> models = new HashMap<>();
    try (Stream<Path> files = Files.list(BPMN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        models.put(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile()));
      }
    }
    assertThat(models).isNotEmpty();
    return models;
  }

  private static Map<String, JsonNode> forms() throws IOException {
    Map<String, JsonNode> forms = new HashMap<>();
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode form = JSON.readTree(file.toFile());
        String id = form.path("id").asText();
        assertThat(file.getFileName().toString()).as("form file named for its id").isEqualTo(id + ".form");
        forms.put(id, form);
      }
    }
    return forms;
  }

  static Set<String> workerTypes() {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    Set<String> types = new TreeSet<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("com.internhire")) {
      Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), ModelContractTest.class.getClassLoader());
      Arrays.stream(type.getDeclaredMethods())
          .map(m -> m.getAnnotation(JobWorker.class))
          .filter(a -> a != null)
          .map(JobWorker::type)
          .forEach(types::add);
    }
    return types.stream().filter(t -> !t.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
  }
}

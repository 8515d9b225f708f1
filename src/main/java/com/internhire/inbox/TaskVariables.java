package com.internhire.inbox;

import com.internhire.application.ApplicationRepository;
import com.internhire.application.StoredApplication;
import com.internhire.engine.ProcessModelCatalog;
import com.internhire.engine.ProcessVariables;
import com.internhire.offer.Seats;
import com.internhire.position.CohortCalendar;
import com.internhire.position.Position;
import com.internhire.position.PositionRepository;
import com.internhire.screening.ScreeningResults;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The process data a task's form shows, derived from the service's own database rather than
 * read from the engine (the embedded engine has no variable query; a cluster's needs
 * secondary storage). The same non-personal facts the model carries:
 *
 * <ul>
 *   <li>{@code applicationId}, {@code positionId}, {@code interviewCount} (start variables);
 *   <li>{@code screening}, {@code reviewDueAt}, {@code cohortOptions} (the screening job's result,
 *       from screening's own table);
 *   <li>{@code seatHeld}, {@code offerStartDate}, {@code offerEndDate} (the hold-seat job's result);
 *   <li>what completed tasks handed to the process: each task's output mappings replayed on
 *       its recorded answers ({@link TaskAnswers}) (e.g. {@code decision} as {@code reviewDecision}), and a
 *       multi-instance task's output collection (e.g. {@code scorecards}) built from its
 *       output element's context of plain names;
 *   <li>the task's own input element of a multi-instance task (e.g. {@code interviewNumber}).
 * </ul>
 *
 * Free text that stays on a task (notes, comments) never appears: only what an output
 * mapping passes on. Never the candidate's name, e-mail or phone (R8).
 */
@Component
class TaskVariables {

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern CONTEXT = Pattern.compile("^=\\s*\\{(.*)}\\s*$", Pattern.DOTALL);

  private final ApplicationRepository applications;
  private final PositionRepository positions;
  private final ScreeningResults screening;
  private final TaskAnswers answers;
  private final Seats seats;
  private final JdbcClient jdbc;
  private final ProcessModelCatalog catalog;
  private volatile TaskModels models = new TaskModels(-1, Map.of());

  TaskVariables(
      ApplicationRepository applications,
      PositionRepository positions,
      ScreeningResults screening,
      TaskAnswers answers,
      Seats seats,
      JdbcClient jdbc,
      ProcessModelCatalog catalog) {
    this.applications = applications;
    this.positions = positions;
    this.screening = screening;
    this.answers = answers;
    this.seats = seats;
    this.jdbc = jdbc;
    this.catalog = catalog;
  }

  Map<String, Object> of(InboxTask task) {
    UUID id = task.applicationId();
    StoredApplication application = applications.find(id).orElseThrow();
    Optional<Position> position = positions.findById(application.positionId());
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(ProcessVariables.APPLICATION_ID, id.toString());
    variables.put(ProcessVariables.POSITION_ID, application.positionId());
    position.ifPresent(p -> variables.put(ProcessVariables.INTERVIEW_COUNT, p.interviewers()));
    screening.of(id).ifPresent(outcome -> {
      variables.put(ProcessVariables.SCREENING, outcome.result());
      variables.put(ProcessVariables.REVIEW_DUE_AT, outcome.reviewDueAt().toString());
    });
    if (application.availability() != null && position.isPresent()) {
      variables.put(ProcessVariables.COHORT_OPTIONS, position.get().cohortOptions(application.availability()));
    }
    seats.of(id)
        .filter(seat -> !"RELEASED".equals(seat.state()))
        .ifPresent(seat -> {
          variables.put(ProcessVariables.SEAT_HELD, true);
          variables.put(ProcessVariables.OFFER_START_DATE, seat.startDate().toString());
          position.ifPresent(p ->
              variables.put(ProcessVariables.OFFER_END_DATE, CohortCalendar.endDate(seat.startDate(), p.weeks()).toString()));
        });

    Map<String, TaskModel> modelled = models();
    Map<Long, TaskRow> rows = taskRows(id);
    for (TaskAnswers.Answered answered : answers.completed(id)) {
      TaskModel model = modelled.get(answered.elementId());
      TaskRow row = rows.get(answered.taskKey());
      if (model == null || row == null) {
        continue;
      }
      Map<String, Object> local = new LinkedHashMap<>(answered.answers());
      if (model.inputElement() != null) {
        local.put(model.inputElement(), rank(row, rows));
      }
      Map<String, Object> outputs = outputs(model, local);
      if (model.outputCollection() != null && model.outputElement() != null) {
        Object element = outputs.remove(model.outputElement());
        if (element != null) {
          @SuppressWarnings("unchecked")
          List<Object> collection =
              (List<Object>) variables.computeIfAbsent(model.outputCollection(), k -> new ArrayList<>());
          collection.add(element);
        }
      }
      variables.putAll(outputs);
    }

    TaskModel own = modelled.get(task.elementId());
    TaskRow self = rows.get(Long.parseLong(task.id()));
    if (own != null && own.inputElement() != null && self != null) {
      variables.put(own.inputElement(), rank(self, rows));
    }
    return variables;
  }

  /** What the element's output mappings hand to the process, for sources that are plain names or contexts of them. */
  private static Map<String, Object> outputs(TaskModel model, Map<String, Object> local) {
    Map<String, Object> outputs = new LinkedHashMap<>();
    for (Map.Entry<String, String> output : model.outputs().entrySet()) {
      String source = output.getValue().trim();
      Matcher context = CONTEXT.matcher(source);
      if (source.startsWith("=") && PLAIN_NAME.matcher(source.substring(1).trim()).matches()) {
        Object value = local.get(source.substring(1).trim());
        if (value != null) {
          outputs.put(output.getKey(), value);
        }
      } else if (context.matches()) {
        Map<String, Object> built = new LinkedHashMap<>();
        for (String entry : context.group(1).split(",")) {
          String[] pair = entry.split(":", 2);
          if (pair.length == 2 && PLAIN_NAME.matcher(pair[1].trim()).matches()) {
            built.put(pair[0].trim(), local.get(pair[1].trim()));
          }
        }
        outputs.put(output.getKey(), built);
      }
    }
    return outputs;
  }

  /** The 1-based position of a task among its element's tasks in the same instance (a multi-instance input element). */
  private static int rank(TaskRow row, Map<Long, TaskRow> rows) {
    return (int)
            rows.values().stream()
                .filter(r -> r.elementId().equals(row.elementId()) && r.processInstanceKey() == row.processInstanceKey())
                .filter(r -> r.taskKey() < row.taskKey())
                .count()
        + 1;
  }

  private Map<Long, TaskRow> taskRows(UUID applicationId) {
    Map<Long, TaskRow> rows = new LinkedHashMap<>();
    jdbc.sql(
            "select task_key, element_id, process_instance_key, state from user_task where application_id = :id order by task_key")
        .param("id", applicationId)
        .query((rs, n) -> new TaskRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
        .list()
        .forEach(r -> rows.put(r.taskKey(), r));
    return rows;
  }

  /** The user tasks' data mappings, per element id, for the catalogue's current revision. */
  private Map<String, TaskModel> models() {
    TaskModels current = models;
    int revision = catalog.revision();
    if (current.revision() != revision) {
      Map<String, TaskModel> byElement = new HashMap<>();
      catalog.files().forEach(file -> read(file.model(), byElement));
      current = new TaskModels(revision, byElement);
      models = current;
    }
    return current.byElement();
  }

  private record TaskModels(int revision, Map<String, TaskModel> byElement) {}

  private static void read(BpmnModelInstance model, Map<String, TaskModel> models) {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      Map<String, String> outputs = new LinkedHashMap<>();
      ZeebeIoMapping io = task.getSingleExtensionElement(ZeebeIoMapping.class);
      if (io != null) {
        for (ZeebeOutput output : io.getOutputs()) {
          outputs.put(output.getTarget(), output.getSource());
        }
      }
      String inputElement = null;
      String outputCollection = null;
      String outputElement = null;
      if (task.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop) {
        ZeebeLoopCharacteristics zeebe = loop.getSingleExtensionElement(ZeebeLoopCharacteristics.class);
        if (zeebe != null) {
          inputElement = zeebe.getInputElement();
          outputCollection = zeebe.getOutputCollection();
          String element = zeebe.getOutputElement();
          outputElement =
              element != null && element.startsWith("=") && PLAIN_NAME.matcher(element.substring(1).trim()).matches()
                  ? element.substring(1).trim()
                  : null;
        }
      }
      models.put(task.getId(), new TaskModel(outputs, inputElement, outputCollection, outputElement));
    }
  }

  private record TaskModel(
      Map<String, String> outputs, String inputElement, String outputCollection, String outputElement) {}

  private record TaskRow(long taskKey, String elementId, long processInstanceKey, String state) {}
}

package com.internhire.backoffice;

import com.internhire.application.ApplicationRepository;
import com.internhire.application.StoredApplication;
import com.internhire.audit.AuditTrail;
import com.internhire.platform.DomainException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * One application's way through the models, for the auditor's view: each step of the audit
 * trail placed on its BPMN element (who or which rule version decided, when, from which
 * inputs), the path taken (elements and the sequence flows between them) and where the
 * application stands now (its open tasks). Derived from the service's own audit trail and
 * inbox read model, so it works on the embedded engine and on a cluster alike.
 *
 * <p>How a trail row finds its element: status changes and completed tasks name it; an
 * automated step names its job type (screening, seats, onboarding, escalation); a
 * candidate's action names the message the model waits for. Gateways and events that leave
 * no row of their own are on the path when they join two elements on it.
 */
@Service
class JourneyService {

  /** Trail actions of job workers, by the job type of the element that ran them. */
  private static final Map<String, String> ACTION_JOB_TYPE = Map.of(
      "SCREENED", "screen-application",
      "SEAT_HELD", "hold-seat",
      "NO_SEAT", "hold-seat",
      "SEAT_TAKEN", "take-seat",
      "HANDED_OVER", "hand-over-to-onboarding",
      "REVIEW_ESCALATED", "escalate-overdue-review");

  /** The candidate's actions, by the message each sends into the model. */
  private static final Map<String, String> ACTION_MESSAGE = Map.of(
      "AVAILABILITY_PROVIDED", "availability-provided",
      "OFFER_ANSWERED", "offer-answered",
      "START_DATE_CONFIRMED", "start-date-confirmed",
      "WITHDRAWAL_REQUESTED", "application-withdrawn");

  private static final int BRIDGE_DEPTH = 6;

  private final ApplicationRepository applications;
  private final AuditTrail audit;
  private final TaskRows tasks;
  private final ModelDiagrams models;

  JourneyService(ApplicationRepository applications, AuditTrail audit, TaskRows tasks, ModelDiagrams models) {
    this.applications = applications;
    this.audit = audit;
    this.tasks = tasks;
    this.models = models;
  }

  record Place(String processId, String elementId, String elementName) {}

  record Step(
      int n,
      Instant occurredAt,
      String actor,
      String actorKind,
      String action,
      String summary,
      String processId,
      String elementId,
      String elementName,
      String ruleId,
      String ruleVersion,
      Map<String, Object> inputs,
      Map<String, Object> outcome) {}

  record OpenTask(
      String taskId, String processId, String elementId, String name, List<String> candidateGroups,
      String assignee, Instant createdAt, Instant dueAt, boolean overdue) {}

  record ProcessView(String processId, String name, boolean main, String calledFrom) {}

  record Journey(
      UUID applicationId,
      String status,
      String stage,
      boolean concluded,
      List<ProcessView> processes,
      List<Step> steps,
      Map<String, List<String>> visited,
      Map<String, List<String>> current,
      List<OpenTask> openTasks,
      Place lastReached) {}

  Journey of(UUID id) {
    StoredApplication application =
        applications.find(id).orElseThrow(() -> DomainException.notFound("application", id));
    List<AuditTrail.AuditEvent> trail = audit.history(id);
    List<TaskRows.TaskRow> taskRows = tasks.of(id);
    String main = mainProcess(taskRows);

    Map<String, Set<String>> visited = new LinkedHashMap<>();
    Map<String, Instant[]> reachedAt = new java.util.HashMap<>();
    List<Step> steps = new ArrayList<>();
    Place last = null;
    for (AuditTrail.AuditEvent event : trail) {
      Optional<Place> place = place(event, main, taskRows);
      boolean passed = place.isPresent() && !"TASK_COMPLETION_REFUSED".equals(event.action());
      if (passed) {
        visited.computeIfAbsent(place.get().processId(), k -> new LinkedHashSet<>()).add(place.get().elementId());
        reached(reachedAt, place.get().elementId(), event.occurredAt());
        last = place.get();
      }
      steps.add(step(steps.size() + 1, event, place.orElse(null)));
    }

    Map<String, Set<String>> current = new LinkedHashMap<>();
    List<OpenTask> open = new ArrayList<>();
    for (TaskRows.TaskRow row : taskRows) {
      Optional<ModelDiagrams.Diagram> diagram = models.owning(row.elementId());
      if (diagram.isEmpty()) {
        continue;
      }
      String processId = diagram.get().processId();
      visited.computeIfAbsent(processId, k -> new LinkedHashSet<>()).add(row.elementId());
      reached(reachedAt, row.elementId(), row.createdAt());
      reached(reachedAt, row.elementId(), row.completedAt());
      if (row.open()) {
        current.computeIfAbsent(processId, k -> new LinkedHashSet<>()).add(row.elementId());
        open.add(new OpenTask(row.taskId(), processId, row.elementId(), row.name(), row.candidateGroups(),
            row.assignee(), row.createdAt(), row.dueAt(), row.overdue()));
      }
    }
    if (!visited.containsKey(main)) {
      visited.put(main, new LinkedHashSet<>());
    }
    containers(visited, reachedAt);
    containers(current, new java.util.HashMap<>());
    Set<String> active = new HashSet<>();
    current.values().forEach(active::addAll);
    Map<String, List<String>> path = new LinkedHashMap<>();
    visited.forEach((processId, nodes) -> path.put(processId, bridge(processId, nodes, active, reachedAt)));

    List<ProcessView> processes = new ArrayList<>();
    for (String processId : path.keySet()) {
      models.diagram(processId).ifPresent(d -> processes.add(
          new ProcessView(processId, d.name(), processId.equals(main), callerOf(processId).orElse(null))));
    }
    processes.sort((a, b) -> Boolean.compare(!a.main(), !b.main()));
    Map<String, List<String>> currentView = new LinkedHashMap<>();
    current.forEach((k, v) -> currentView.put(k, List.copyOf(v)));
    return new Journey(
        id,
        application.status().name(),
        application.status().plainWords(),
        application.concluded(),
        processes,
        steps,
        path,
        currentView,
        open,
        application.concluded() || !open.isEmpty() ? null : last);
  }

  /** The main process of this application: the one its tasks belong to, else the first that no one calls. */
  private String mainProcess(List<TaskRows.TaskRow> taskRows) {
    List<String> mains = models.mainProcesses();
    for (TaskRows.TaskRow row : taskRows) {
      Optional<String> owner = models.owning(row.elementId()).map(ModelDiagrams.Diagram::processId);
      if (owner.isPresent() && mains.contains(owner.get())) {
        return owner.get();
      }
    }
    return mains.contains("internship-application") ? "internship-application" : mains.stream().findFirst().orElse("");
  }

  private Optional<Place> place(AuditTrail.AuditEvent event, String main, List<TaskRows.TaskRow> taskRows) {
    Map<String, Object> details = event.details();
    String elementId =
        switch (event.action()) {
          case "SUBMITTED" -> models.diagram(main)
              .flatMap(d -> d.nodes().values().stream().filter(ModelDiagrams.Node::noneStart).findFirst())
              .map(ModelDiagrams.Node::id)
              .orElse(null);
          case "STATUS_CHANGED" -> text(details.get("element"));
          case "TASK_COMPLETED" -> text(details.get("task"));
          case "TASK_COMPLETION_REFUSED" -> taskRows.stream()
              .filter(t -> t.taskId().equals(text(details.get("taskKey"))))
              .map(TaskRows.TaskRow::elementId)
              .findFirst()
              .orElse(null);
          case "SEAT_RELEASED" -> known(text(details.get("reason"))) ? text(details.get("reason")) : null;
          default -> {
            if (ACTION_JOB_TYPE.containsKey(event.action())) {
              yield unique(n -> ACTION_JOB_TYPE.get(event.action()).equals(n.jobType()));
            }
            if (ACTION_MESSAGE.containsKey(event.action())) {
              yield unique(n -> ACTION_MESSAGE.get(event.action()).equals(n.messageName()) && !"intermediateThrowEvent".equals(n.kind()));
            }
            yield null;
          }
        };
    if (elementId == null) {
      return Optional.empty();
    }
    String id = elementId;
    return models.owning(id).map(d -> new Place(d.processId(), id, d.nodes().containsKey(id) ? d.nodes().get(id).label() : id));
  }

  private boolean known(String elementId) {
    return models.owning(elementId).isPresent();
  }

  private String unique(java.util.function.Predicate<ModelDiagrams.Node> test) {
    List<String> found = new ArrayList<>();
    for (ModelDiagrams.Diagram diagram : models.all()) {
      diagram.nodes().values().stream().filter(test).forEach(n -> found.add(n.id()));
    }
    return found.size() == 1 ? found.getFirst() : null;
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  private Step step(int n, AuditTrail.AuditEvent event, Place place) {
    Map<String, Object> details = event.details();
    Map<String, Object> inputs = new LinkedHashMap<>();
    Map<String, Object> outcome = new LinkedHashMap<>();
    String summary;
    switch (event.action()) {
      case "SUBMITTED" -> {
        inputs.putAll(details);
        summary = "Application submitted";
      }
      case "SCREENED" -> {
        if (details.get("inputs") instanceof Map<?, ?> in) {
          in.forEach((k, v) -> inputs.put(String.valueOf(k), v));
        }
        if (details.get("result") instanceof Map<?, ?> result) {
          result.forEach((k, v) -> outcome.put(String.valueOf(k), v));
        }
        if (details.get("evaluatedDecisions") != null) {
          outcome.put("evaluatedDecisions", details.get("evaluatedDecisions"));
        }
        summary = "Screened by decision " + event.ruleId() + " version " + event.ruleVersion()
            + (outcome.get("recommendation") == null ? "" : ": " + outcome.get("recommendation") + ", score " + outcome.get("score"));
      }
      case "TASK_COMPLETED" -> {
        if (details.get("answers") instanceof Map<?, ?> answers) {
          answers.forEach((k, v) -> inputs.put(String.valueOf(k), v));
        }
        summary = text(details.getOrDefault("taskName", details.get("task"))) + " completed by " + event.actor();
      }
      case "STATUS_CHANGED" -> {
        outcome.put("from", details.get("from"));
        outcome.put("to", details.get("to"));
        if (details.get("candidateMessage") != null) {
          outcome.put("candidateMessage", details.get("candidateMessage"));
        }
        summary = "Status " + details.get("from") + " → " + details.get("to");
      }
      default -> {
        inputs.putAll(details);
        String words = event.action().toLowerCase().replace('_', ' ');
        summary = Character.toUpperCase(words.charAt(0)) + words.substring(1);
      }
    }
    return new Step(
        n,
        event.occurredAt(),
        event.actor(),
        actorKind(event.actor()),
        event.action(),
        summary,
        place == null ? null : place.processId(),
        place == null ? null : place.elementId(),
        place == null ? null : place.elementName(),
        event.ruleId(),
        event.ruleVersion(),
        inputs,
        outcome);
  }

  static String actorKind(String actor) {
    if (actor == null) {
      return "unknown";
    }
    if (actor.equals("candidate")) {
      return "candidate";
    }
    if (actor.startsWith("rule:")) {
      return "rule";
    }
    if (actor.startsWith("process:")) {
      return "process";
    }
    if (actor.startsWith("system:")) {
      return "system";
    }
    return "person";
  }

  /** When an element was first and last reached (a task: opened and completed; a step: its time). */
  private static void reached(Map<String, Instant[]> reachedAt, String elementId, Instant at) {
    if (at == null) {
      return;
    }
    Instant[] times = reachedAt.computeIfAbsent(elementId, k -> new Instant[] {at, at});
    if (at.isBefore(times[0])) {
      times[0] = at;
    }
    if (at.isAfter(times[1])) {
      times[1] = at;
    }
  }

  /**
   * A visited (or current) element's subprocesses, and the call activity that called its
   * process; each reached when the first of its elements was, until the last was.
   */
  private void containers(Map<String, Set<String>> marked, Map<String, Instant[]> reachedAt) {
    for (String processId : List.copyOf(marked.keySet())) {
      Optional<ModelDiagrams.Diagram> diagram = models.diagram(processId);
      if (diagram.isEmpty()) {
        continue;
      }
      Set<String> nodes = marked.get(processId);
      for (String id : List.copyOf(nodes)) {
        ModelDiagrams.Node node = diagram.get().nodes().get(id);
        Instant[] times = reachedAt.get(id);
        while (node != null && node.parentId() != null) {
          nodes.add(node.parentId());
          if (times != null) {
            reached(reachedAt, node.parentId(), times[0]);
            reached(reachedAt, node.parentId(), times[1]);
          }
          node = diagram.get().nodes().get(node.parentId());
        }
      }
      if (!nodes.isEmpty()) {
        for (ModelDiagrams.Diagram caller : models.all()) {
          for (ModelDiagrams.Node node : caller.nodes().values()) {
            if (processId.equals(node.calledProcessId())) {
              marked.computeIfAbsent(caller.processId(), k -> new LinkedHashSet<>()).add(node.id());
              for (String id : nodes) {
                Instant[] times = reachedAt.get(id);
                if (times != null) {
                  reached(reachedAt, node.id(), times[0]);
                  reached(reachedAt, node.id(), times[1]);
                }
              }
            }
          }
        }
      }
    }
  }

  /** The name of the call activity that calls the process. */
  private Optional<String> callerOf(String processId) {
    for (ModelDiagrams.Diagram caller : models.all()) {
      for (ModelDiagrams.Node node : caller.nodes().values()) {
        if (processId.equals(node.calledProcessId())) {
          return Optional.of(node.label());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The visited elements with the sequence flows between them, and the gateways and events
   * (which leave no trail row) on a short way from one visited element to another: only
   * forward in time (the target was reached again after the source was first), and never
   * out of an element that is still active (except through its boundary events).
   */
  private List<String> bridge(String processId, Set<String> visited, Set<String> active, Map<String, Instant[]> reachedAt) {
    Optional<ModelDiagrams.Diagram> found = models.diagram(processId);
    if (found.isEmpty()) {
      return List.copyOf(visited);
    }
    ModelDiagrams.Diagram diagram = found.get();
    Set<String> path = new LinkedHashSet<>(visited);
    for (String start : visited) {
      Instant[] since = reachedAt.get(start);
      walk(new Walk(diagram, visited, active, reachedAt, since == null ? null : since[0], path),
          start, new ArrayList<>(), new HashSet<>(), 0);
    }
    return List.copyOf(path);
  }

  private record Walk(
      ModelDiagrams.Diagram diagram, Set<String> visited, Set<String> active, Map<String, Instant[]> reachedAt,
      Instant since, Set<String> path) {}

  private void walk(Walk walk, String from, List<String> way, Set<String> seen, int depth) {
    List<String[]> next = new ArrayList<>();
    if (!walk.active().contains(from)) {
      for (ModelDiagrams.Flow flow : walk.diagram().flows().values()) {
        if (flow.sourceId().equals(from)) {
          next.add(new String[] {flow.id(), flow.targetId()});
        }
      }
    }
    for (ModelDiagrams.Node node : walk.diagram().nodes().values()) {
      if (from.equals(node.attachedToId())) {
        next.add(new String[] {null, node.id()});
      }
    }
    for (String[] hop : next) {
      String target = hop[1];
      List<String> extended = new ArrayList<>(way);
      if (hop[0] != null) {
        extended.add(hop[0]);
      }
      if (walk.visited().contains(target)) {
        Instant[] reached = walk.reachedAt().get(target);
        if (walk.since() == null || reached == null || !reached[1].isBefore(walk.since())) {
          walk.path().addAll(extended);
        }
      } else if (depth < BRIDGE_DEPTH && passThrough(walk.diagram().nodes().get(target)) && seen.add(target)) {
        extended.add(target);
        walk(walk, target, extended, seen, depth + 1);
        seen.remove(target);
      }
    }
  }

  /** Elements that leave no trail row of their own: gateways, and events without a job or a candidate's message. */
  private static boolean passThrough(ModelDiagrams.Node node) {
    if (node == null || node.noneStart()) {
      return false;
    }
    if (node.gateway()) {
      return true;
    }
    boolean event = node.kind().endsWith("Event");
    return event && node.jobType() == null && (node.messageName() == null || !ACTION_MESSAGE.containsValue(node.messageName()));
  }
}

package com.internhire.inbox;

import com.internhire.application.ApplicationRepository;
import com.internhire.application.StoredApplication;
import com.internhire.audit.AuditAction;
import com.internhire.audit.AuditTrail;
import com.internhire.engine.ProcessVariables;
import com.internhire.position.Position;
import com.internhire.position.PositionRepository;
import com.internhire.platform.security.Roles;
import com.internhire.platform.security.SecurityProperties;
import com.internhire.platform.DomainException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The inbox: who sees which open tasks, and completing one with its form's answers. */
@Service
class TaskService {

  private static final int INBOX_LIMIT = 500;

  private final InboxRepository inbox;
  private final TaskForms forms;
  private final TaskCompletions completions;
  private final TaskAnswers taskAnswers;
  private final AuditTrail audit;
  private final TransactionTemplate tx;
  private final SecurityProperties security;
  private final Duration completionTimeout;
  private final ApplicationRepository applications;
  private final PositionRepository positions;

  TaskService(
      InboxRepository inbox,
      TaskForms forms,
      TaskCompletions completions,
      TaskAnswers taskAnswers,
      AuditTrail audit,
      TransactionTemplate tx,
      SecurityProperties security,
      ApplicationRepository applications,
      PositionRepository positions,
      @Value("${hiring.tasks.completion-timeout:PT10S}") Duration completionTimeout) {
    this.inbox = inbox;
    this.forms = forms;
    this.completions = completions;
    this.taskAnswers = taskAnswers;
    this.audit = audit;
    this.tx = tx;
    this.security = security;
    this.completionTimeout = completionTimeout;
    this.applications = applications;
    this.positions = positions;
  }

  /** The task groups a person works in, from their roles. */
  Set<String> groupsOf(Authentication user) {
    Set<String> groups = new LinkedHashSet<>();
    for (String role : Roles.of(user)) {
      groups.addAll(security.roleGroups().getOrDefault(role, List.of()));
    }
    return groups;
  }

  private static boolean readsEverything(Authentication user) {
    Set<String> roles = Roles.of(user);
    return roles.contains(Roles.AUDITOR) || roles.contains(Roles.PROCESS_OWNER);
  }

  List<InboxTask> openTasks(Authentication user) {
    if (readsEverything(user) && groupsOf(user).isEmpty()) {
      return inbox.allOpen(INBOX_LIMIT);
    }
    return inbox.openFor(groupsOf(user), INBOX_LIMIT);
  }

  InboxTask task(long taskKey, Authentication user) {
    InboxTask task = inbox.find(taskKey).orElseThrow(() -> DomainException.notFound("task", taskKey));
    if (!readsEverything(user) && task.candidateGroups().stream().noneMatch(groupsOf(user)::contains)) {
      throw DomainException.forbidden("This task belongs to groups " + task.candidateGroups() + ".");
    }
    return task;
  }

  void complete(long taskKey, Map<String, Object> answers, Authentication user) {
    InboxTask task = inbox.find(taskKey).orElseThrow(() -> DomainException.notFound("task", taskKey));
    if (task.candidateGroups().stream().noneMatch(groupsOf(user)::contains)) {
      throw DomainException.forbidden("Only members of " + task.candidateGroups() + " may complete this task.");
    }
    if (!"OPEN".equals(task.state())) {
      throw new DomainException(
          DomainException.Kind.CONFLICT, "task-not-open", "Task not open", "This task is " + task.state().toLowerCase() + ".");
    }
    requireNotClaimedByOther(task, user);
    Map<String, Object> variables =
        task.formId() == null
            ? Map.copyOf(answers)
            : forms.validate(task.formId(), answers, key -> dynamicOptions(task.applicationId(), key));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("task", task.elementId());
    details.put("taskName", task.name());
    details.put("taskKey", task.id());
    details.put("formId", task.formId());
    details.put("answers", variables);
    // Committed before the engine is asked: the engine's completing listener updates the
    // same task row, and must not wait on a lock held here.
    boolean claimed =
        Boolean.TRUE.equals(
            tx.execute(
                status -> {
                  if (!inbox.claimCompletion(taskKey, user.getName())) {
                    return false;
                  }
                  taskAnswers.record(task, variables, user.getName());
                  audit.record(task.applicationId(), user.getName(), AuditAction.TASK_COMPLETED, details);
                  return true;
                }));
    if (!claimed) {
      throw new DomainException(
          DomainException.Kind.CONFLICT, "task-not-open", "Task not open", "Someone else has completed this task.");
    }
    try {
      completions.complete(taskKey, variables, completionTimeout);
    } catch (RuntimeException refused) {
      tx.executeWithoutResult(
          status -> {
            inbox.releaseCompletion(taskKey, user.getName());
            taskAnswers.withdraw(task);
            audit.record(
                task.applicationId(),
                user.getName(),
                AuditAction.TASK_COMPLETION_REFUSED,
                Map.of("taskKey", task.id(), "reason", String.valueOf(refused.getMessage())));
          });
      throw new DomainException(
          DomainException.Kind.CONFLICT,
          "task-not-completed",
          "Task not completed",
          "The engine did not complete this task; it may have been closed meanwhile. Reload the inbox.");
    }
  }

  /**
   * Claims an open task in the project's inbox, so colleagues see who works on it; only
   * members of the task's groups may, and not while someone else holds it (409).
   */
  InboxTask claim(long taskKey, Authentication user) {
    InboxTask task = workable(taskKey, user);
    if (!inbox.claim(taskKey, user.getName())) {
      throw claimedByOther(inbox.find(taskKey).orElse(task));
    }
    return inbox.find(taskKey).orElseThrow();
  }

  /** Releases the caller's own claim; releasing a task nobody holds changes nothing. */
  InboxTask unclaim(long taskKey, Authentication user) {
    InboxTask task = workable(taskKey, user);
    if (!inbox.unclaim(taskKey, user.getName()) && task.assignee() != null) {
      throw claimedByOther(task);
    }
    return inbox.find(taskKey).orElseThrow();
  }

  private InboxTask workable(long taskKey, Authentication user) {
    InboxTask task = inbox.find(taskKey).orElseThrow(() -> DomainException.notFound("task", taskKey));
    if (task.candidateGroups().stream().noneMatch(groupsOf(user)::contains)) {
      throw DomainException.forbidden("Only members of " + task.candidateGroups() + " may work on this task.");
    }
    if (!"OPEN".equals(task.state())) {
      throw new DomainException(
          DomainException.Kind.CONFLICT, "task-not-open", "Task not open", "This task is " + task.state().toLowerCase() + ".");
    }
    return task;
  }

  private static void requireNotClaimedByOther(InboxTask task, Authentication user) {
    if (task.assignee() != null && !task.assignee().equals(user.getName())) {
      throw claimedByOther(task);
    }
  }

  private static DomainException claimedByOther(InboxTask task) {
    return new DomainException(
        DomainException.Kind.CONFLICT,
        "task-claimed",
        "Task claimed",
        "This task is claimed by " + task.assignee() + "; they may complete or unclaim it.",
        Map.of("assignee", String.valueOf(task.assignee())));
  }

  /** Options a form takes from process data, derived here from the same source (R5). */
  private List<String> dynamicOptions(java.util.UUID applicationId, String valuesKey) {
    if (!ProcessVariables.COHORT_OPTIONS.equals(valuesKey)) {
      return List.of();
    }
    StoredApplication application = applications.find(applicationId).orElseThrow();
    Position position = positions.findById(application.positionId()).orElseThrow();
    return position.cohortOptions(application.availability()).stream()
        .map(option -> option.get("value"))
        .toList();
  }
}

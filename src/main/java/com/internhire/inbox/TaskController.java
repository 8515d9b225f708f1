package com.internhire.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Human tasks for the project's own inbox (Tasklist's job on a cluster). */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

  private final TaskService tasks;
  private final TaskForms forms;
  private final TaskVariables variables;

  TaskController(TaskService tasks, TaskForms forms, TaskVariables variables) {
    this.tasks = tasks;
    this.forms = forms;
    this.variables = variables;
  }

  /** Open tasks of the caller's groups, highest priority first, then oldest (R3). */
  @GetMapping
  List<InboxTask> open(Authentication user) {
    return tasks.openTasks(user);
  }

  @GetMapping("/{id}")
  InboxTask one(@PathVariable long id, Authentication user) {
    return tasks.task(id, user);
  }

  /** The Camunda form linked to the task, for a form-js renderer. */
  @GetMapping("/{id}/form")
  ResponseEntity<JsonNode> form(@PathVariable long id, Authentication user) {
    InboxTask task = tasks.task(id, user);
    return task.formId() == null
        ? ResponseEntity.noContent().build()
        : ResponseEntity.of(forms.form(task.formId()));
  }

  /**
   * The process data the task's form shows (screening result, scorecards, cohort options,
   * offer dates), derived from the service's own database so it works on the embedded
   * engine and a cluster alike; never the candidate's personal data.
   */
  @GetMapping("/{id}/variables")
  Map<String, Object> variables(@PathVariable long id, Authentication user) {
    return variables.of(tasks.task(id, user));
  }

  /** Claims the task for the caller in the project's inbox (Tasklist keeps its own on a cluster). */
  @PostMapping("/{id}/claim")
  InboxTask claim(@PathVariable long id, Authentication user) {
    return tasks.claim(id, user);
  }

  @PostMapping("/{id}/unclaim")
  InboxTask unclaim(@PathVariable long id, Authentication user) {
    return tasks.unclaim(id, user);
  }

  /** Completes a task with its form's fields; 204 once the engine has completed it. */
  @PostMapping("/{id}/complete")
  ResponseEntity<Void> complete(
      @PathVariable long id, @RequestBody Map<String, Object> answers, Authentication user) {
    tasks.complete(id, answers, user);
    return ResponseEntity.noContent().build();
  }
}

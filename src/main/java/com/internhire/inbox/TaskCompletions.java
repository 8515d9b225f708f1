package com.internhire.inbox;

import com.internhire.engine.Await;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Completes a Camunda user task and confirms it through the read model. The inbox shows a task
 * as soon as its creating listener has run, a moment before the engine has processed that
 * listener's job; a completion sent in that moment is refused (the task is still being
 * created) and, on the embedded engine, silently. So the completion is sent again, at most
 * once a second, until the completing listener has closed the task or the time is up. A
 * repeated command after an accepted one is refused by the engine and changes nothing.
 */
@Component
public class TaskCompletions {

  private static final Duration ASK_AGAIN_AFTER = Duration.ofSeconds(1);

  private final UserTaskCommands commands;
  private final InboxRepository inbox;

  TaskCompletions(UserTaskCommands commands, InboxRepository inbox) {
    this.commands = commands;
    this.inbox = inbox;
  }

  /**
   * Completes the task with these variables; throws if the engine did not complete it within
   * {@code timeout} (refused, or the task closed otherwise, as when it was cancelled).
   */
  public void complete(long taskKey, Map<String, Object> variables, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException refusal = null;
    while (true) {
      try {
        commands.complete(taskKey, variables);
        refusal = null;
      } catch (RuntimeException refused) {
        refusal = refused;
      }
      long left = deadline - System.nanoTime();
      Duration wait = Duration.ofNanos(Math.max(0, Math.min(left, ASK_AGAIN_AFTER.toNanos())));
      if (Await.until(wait, () -> closed(taskKey))) {
        String state = inbox.find(taskKey).map(InboxTask::state).orElse("UNKNOWN");
        if (!"COMPLETED".equals(state)) {
          throw new IllegalStateException("the task closed as " + state.toLowerCase() + ", not completed");
        }
        return;
      }
      if (System.nanoTime() >= deadline) {
        throw refusal != null ? refusal : new IllegalStateException("no completion confirmed within " + timeout);
      }
    }
  }

  private boolean closed(long taskKey) {
    return inbox.find(taskKey).map(t -> !"OPEN".equals(t.state())).orElse(true);
  }
}

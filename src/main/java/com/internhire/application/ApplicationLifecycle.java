package com.internhire.application;

import com.internhire.audit.AuditAction;
import com.internhire.audit.AuditTrail;
import com.internhire.candidate.Candidates;
import com.internhire.engine.ProcessEvents;
import com.internhire.engine.ProcessVariables;
import com.internhire.notification.CandidateMessages;
import com.internhire.notification.Mailer;
import com.internhire.position.PositionRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only writer of an application's status. Every change writes its audit row in the same
 * transaction, whoever asks: the model's status steps ({@link ApplicationStatusWorker}), a
 * human task being created (the inbox's listeners), screening.
 *
 * <p>A status step the model names ({@link #reach}) also queues the candidate's message and
 * sets a deadline, then does what reaches out: the mail, the candidate's next application
 * (R2), a filled position (R3). Each part is idempotent, so a retried or twice-delivered job
 * repeats nothing (R12). The first conclusion is final: a late event for a concluded
 * application changes nothing and tells nobody.
 */
@Service
public class ApplicationLifecycle {

  private final ApplicationRepository applications;
  private final Candidates candidates;
  private final PositionRepository positions;
  private final AuditTrail audit;
  private final CandidateMessages messages;
  private final Mailer mailer;
  private final TurnOrder turnOrder;
  private final ProcessEvents events;
  private final Deadlines deadlines;
  private final HiringDeadlines durations;
  private final TransactionTemplate tx;

  ApplicationLifecycle(
      ApplicationRepository applications,
      Candidates candidates,
      PositionRepository positions,
      AuditTrail audit,
      CandidateMessages messages,
      Mailer mailer,
      TurnOrder turnOrder,
      ProcessEvents events,
      Deadlines deadlines,
      HiringDeadlines durations,
      TransactionTemplate tx) {
    this.applications = applications;
    this.candidates = candidates;
    this.positions = positions;
    this.audit = audit;
    this.messages = messages;
    this.mailer = mailer;
    this.turnOrder = turnOrder;
    this.events = events;
    this.deadlines = deadlines;
    this.durations = durations;
    this.tx = tx;
  }

  /**
   * A status change the model asks for: the status, the candidate's message (a mail template),
   * the wait whose due date the model's timer reads, who asks and at which element.
   */
  public record StatusChange(
      ApplicationStatus status, String candidateMessage, String deadline, String actor, String element) {

    /** A change with no message and no deadline. */
    public static StatusChange to(ApplicationStatus status, String actor, String element) {
      return new StatusChange(status, null, null, actor, element);
    }
  }

  /** Moves the application to the status; returns the variables the model expects back. */
  public Map<String, Object> reach(UUID id, StatusChange change) {
    Reached reached = tx.execute(s -> record(id, change));
    if (!reached.effective()) {
      return reached.variables();
    }
    mailer.sendPending(id);
    if (change.status().concluded()) {
      applications.waitingFor(id).ifPresent(turnOrder::tellIfDecided);
      if (change.status() == ApplicationStatus.HIRED) {
        String positionId = reached.application().positionId();
        if (positions.fillIfHeadcountReached(positionId, applications.countHired(positionId))) {
          events.positionFilled(positionId);
        }
      }
    }
    return reached.variables();
  }

  /**
   * Moves an open application to a status that concludes nothing and tells nobody (a human task
   * opened, screening done), with its audit row, in the caller's transaction. False if it had
   * that status already or has concluded.
   */
  public boolean enter(UUID id, StatusChange change) {
    if (change.status().concluded() || change.candidateMessage() != null || change.deadline() != null) {
      throw new IllegalArgumentException(change.status() + " has effects: reach it through the model's status step");
    }
    StoredApplication before = applications.find(id).orElseThrow(() -> new IllegalArgumentException("No application " + id));
    return changeStatus(before, change);
  }

  private boolean changeStatus(StoredApplication before, StatusChange change) {
    if (!applications.updateStatus(before.id(), change.status())) {
      return false;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("from", before.status().name());
    details.put("to", change.status().name());
    details.put("element", change.element());
    if (change.candidateMessage() != null) {
      details.put("candidateMessage", change.candidateMessage());
    }
    audit.record(before.id(), change.actor(), AuditAction.STATUS_CHANGED, details);
    return true;
  }

  private Reached record(UUID id, StatusChange change) {
    StoredApplication before = applications.find(id).orElseThrow(() -> new IllegalArgumentException("No application " + id));
    candidates.lock(before.candidateId());
    changeStatus(before, change);
    StoredApplication after = applications.find(id).orElseThrow();
    boolean effective = after.status() == change.status();
    Map<String, Object> variables = new LinkedHashMap<>();
    if (change.deadline() != null) {
      Instant due = deadlines.due(id, change.deadline(), durations.of(change.deadline()));
      variables.put(ProcessVariables.dueAt(change.deadline()), due.toString());
    }
    if (effective && change.candidateMessage() != null) {
      messages.enqueue(id, change.candidateMessage());
    }
    return new Reached(after, effective, variables);
  }

  private record Reached(StoredApplication application, boolean effective, Map<String, Object> variables) {}
}

package com.internhire.application;

import com.internhire.audit.AuditTrail;
import com.internhire.notification.CandidateMessages;
import com.internhire.notification.Mailer;
import com.internhire.position.PositionRepository;
import com.internhire.process.ProcessEvents;
import com.internhire.process.DeadlineVariables;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An application reaching a stage the model names: its status, the audit row, the
 * candidate's message and a deadline in one transaction; then the effects that reach out
 * (mail, the candidate's next application, a filled position). Each part is idempotent, so a
 * retried or twice-delivered job repeats nothing (R12). The first conclusion is final: a
 * late event for a concluded application changes nothing and tells nobody.
 */
@Service
public class ApplicationJourney {

  private final ApplicationRepository applications;
  private final PositionRepository positions;
  private final AuditTrail audit;
  private final CandidateMessages messages;
  private final Mailer mailer;
  private final TurnOrder turnOrder;
  private final ProcessEvents events;
  private final HiringDeadlines deadlines;
  private final TransactionTemplate tx;

  ApplicationJourney(
      ApplicationRepository applications,
      PositionRepository positions,
      AuditTrail audit,
      CandidateMessages messages,
      Mailer mailer,
      TurnOrder turnOrder,
      ProcessEvents events,
      HiringDeadlines deadlines,
      TransactionTemplate tx) {
    this.applications = applications;
    this.positions = positions;
    this.audit = audit;
    this.messages = messages;
    this.mailer = mailer;
    this.turnOrder = turnOrder;
    this.events = events;
    this.deadlines = deadlines;
    this.tx = tx;
  }

  /** What the model's element asks for. */
  public record Stage(ApplicationStatus status, String candidateMessage, String deadline, String actor, String element) {}

  /** Moves the application to the stage; returns the variables the model expects back. */
  public Map<String, Object> reach(UUID id, Stage stage) {
    Reached reached = tx.execute(s -> record(id, stage));
    if (!reached.effective()) {
      return reached.variables();
    }
    mailer.sendPending(id);
    if (stage.status().concluded()) {
      applications.waitingFor(id).ifPresent(turnOrder::tellIfDecided);
      if (stage.status() == ApplicationStatus.HIRED) {
        String positionId = reached.application().positionId();
        if (positions.fillIfHeadcountReached(positionId, applications.countHired(positionId))) {
          events.positionFilled(positionId);
        }
      }
    }
    return reached.variables();
  }

  private Reached record(UUID id, Stage stage) {
    StoredApplication before = applications.find(id).orElseThrow(() -> new IllegalArgumentException("No application " + id));
    applications.lockCandidate(before.candidateId());
    if (applications.updateStatus(id, stage.status())) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("from", before.status().name());
      details.put("to", stage.status().name());
      details.put("element", stage.element());
      if (stage.candidateMessage() != null) {
        details.put("candidateMessage", stage.candidateMessage());
      }
      audit.record(id, stage.actor(), "STATUS_CHANGED", details);
    }
    StoredApplication after = applications.find(id).orElseThrow();
    boolean effective = after.status() == stage.status();
    Map<String, Object> variables = new LinkedHashMap<>();
    if (stage.deadline() != null) {
      Instant due = applications.deadline(id, stage.deadline(), deadlines.of(stage.deadline()));
      variables.put(DeadlineVariables.of(stage.deadline()), due.toString());
    }
    if (effective && stage.candidateMessage() != null) {
      messages.enqueue(id, stage.candidateMessage());
    }
    return new Reached(after, effective, variables);
  }

  private record Reached(StoredApplication application, boolean effective, Map<String, Object> variables) {}
}

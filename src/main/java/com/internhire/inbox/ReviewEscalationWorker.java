package com.internhire.inbox;

import com.internhire.audit.AuditAction;
import com.internhire.audit.AuditTrail;
import com.internhire.notification.CandidateMessages;
import com.internhire.notification.Mailer;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R3: a review past its due date is escalated to the recruiting leads (a mail, once per
 * application, even if its instance is re-created) and recorded; the review itself stays
 * open with the recruiters.
 */
@Component
public class ReviewEscalationWorker {

  private final AuditTrail audit;
  private final CandidateMessages messages;
  private final Mailer mailer;
  private final TransactionTemplate tx;

  ReviewEscalationWorker(AuditTrail audit, CandidateMessages messages, Mailer mailer, TransactionTemplate tx) {
    this.audit = audit;
    this.messages = messages;
    this.mailer = mailer;
    this.tx = tx;
  }

  @JobWorker(type = "escalate-overdue-review")
  public void escalate(ActivatedJob job, @Variable String applicationId) {
    UUID id = UUID.fromString(applicationId);
    tx.executeWithoutResult(
        s -> {
          boolean first =
              messages.enqueue(
                  id, "review-overdue", CandidateMessages.Recipient.RECRUITING_LEADS, id + ":review-overdue");
          if (first) {
            audit.record(id, "process:" + job.getBpmnProcessId(), AuditAction.REVIEW_ESCALATED, Map.of("to", "recruiting-leads"));
          }
        });
    mailer.sendPending(id);
  }
}

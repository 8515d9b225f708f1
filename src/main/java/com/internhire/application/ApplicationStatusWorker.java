package com.internhire.application;

import com.internhire.audit.AuditTrail;
import com.internhire.notification.CandidateMessages;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Update application status": the model names the status (task header {@code status})
 * and, optionally, the message the candidate gets ({@code candidateMessage}). Status,
 * audit row and queued message are written in one transaction, once per event (R12).
 */
@Component
public class ApplicationStatusWorker {

  static final String TYPE = "update-application-status";

  private final ApplicationRepository applications;
  private final AuditTrail audit;
  private final CandidateMessages messages;
  private final TransactionTemplate tx;

  ApplicationStatusWorker(
      ApplicationRepository applications, AuditTrail audit, CandidateMessages messages, TransactionTemplate tx) {
    this.applications = applications;
    this.audit = audit;
    this.messages = messages;
    this.tx = tx;
  }

  @JobWorker(type = TYPE)
  public void update(ActivatedJob job, @Variable String applicationId) {
    String declared = job.getCustomHeaders().get("status");
    if (declared == null) {
      throw new IllegalStateException("The element " + job.getElementId() + " declares no 'status' header");
    }
    ApplicationStatus status = ApplicationStatus.valueOf(declared);
    String message = job.getCustomHeaders().get("candidateMessage");
    UUID id = UUID.fromString(applicationId);
    tx.executeWithoutResult(
        s -> {
          if (applications.updateStatus(id, status)) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("status", status.name());
            details.put("element", job.getElementId());
            if (message != null) {
              details.put("candidateMessage", message);
            }
            audit.record(id, "process:" + job.getBpmnProcessId(), "STATUS_CHANGED", details);
          }
          if (message != null) {
            messages.enqueue(id, message);
          }
        });
  }
}

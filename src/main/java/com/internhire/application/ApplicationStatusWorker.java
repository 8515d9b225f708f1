package com.internhire.application;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * "Update application status": the model names the status (task header {@code status}),
 * optionally the message the candidate gets ({@code candidateMessage}) and a wait whose
 * due date the model's timer uses ({@code deadline}: returned as {@code <name>DueAt}).
 */
@Component
public class ApplicationStatusWorker {

  static final String TYPE = "update-application-status";

  private final ApplicationLifecycle lifecycle;

  ApplicationStatusWorker(ApplicationLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @JobWorker(type = TYPE)
  public Map<String, Object> update(ActivatedJob job, @Variable String applicationId) {
    Map<String, String> headers = job.getCustomHeaders();
    String declared = headers.get("status");
    if (declared == null) {
      throw new IllegalStateException("The element " + job.getElementId() + " declares no 'status' header");
    }
    return lifecycle.reach(
        UUID.fromString(applicationId),
        new ApplicationLifecycle.StatusChange(
            ApplicationStatus.valueOf(declared),
            headers.get("candidateMessage"),
            headers.get("deadline"),
            "process:" + job.getBpmnProcessId(),
            job.getElementId()));
  }
}

package com.internhire.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.response.ProcessInstanceEvent;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Starting and cancelling instances of the main model, on its latest deployed version. */
@Component
public class ProcessInstances {

  private final CamundaClient client;

  ProcessInstances(CamundaClient client) {
    this.client = client;
  }

  /** Starts an instance from the model's start event. */
  public CamundaFuture<ProcessInstanceEvent> start(ProcessVariables.Start variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(ProcessVariables.PROCESS_ID)
        .latestVersion()
        .variables(variables.asMap())
        .send();
  }

  /** Starts an instance directly before an element (start instructions), with these variables. */
  public ProcessInstanceEvent startBefore(String elementId, Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(ProcessVariables.PROCESS_ID)
        .latestVersion()
        .variables(variables)
        .startBeforeElement(elementId)
        .send()
        .join();
  }

  /** Cancels an instance (a duplicate start, a re-creation that lost its race). */
  public void cancel(long processInstanceKey) {
    client.newCancelInstanceCommand(processInstanceKey).send().join();
  }
}

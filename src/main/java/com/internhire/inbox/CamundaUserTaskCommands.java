package com.internhire.inbox;

import io.camunda.client.CamundaClient;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Cluster adapter: the Camunda client's REST user-task commands. */
@Component
class CamundaUserTaskCommands implements UserTaskCommands {

  private final CamundaClient client;

  CamundaUserTaskCommands(CamundaClient client) {
    this.client = client;
  }

  @Override
  public void complete(long userTaskKey, Map<String, Object> variables) {
    client.newCompleteUserTaskCommand(userTaskKey).variables(variables).send().join();
  }
}

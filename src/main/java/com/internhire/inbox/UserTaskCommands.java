package com.internhire.inbox;

import java.util.Map;

/**
 * The port for what only the engine's REST API can do with Camunda user tasks. A cluster
 * uses the client's REST commands ({@link CamundaUserTaskCommands}); the embedded engine,
 * which speaks gRPC only, has an adapter of its own on the dev-time classpath.
 */
public interface UserTaskCommands {

  void complete(long userTaskKey, Map<String, Object> variables);
}

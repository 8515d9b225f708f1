package com.internhire.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.internhire.inbox.UserTaskCommands;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.util.buffer.BufferUtil;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Completes Camunda user tasks on the embedded engine, which serves gRPC only while the
 * client's user-task commands are REST-only. It writes the engine's own {@code USER_TASK
 * COMPLETE} command into the in-memory log, as the REST gateway of a cluster would.
 *
 * <p>This reaches into Zeebe Process Test's internals ({@code InMemoryEngine.gateway} →
 * {@code GrpcToLogStreamGateway.writer} → {@code CommandWriter.writeCommandWithKey}),
 * measured on 8.8.21. Everything is resolved when the adapter is built, so an upgrade that
 * moves them fails the service's start and {@code EngineUserTaskCommandsTest} at once.
 */
public final class EngineUserTaskCommands implements UserTaskCommands {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private final Object commandWriter;
  private final Method writeCommandWithKey;

  public EngineUserTaskCommands(ZeebeTestEngine engine) {
    try {
      Object gateway = field(engine.getClass(), "gateway").get(engine);
      commandWriter = field(gateway.getClass(), "writer").get(gateway);
      writeCommandWithKey =
          commandWriter
              .getClass()
              .getDeclaredMethod("writeCommandWithKey", Long.class, UnifiedRecordValue.class, RecordMetadata.class);
      writeCommandWithKey.setAccessible(true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "The embedded engine's command writer is not where Zeebe Process Test 8.8.21 kept it"
              + " (InMemoryEngine.gateway -> GrpcToLogStreamGateway.writer -> CommandWriter.writeCommandWithKey)."
              + " Camunda user tasks cannot be completed on this engine version; adapt EngineUserTaskCommands.",
          e);
    }
  }

  @Override
  public void complete(long userTaskKey, Map<String, Object> variables) {
    UserTaskRecord command = new UserTaskRecord().setUserTaskKey(userTaskKey).setAction("complete");
    if (!variables.isEmpty()) {
      command.setVariables(BufferUtil.wrapArray(MsgPackConverter.convertToMsgPack(json(variables))));
    }
    RecordMetadata metadata =
        new RecordMetadata()
            .recordType(RecordType.COMMAND)
            .valueType(ValueType.USER_TASK)
            .intent(UserTaskIntent.COMPLETE);
    try {
      writeCommandWithKey.invoke(commandWriter, userTaskKey, command, metadata);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot write to the embedded engine", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("The embedded engine refused the command: " + e.getCause(), e.getCause());
    }
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    Field field = type.getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }

  private static String json(Map<String, Object> variables) {
    try {
      return JSON.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Variables are not JSON", e);
    }
  }
}

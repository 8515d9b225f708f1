package com.internhire.embedded;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The embedded engine as the service holds it: stopping it also removes its state folder.
 * Everything else is the engine's.
 */
final class StoppingEngine implements ZeebeTestEngine {

  private final ZeebeTestEngine engine;
  private final EngineState state;

  StoppingEngine(ZeebeTestEngine engine, EngineState state) {
    this.engine = engine;
    this.state = state;
  }

  /** The engine itself (for the user-task command adapter, which reaches into it). */
  ZeebeTestEngine engine() {
    return engine;
  }

  @Override
  public void start() {
    engine.start();
  }

  @Override
  public void stop() {
    engine.stop();
    state.delete();
  }

  @Override
  public io.camunda.zeebe.process.test.api.RecordStreamSource getRecordStreamSource() {
    return engine.getRecordStreamSource();
  }

  @Override
  public io.camunda.zeebe.client.ZeebeClient createClient() {
    return engine.createClient();
  }

  @Override
  public io.camunda.zeebe.client.ZeebeClient createClient(com.fasterxml.jackson.databind.ObjectMapper objectMapper) {
    return engine.createClient(objectMapper);
  }

  @Override
  public String getGatewayAddress() {
    return engine.getGatewayAddress();
  }

  @Override
  public void increaseTime(Duration timeToAdd) {
    engine.increaseTime(timeToAdd);
  }

  @Override
  public void waitForIdleState(Duration timeout) throws InterruptedException, TimeoutException {
    engine.waitForIdleState(timeout);
  }

  @Override
  public void waitForBusyState(Duration timeout) throws InterruptedException, TimeoutException {
    engine.waitForBusyState(timeout);
  }
}

package com.internhire.engine;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting for the engine to have moved something on (a task closed, a status reached), by
 * polling what it writes back, with a short growing pause.
 */
public final class Await {

  private Await() {}

  /** True once {@code done} holds; false if the timeout passed first (or the thread was interrupted). */
  public static boolean until(Duration timeout, BooleanSupplier done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = 5;
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      pause = Math.min(100, pause * 2);
    }
    return true;
  }
}

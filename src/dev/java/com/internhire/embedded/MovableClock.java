package com.internhire.embedded;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock on the embedded default: the system's time plus an offset that a process
 * owner moves forward, together with the engine's clock ({@link DevClockController}), to see the
 * timed rules (review escalation, availability wait, offer expiry) without waiting days.
 */
final class MovableClock extends Clock {

  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  /** Moves the clock forward; returns the new time. */
  Instant advance(Duration by) {
    offset.accumulateAndGet(by, Duration::plus);
    return instant();
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("The service's clock is UTC");
  }
}

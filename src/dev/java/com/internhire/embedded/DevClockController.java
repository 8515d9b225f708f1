package com.internhire.embedded;

import com.internhire.platform.DomainException;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Time on the embedded default, for process owners who demo and check the timed rules:
 * {@code POST /api/dev/clock} with {@code {"advance": "P5D"}} moves the engine's clock (its
 * timers fire) and the service's clock (its due dates and deadlines) forward together. Only on
 * the embedded default (dev-time code); a cluster's time is real and the path answers 404.
 */
@RestController
@Profile("embedded")
@RequestMapping("/api/dev/clock")
class DevClockController {

  /** At most a year at a time: enough for any rule of a season, and no typo of ten years. */
  private static final Duration MOST = Duration.ofDays(366);

  private final ZeebeTestEngine engine;
  private final MovableClock clock;

  DevClockController(ZeebeTestEngine engine, MovableClock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  record Advance(@NotNull String advance) {}

  @GetMapping
  Map<String, Instant> now() {
    return Map.of("now", clock.instant());
  }

  @PostMapping
  Map<String, Instant> advance(@Valid @RequestBody Advance body) {
    Duration by = parse(body.advance());
    // The service's clock first: what a fired timer starts (a reminder, the next deadline)
    // reads the new time.
    synchronized (this) {
      clock.advance(by);
      engine.increaseTime(by);
    }
    return Map.of("now", clock.instant());
  }

  private static Duration parse(String text) {
    Duration by;
    try {
      by = Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw DomainException.invalid("advance", "must be an ISO-8601 duration such as P5D or PT24H");
    }
    if (by.isNegative() || by.isZero() || by.compareTo(MOST) > 0) {
      throw DomainException.invalid("advance", "must be more than zero and at most " + MOST.toDays() + " days");
    }
    return by;
  }
}

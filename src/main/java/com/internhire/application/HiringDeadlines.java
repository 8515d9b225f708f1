package com.internhire.application;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long each wait lasts (posting defaults: 7 days for availability, offer and start-date
 * confirmation), by the name a model's {@code deadline} header uses.
 */
@ConfigurationProperties("hiring")
public record HiringDeadlines(Map<String, Duration> deadlines) {

  public HiringDeadlines {
    deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
  }

  public Duration of(String name) {
    Duration duration = deadlines.get(name);
    if (duration == null) {
      throw new IllegalStateException("No duration configured for deadline '" + name + "' (hiring.deadlines." + name + ")");
    }
    return duration;
  }
}

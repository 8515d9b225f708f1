package com.internhire.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock the service reads time from (deadlines, due dates, audit times, retention).
 * The embedded default replaces it with a clock process owners can move forward together with
 * the engine's ({@code POST /api/dev/clock}), to check the timed rules without waiting days.
 */
@Configuration(proxyBeanMethods = false)
class ServiceClock {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}

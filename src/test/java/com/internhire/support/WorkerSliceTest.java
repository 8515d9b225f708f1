package com.internhire.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A worker with its services on the real schema (Flyway, H2 in PostgreSQL mode) and no
 * engine: the job is handed to the worker the way the client would hand it over.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
@ActiveProfiles("slice")
@Import(WorkerSliceTest.SystemClock.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public @interface WorkerSliceTest {

  /** The service's clock, as the platform module provides it in the running service. */
  @TestConfiguration(proxyBeanMethods = false)
  class SystemClock {
    @Bean
    java.time.Clock clock() {
      return java.time.Clock.systemUTC();
    }
  }
}

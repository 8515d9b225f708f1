package com.internhire.embedded;

import com.internhire.HiringApplication;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * The embedded default, for newcomers and demos: the hiring service with the in-process
 * Zeebe engine and an H2 file database under {@code ./data}. Run with
 * {@code ./mvnw spring-boot:test-run}. Not for production: the engine's licence allows
 * non-production use only, and it keeps its state in memory.
 */
public final class EmbeddedHiringApplication {

  private EmbeddedHiringApplication() {}

  public static void main(String[] args) {
    try {
      SpringApplication.from(HiringApplication::main)
          .with(EmbeddedEngineConfiguration.class)
          .withAdditionalProfiles("embedded")
          .run(args);
    } catch (Throwable startupFailure) {
      // The engine's actor threads are not daemons: without a hard exit a failed start
      // leaves a JVM that does nothing and never ends.
      LoggerFactory.getLogger(EmbeddedHiringApplication.class)
          .error("The service did not start: {}", startupFailure.toString());
      Runtime.getRuntime().halt(1);
    }
  }
}

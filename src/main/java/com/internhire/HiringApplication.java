package com.internhire;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The hiring service. On its own it talks to a Camunda 8 cluster through the
 * {@code camunda.client.*} properties; the embedded default (in-process engine) is
 * started by {@code com.internhire.embedded.EmbeddedHiringApplication} on the test
 * classpath ({@code ./mvnw spring-boot:test-run}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class HiringApplication {

  public static void main(String[] args) {
    SpringApplication.run(HiringApplication.class, args);
  }
}

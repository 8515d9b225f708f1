package com.internhire.engine;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Retries and their backoff are declared in the model: {@code retries} on the task
 * definition and a {@code retryBackoff} task header (ISO-8601 duration). A worker that
 * throws fails its job with one retry fewer and that backoff; after the last retry the
 * engine raises an incident carrying the error message.
 */
@Configuration
class ModelDeclaredBackoff {

  static final String RETRY_BACKOFF_HEADER = "retryBackoff";
  private static final Logger log = LoggerFactory.getLogger(ModelDeclaredBackoff.class);

  @Bean
  JobExceptionHandlingStrategy jobExceptionHandlingStrategy(
      CommandExceptionHandlingStrategy commands, MetricsRecorder metrics, MeterRegistry registry) {
    DefaultJobExceptionHandlingStrategy delegate = new DefaultJobExceptionHandlingStrategy(commands, metrics);
    return (exception, context) -> {
      if (exception instanceof JobError || exception instanceof BpmnError) {
        delegate.handleException(exception, context);
        return;
      }
      ActivatedJob job = context.job();
      Duration backoff = backoffOf(job);
      int retries = Math.max(0, job.getRetries() - 1);
      if (retries == 0) {
        // The engine raises an incident when a job fails with no retries left.
        registry.counter("hiring.jobs.incidents", "type", job.getType()).increment();
      }
      Throwable cause = rootCause(exception);
      String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
      log.warn("Job {} ({}) failed, {} retries left, next in {}: {}", job.getKey(), job.getType(), retries, backoff, message, cause);
      context
          .jobClient()
          .newFailCommand(job.getKey())
          .retries(retries)
          .retryBackoff(backoff)
          .errorMessage(message)
          .send();
    };
  }

  /** The worker's own exception, unwrapped from the SDK's reflective-invocation wrappers. */
  private static Throwable rootCause(Throwable exception) {
    Throwable cause = exception;
    while (cause.getCause() != null
        && (cause instanceof java.lang.reflect.InvocationTargetException
            || (cause.getClass() == RuntimeException.class
                && String.valueOf(cause.getMessage()).startsWith("Failed to invoke method")))) {
      cause = cause.getCause();
    }
    return cause;
  }

  static Duration backoffOf(ActivatedJob job) {
    String declared = job.getCustomHeaders().get(RETRY_BACKOFF_HEADER);
    if (declared == null) {
      return Duration.ZERO;
    }
    try {
      return Duration.parse(declared);
    } catch (DateTimeParseException e) {
      return Duration.ZERO;
    }
  }
}

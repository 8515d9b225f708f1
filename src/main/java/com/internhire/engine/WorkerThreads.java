package com.internhire.engine;

import io.camunda.client.jobhandling.CamundaClientExecutorService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job workers run on virtual threads. Our handlers block (a database transaction under a
 * row lock, a mail, the onboarding webhook); the SDK's default is one platform thread for every
 * worker, so one slow job held up all the others. Here each job handler gets a virtual thread
 * of a pool of {@code hiring.workers.threads}: blocking parks it and frees the carrier. The
 * database pool and {@code maxJobsActive} per worker still bound the real concurrency.
 */
@Configuration(proxyBeanMethods = false)
class WorkerThreads {

  @Bean
  CamundaClientExecutorService camundaClientThreadPool(
      @Value("${hiring.workers.threads:32}") int threads, ObjectProvider<MeterRegistry> registry) {
    ScheduledThreadPoolExecutor pool =
        new ScheduledThreadPoolExecutor(threads, Thread.ofVirtual().name("job-worker-", 0).factory());
    pool.setRemoveOnCancelPolicy(true);
    registry.ifAvailable(
        r -> new ExecutorServiceMetrics(pool, "camundaClientExecutor", List.of(Tag.of("name", "job_workers"))).bindTo(r));
    return new CamundaClientExecutorService(pool, true);
  }
}

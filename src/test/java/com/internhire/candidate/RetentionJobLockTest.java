package com.internhire.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import com.internhire.audit.AuditTrail;
import com.internhire.support.TestData;
import com.internhire.support.WorkerSliceTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Replicas run the retention pass once: the real lock (ShedLock on the {@code shedlock} table,
 * database time, H2 in PostgreSQL mode) around the job's Spring proxy, two callers at once.
 * The spy only holds the first pass inside and counts passes; the erasure itself is real.
 */
@WorkerSliceTest
@Import({RetentionJob.class, PersonalData.class, AuditTrail.class, RetentionJobLockTest.SchedulerLocksOfThePlatform.class})
@TestPropertySource(properties = "hiring.mail.mailbox-dir=target/retention-lock-test-mailbox")
class RetentionJobLockTest {

  @Autowired RetentionJob job;
  @Autowired JdbcClient jdbc;
  @MockitoSpyBean PersonalData personalData;

  // Two threads of its own: the common pool may have one only, which would serialise the replicas.
  private final ExecutorService replicas = Executors.newFixedThreadPool(2);
  private final AtomicInteger passes = new AtomicInteger();
  private final CountDownLatch firstInside = new CountDownLatch(1);
  private final CountDownLatch releaseFirst = new CountDownLatch(1);

  @BeforeEach
  void noReplicaHoldsTheLockAndTheFirstPassWaitsInside() {
    // Expired rather than deleted: the provider remembers that the row exists and only updates it.
    jdbc.sql("update shedlock set lock_until = locked_at where name = 'retention'").update();
    doAnswer(
            pass -> {
              if (passes.incrementAndGet() == 1) {
                firstInside.countDown();
                assertThat(releaseFirst.await(30, TimeUnit.SECONDS)).isTrue();
              }
              return pass.callRealMethod();
            })
        .when(personalData)
        .eraseClosedBefore(any());
  }

  @AfterEach
  void stop() {
    releaseFirst.countDown();
    replicas.shutdownNow();
  }

  @Test
  void aSecondReplicaSkipsThePassWhileTheFirstIsInside() throws Exception {
    UUID due = closedLongAgo();

    Future<?> first = replicas.submit(job::run);
    assertThat(firstInside.await(30, TimeUnit.SECONDS)).isTrue();
    replicas.submit(job::run).get(30, TimeUnit.SECONDS);
    int passesWhileTheFirstWasInside = passes.get();
    releaseFirst.countDown();
    first.get(30, TimeUnit.SECONDS);

    assertThat(passesWhileTheFirstWasInside).isEqualTo(1);
    assertThat(passes).hasValue(1);
    assertThat(AopUtils.isAopProxy(job)).as("the lock lives in the job's Spring proxy").isTrue();
    assertThat(erasures(due)).as("the one pass did the work").isEqualTo(1);
    assertThat(jdbc.sql("select locked_by from shedlock where name = 'retention'").query(String.class).single()).isNotBlank();
  }

  @Test
  void aReplicaStartedRightAfterAPassDoesNotRepeatIt() throws Exception {
    releaseFirst.countDown();
    job.run();

    replicas.submit(job::run).get(30, TimeUnit.SECONDS);

    assertThat(passes).as("lockAtLeastFor keeps the lock after the pass").hasValue(1);
  }

  private UUID closedLongAgo() {
    UUID application = TestData.application(jdbc);
    jdbc.sql("update application set status = 'REJECTED', closed_at = :at where id = :id")
        .param("at", Instant.now().minus(Duration.ofDays(200)).atOffset(ZoneOffset.UTC))
        .param("id", application)
        .update();
    return application;
  }

  private int erasures(UUID application) {
    return TestData.count(
        jdbc, "select count(*) from audit_event where application_id = :id and action = 'PERSONAL_DATA_ERASED'", application);
  }

  /** The platform's lock configuration, package-private there, imported by name. */
  static class SchedulerLocksOfThePlatform implements ImportSelector {
    @Override
    public String[] selectImports(AnnotationMetadata metadata) {
      return new String[] {"com.internhire.platform.SchedulerLocks"};
    }
  }
}

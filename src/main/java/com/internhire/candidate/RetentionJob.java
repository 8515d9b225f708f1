package com.internhire.candidate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** R8: erases the personal data of candidates not hired, a retention period after they closed. */
@Component
class RetentionJob {

  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  private final PersonalData personalData;
  private final Clock clock;
  private final Duration retention;

  RetentionJob(PersonalData personalData, Clock clock, @Value("${hiring.privacy.retention:P180D}") Duration retention) {
    this.clock = clock;
    this.personalData = personalData;
    this.retention = retention;
  }

  // Once across replicas: each would otherwise walk the same candidates at the same moment.
  // lockAtMostFor: far longer than a pass (one short transaction per candidate due), and how
  // long a replica that dies mid-pass can hold erasure back, nothing next to the retention
  // period; a pass outlasting it is still safe, as an erasure happens only once per candidate.
  // lockAtLeastFor: replicas started together (each runs this a minute after its start, as in
  // a rolling deploy) make one pass between them, not one each.
  @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${hiring.privacy.retention-check:PT6H}")
  @SchedulerLock(name = "retention", lockAtMostFor = "PT1H", lockAtLeastFor = "PT30M")
  void run() {
    int erased = personalData.eraseClosedBefore(clock.instant().minus(retention));
    if (erased > 0) {
      log.info("Retention: personal data of {} candidate(s) erased", erased);
    }
  }
}

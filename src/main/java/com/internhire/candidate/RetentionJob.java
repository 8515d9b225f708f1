package com.internhire.candidate;

import java.time.Duration;
import java.time.Instant;
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
  private final Duration retention;

  RetentionJob(PersonalData personalData, @Value("${hiring.privacy.retention:P180D}") Duration retention) {
    this.personalData = personalData;
    this.retention = retention;
  }

  @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${hiring.privacy.retention-check:PT6H}")
  void run() {
    int erased = personalData.eraseClosedBefore(Instant.now().minus(retention));
    if (erased > 0) {
      log.info("Retention: personal data of {} candidate(s) erased", erased);
    }
  }
}

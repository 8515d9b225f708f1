package com.internhire.offer;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Delivers confirmed hires to the onboarding system: each hand-over is POSTed as JSON to
 * {@code hiring.onboarding.webhook-url} until it is accepted (at least once; the payload's
 * {@code applicationId} lets the receiver ignore a repeat). Without a webhook the hand-overs
 * wait in {@code onboarding_handover} for the onboarding system to read.
 */
@Component
class OnboardingDispatcher {

  private static final Logger log = LoggerFactory.getLogger(OnboardingDispatcher.class);

  private final JdbcClient jdbc;
  private final String webhook;
  private final RestClient http = RestClient.create();
  private final Clock clock;

  OnboardingDispatcher(JdbcClient jdbc, Clock clock, @Value("${hiring.onboarding.webhook-url:}") String webhook) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.webhook = webhook;
  }

  // Once across replicas: two replicas reading the same undelivered rows would POST each
  // hand-over twice. lockAtMostFor: well above a batch to a responsive receiver, and the
  // longest a replica that died mid-batch holds hand-overs back; a run outlasting it may
  // repeat a delivery, which the receiver already has to tolerate (at least once). No
  // lockAtLeastFor: each delivery is recorded before the lock is released, so the next
  // replica to look finds only what is still due, and a new hand-over goes out at its first look.
  @Scheduled(fixedDelayString = "${hiring.onboarding.dispatch-interval:PT10S}")
  @SchedulerLock(name = "onboarding-dispatch", lockAtMostFor = "PT5M")
  void dispatch() {
    if (webhook == null || webhook.isBlank()) {
      return;
    }
    jdbc.sql("select application_id, payload from onboarding_handover where delivered_at is null order by created_at limit 100")
        .query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2)))
        .list()
        .forEach(this::deliver);
  }

  private void deliver(Pending pending) {
    try {
      http.post().uri(webhook).contentType(MediaType.APPLICATION_JSON).body(pending.payload()).retrieve().toBodilessEntity();
      jdbc.sql("update onboarding_handover set delivered_at = :now where application_id = :id")
          .param("id", pending.applicationId())
          .param("now", clock.instant().atOffset(ZoneOffset.UTC))
          .update();
    } catch (RuntimeException e) {
      log.warn("Onboarding hand-over of {} not delivered yet: {}", pending.applicationId(), e.getMessage());
    }
  }

  private record Pending(UUID applicationId, String payload) {}
}

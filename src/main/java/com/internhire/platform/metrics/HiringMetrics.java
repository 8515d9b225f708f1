package com.internhire.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What a process owner watches, as Micrometer gauges (Prometheus at
 * {@code /actuator/prometheus}): applications by stage, open reviews against their due date,
 * seats per cohort. Read from the database every few seconds, never on the scrape itself.
 * Job worker counts and durations come from the Camunda SDK ({@code camunda.job.*});
 * incidents from {@code hiring.jobs.incidents}.
 */
@Component
class HiringMetrics {

  private final JdbcClient jdbc;
  private final MultiGauge applicationsByStatus;
  private final MultiGauge seats;
  private final AtomicLong openReviews = new AtomicLong();
  private final AtomicLong overdueReviews = new AtomicLong();
  private final Clock clock;
  private final AtomicLong oldestReviewAgeSeconds = new AtomicLong();

  HiringMetrics(JdbcClient jdbc, MeterRegistry registry, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    applicationsByStatus =
        MultiGauge.builder("hiring.applications").description("Applications by status").register(registry);
    seats = MultiGauge.builder("hiring.cohort.seats").description("Cohort seats by state").register(registry);
    Gauge.builder("hiring.reviews.open", openReviews, AtomicLong::get).description("Open review tasks").register(registry);
    Gauge.builder("hiring.reviews.overdue", overdueReviews, AtomicLong::get)
        .description("Open review tasks past their due date (R3)")
        .register(registry);
    Gauge.builder("hiring.reviews.oldest.age", oldestReviewAgeSeconds, AtomicLong::get)
        .baseUnit("seconds")
        .description("Age of the oldest open review task")
        .register(registry);
  }

  // No scheduler lock: every replica exports these gauges itself, so every replica refreshes its own.
  @Scheduled(initialDelay = 1000, fixedDelayString = "${hiring.metrics.refresh:PT10S}")
  void refresh() {
    applicationsByStatus.register(
        jdbc.sql("select status, count(*) from application group by status")
            .query((rs, n) -> MultiGauge.Row.of(Tags.of("status", rs.getString(1)), rs.getLong(2)))
            .list(),
        true);
    seats.register(
        jdbc.sql(
                """
                select position_id, start_date, state, count(*) from cohort_seat
                 where state in ('HELD', 'TAKEN') group by position_id, start_date, state
                """)
            .query(
                (rs, n) ->
                    MultiGauge.Row.of(
                        Tags.of("position", rs.getString(1), "cohort", rs.getString(2), "state", rs.getString(3)),
                        rs.getLong(4)))
            .list(),
        true);
    var now = clock.instant();
    List<Object[]> reviews =
        jdbc.sql(
                """
                select count(*), sum(case when due_at < :now then 1 else 0 end), min(created_at)
                  from user_task where state = 'OPEN' and element_id = 'Task_ReviewApplication'
                """)
            .param("now", now.atOffset(ZoneOffset.UTC))
            .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class)})
            .list();
    Object[] row = reviews.getFirst();
    openReviews.set((Long) row[0]);
    overdueReviews.set((Long) row[1]);
    oldestReviewAgeSeconds.set(row[2] == null ? 0 : now.getEpochSecond() - ((OffsetDateTime) row[2]).toEpochSecond());
  }
}

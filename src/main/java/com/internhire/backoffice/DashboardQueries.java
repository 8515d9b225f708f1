package com.internhire.backoffice;

import com.internhire.application.ApplicationStatus;
import com.internhire.position.CohortCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hiring dashboard (recruiting leads, process owners): the funnel, the time each stage
 * takes (median and 90th percentile), overdue reviews (R3), seats per cohort held and taken
 * (R5) and applications waiting their turn (R2). Aggregates only, no personal data; read
 * from the service's own tables on each request, optionally for one position.
 *
 * <p>When an application reached each funnel stage, from the lifecycle's status history (never
 * the audit trail): submitted at intake; screened, offered, accepted and confirmed when its
 * status became SCREENED, OFFERED, OFFER_ACCEPTED and HIRED; reviewed when its review task was
 * completed; interviewed when its interviews were done (the hiring decision task opened).
 */
@Component
class DashboardQueries {

  /** The model's user tasks the funnel counts by (element ids, Kind_PascalName). */
  static final String REVIEW_TASK = "Task_ReviewApplication";

  static final String DECISION_TASK = "Task_HiringDecision";

  enum Stage {
    SUBMITTED("Submitted"),
    SCREENED("Screened"),
    REVIEWED("Reviewed"),
    INTERVIEWED("Interviewed"),
    OFFERED("Offered"),
    ACCEPTED("Accepted"),
    CONFIRMED("Confirmed");

    final String label;

    Stage(String label) {
      this.label = label;
    }
  }

  record PositionOption(String id, String title, String status) {}

  record FunnelStage(String stage, String label, long count) {}

  record StageTime(String from, String to, String label, int n, Double medianHours, Double p90Hours) {}

  record StatusCount(String status, String stage, boolean concluded, long count) {}

  record OverdueReview(String taskId, UUID applicationId, Instant createdAt, Instant dueAt, double overdueHours) {}

  record Reviews(long open, long overdue, Double oldestAgeHours, List<OverdueReview> overdueList) {}

  record CohortSeats(
      String positionId, String positionTitle, LocalDate startDate, LocalDate endDate, Integer capacity, long held,
      long taken) {}

  record Waiting(UUID applicationId, String positionId, Instant submittedAt, UUID waitsFor, String waitsForStatus) {}

  record Dashboard(
      Instant generatedAt,
      String positionId,
      List<PositionOption> positions,
      Map<String, Long> totals,
      List<FunnelStage> funnel,
      List<StageTime> stageTimes,
      List<StatusCount> byStatus,
      Reviews reviews,
      List<CohortSeats> seats,
      List<Waiting> waitingTurn) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  DashboardQueries(JdbcClient jdbc, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
  }

  Dashboard of(String positionId) {
    boolean all = positionId == null || positionId.isBlank();
    String position = all ? null : positionId;
    Instant now = clock.instant();
    String filter = all ? "" : " and a.position_id = :position";
    Map<String, Object> params = new HashMap<>();
    if (!all) {
      params.put("position", position);
    }

    Map<UUID, EnumMap<Stage, Instant>> reached = new LinkedHashMap<>();
    Map<ApplicationStatus, Long> statusCounts = new EnumMap<>(ApplicationStatus.class);
    jdbc.sql("select a.id, a.status, a.submitted_at from application a where 1 = 1" + filter)
        .params(params)
        .query(rs -> {
          EnumMap<Stage, Instant> stages = new EnumMap<>(Stage.class);
          stages.put(Stage.SUBMITTED, rs.getObject(3, OffsetDateTime.class).toInstant());
          reached.put(rs.getObject(1, UUID.class), stages);
          statusCounts.merge(ApplicationStatus.valueOf(rs.getString(2)), 1L, Long::sum);
        });
    jdbc.sql(
            """
            select h.application_id, h.status, h.reached_at from application_status_history h
              join application a on a.id = h.application_id
             where h.status in ('SCREENED', 'OFFERED', 'OFFER_ACCEPTED', 'HIRED')
            """ + filter + " order by h.id")
        .params(params)
        .query(rs -> {
          EnumMap<Stage, Instant> stages = reached.get(rs.getObject(1, UUID.class));
          if (stages != null) {
            stages.putIfAbsent(stageOf(rs.getString(2)), rs.getObject(3, OffsetDateTime.class).toInstant());
          }
        });
    jdbc.sql(
            """
            select t.application_id, t.element_id, t.state, t.created_at, t.completed_at from user_task t
              join application a on a.id = t.application_id
             where t.element_id in (:review, :decision)
            """ + filter + " order by t.created_at")
        .params(params)
        .param("review", REVIEW_TASK)
        .param("decision", DECISION_TASK)
        .query(rs -> {
          EnumMap<Stage, Instant> stages = reached.get(rs.getObject(1, UUID.class));
          if (stages == null) {
            return;
          }
          if (REVIEW_TASK.equals(rs.getString(2)) && "COMPLETED".equals(rs.getString(3))) {
            OffsetDateTime completed = rs.getObject(5, OffsetDateTime.class);
            if (completed != null) {
              stages.putIfAbsent(Stage.REVIEWED, completed.toInstant());
            }
          } else if (DECISION_TASK.equals(rs.getString(2))) {
            stages.putIfAbsent(Stage.INTERVIEWED, rs.getObject(4, OffsetDateTime.class).toInstant());
          }
        });

    long[] funnelCounts = new long[Stage.values().length];
    for (EnumMap<Stage, Instant> stages : reached.values()) {
      int furthest = stages.keySet().stream().mapToInt(Enum::ordinal).max().orElse(0);
      for (int i = 0; i <= furthest; i++) {
        funnelCounts[i]++;
      }
    }
    List<FunnelStage> funnel = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      funnel.add(new FunnelStage(stage.name().toLowerCase(), stage.label, funnelCounts[stage.ordinal()]));
    }
    List<StageTime> times = new ArrayList<>();
    Stage[] stages = Stage.values();
    for (int i = 0; i + 1 < stages.length; i++) {
      Stage from = stages[i];
      Stage to = stages[i + 1];
      List<Double> hours = new ArrayList<>();
      for (EnumMap<Stage, Instant> s : reached.values()) {
        if (s.containsKey(from) && s.containsKey(to)) {
          hours.add(Math.max(0, Duration.between(s.get(from), s.get(to)).toMillis()) / 3_600_000.0);
        }
      }
      times.add(new StageTime(from.name().toLowerCase(), to.name().toLowerCase(), from.label + " → " + to.label,
          hours.size(), percentile(hours, 50), percentile(hours, 90)));
    }

    List<StatusCount> byStatus = new ArrayList<>();
    statusCounts.forEach((status, count) ->
        byStatus.add(new StatusCount(status.name(), status.plainWords(), status.concluded(), count)));

    Map<String, Long> totals = new LinkedHashMap<>();
    totals.put("applications", (long) reached.size());
    totals.put("open", statusCounts.entrySet().stream().filter(e -> !e.getKey().concluded()).mapToLong(Map.Entry::getValue).sum());
    totals.put("concluded", statusCounts.entrySet().stream().filter(e -> e.getKey().concluded()).mapToLong(Map.Entry::getValue).sum());
    totals.put("hired", statusCounts.getOrDefault(ApplicationStatus.HIRED, 0L));
    totals.put("waitingTurn", statusCounts.getOrDefault(ApplicationStatus.WAITING_TURN, 0L));

    Reviews reviews = reviews(filter, params, now);
    totals.put("openReviews", reviews.open());
    totals.put("overdueReviews", reviews.overdue());

    return new Dashboard(
        now, position, positions(), totals, funnel, times, byStatus, reviews, seats(position), waiting(filter, params));
  }

  /** The funnel stage a status marks (the statuses the history query selects). */
  private static Stage stageOf(String status) {
    return switch (status) {
      case "SCREENED" -> Stage.SCREENED;
      case "OFFERED" -> Stage.OFFERED;
      case "OFFER_ACCEPTED" -> Stage.ACCEPTED;
      case "HIRED" -> Stage.CONFIRMED;
      default -> throw new IllegalArgumentException("No funnel stage for " + status);
    };
  }

  private Reviews reviews(String filter, Map<String, Object> params, Instant now) {
    List<OverdueReview> overdue = new ArrayList<>();
    long[] open = {0};
    Instant[] oldest = {null};
    jdbc.sql(
            """
            select t.task_key, t.application_id, t.created_at, t.due_at from user_task t
              join application a on a.id = t.application_id
             where t.state = 'OPEN' and t.element_id = :review
            """ + filter + " order by t.due_at, t.created_at")
        .params(params)
        .param("review", REVIEW_TASK)
        .query(rs -> {
          open[0]++;
          Instant created = rs.getObject(3, OffsetDateTime.class).toInstant();
          OffsetDateTime due = rs.getObject(4, OffsetDateTime.class);
          if (oldest[0] == null || created.isBefore(oldest[0])) {
            oldest[0] = created;
          }
          if (due != null && due.toInstant().isBefore(now)) {
            overdue.add(new OverdueReview(String.valueOf(rs.getLong(1)), rs.getObject(2, UUID.class), created,
                due.toInstant(), round(Duration.between(due.toInstant(), now).toMillis() / 3_600_000.0)));
          }
        });
    return new Reviews(open[0], overdue.size(),
        oldest[0] == null ? null : round(Duration.between(oldest[0], now).toMillis() / 3_600_000.0),
        overdue.stream().limit(100).toList());
  }

  private List<CohortSeats> seats(String position) {
    Map<String, long[]> counts = new HashMap<>();
    jdbc.sql(
            """
            select position_id, start_date, state, count(*) from cohort_seat
             where state in ('HELD', 'TAKEN') group by position_id, start_date, state
            """)
        .query(rs -> {
          long[] c = counts.computeIfAbsent(rs.getString(1) + "|" + rs.getObject(2, LocalDate.class), k -> new long[2]);
          c["HELD".equals(rs.getString(3)) ? 0 : 1] = rs.getLong(4);
        });
    return jdbc.sql(
            """
            select c.position_id, p.title, p.weeks, c.start_date, c.capacity from position_cohort c
              join position p on p.id = c.position_id
            """ + (position == null ? " where p.status = 'OPEN' or exists (select 1 from cohort_seat s where s.position_id = p.id)" : " where c.position_id = :position")
                + " order by c.position_id, c.start_date")
        .params(position == null ? Map.of() : Map.of("position", position))
        .query((rs, n) -> {
          LocalDate start = rs.getObject(4, LocalDate.class);
          long[] c = counts.getOrDefault(rs.getString(1) + "|" + start, new long[2]);
          return new CohortSeats(rs.getString(1), rs.getString(2), start,
              CohortCalendar.endDate(start, rs.getInt(3)), (Integer) rs.getObject(5), c[0], c[1]);
        })
        .list();
  }

  private List<Waiting> waiting(String filter, Map<String, Object> params) {
    return jdbc.sql(
            """
            select a.id, a.position_id, a.submitted_at, a.waits_for, f.status from application a
              left join application f on f.id = a.waits_for
             where a.status = 'WAITING_TURN'
            """ + filter + " order by a.submitted_at limit 200")
        .params(params)
        .query((rs, n) -> new Waiting(rs.getObject(1, UUID.class), rs.getString(2),
            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getObject(4, UUID.class), rs.getString(5)))
        .list();
  }

  private List<PositionOption> positions() {
    return jdbc.sql("select id, title, status from position order by status desc, id")
        .query((rs, n) -> new PositionOption(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /** Nearest-rank percentile (hours, to the second); null without data. */
  static Double percentile(List<Double> values, int p) {
    if (values.isEmpty()) {
      return null;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return Math.round(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] * 1_000_000) / 1_000_000.0;
  }

  private static double round(double hours) {
    return Math.round(hours * 100) / 100.0;
  }
}

package com.internhire.position;

import java.time.Clock;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PositionRepository {

  private final JdbcClient jdbc;
  private final Clock clock;

  PositionRepository(JdbcClient jdbc, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
  }

  public Optional<Position> findById(String id) {
    return load("where p.id = :id", Map.of("id", id)).stream().findFirst();
  }

  public List<Position> findOpen() {
    return load("where p.status = 'OPEN'", Map.of());
  }

  public boolean exists(String id) {
    return jdbc.sql("select count(*) from position where id = :id")
            .param("id", id)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** Marks the position filled once its hires reach the headcount; true if it is filled. */
  public boolean fillIfHeadcountReached(String positionId, int hires) {
    jdbc.sql("update position set status = 'FILLED' where id = :id and status = 'OPEN' and headcount <= :hires")
        .param("id", positionId)
        .param("hires", hires)
        .update();
    return jdbc.sql("select status from position where id = :id").param("id", positionId).query(String.class).single()
        .equals("FILLED");
  }

  void insert(NewPosition position) {
    jdbc.sql(
            """
            insert into position (id, title, weeks, headcount, interviewers, status, created_at)
            values (:id, :title, :weeks, :headcount, :interviewers, 'OPEN', :now)
            """)
        .param("id", position.id())
        .param("title", position.title())
        .param("weeks", position.weeks())
        .param("headcount", position.headcount())
        .param("interviewers", position.interviewersOrDefault())
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .update();
    for (LocalDate start : position.cohortStartDates()) {
      jdbc.sql("insert into position_cohort (position_id, start_date) values (:id, :start)")
          .param("id", position.id())
          .param("start", Date.valueOf(start))
          .update();
    }
  }

  private List<Position> load(String where, Map<String, ?> params) {
    // Cohorts are collected into a mutable list per position, then frozen.
    Map<String, Position> rows = new LinkedHashMap<>();
    jdbc.sql(
            """
            select p.id, p.title, p.weeks, p.headcount, p.interviewers, p.status,
                   c.start_date, c.capacity
            from position p left join position_cohort c on c.position_id = p.id
            """
                + where
                + " order by p.id, c.start_date")
        .params(params)
        .query(
            rs -> {
              Position row =
                  rows.computeIfAbsent(
                      rs.getString("id"),
                      id -> {
                        try {
                          return new Position(
                              id,
                              rs.getString("title"),
                              rs.getInt("weeks"),
                              rs.getInt("headcount"),
                              rs.getInt("interviewers"),
                              rs.getString("status"),
                              new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                          throw new IllegalStateException(e);
                        }
                      });
              Date start = rs.getDate("start_date");
              if (start != null) {
                LocalDate startDate = start.toLocalDate();
                Integer capacity = (Integer) rs.getObject("capacity");
                row.cohorts().add(
                    new Position.Cohort(
                        startDate, CohortCalendar.endDate(startDate, row.weeks()), capacity));
              }
            });
    return rows.values().stream()
        .map(p -> new Position(p.id(), p.title(), p.weeks(), p.headcount(), p.interviewers(), p.status(), List.copyOf(p.cohorts())))
        .toList();
  }
}

package com.internhire.screening;

import com.internhire.engine.ProcessVariables.Screening;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Screening's outcome per application: the decision's result and when the review falls due. */
@Component
public class ScreeningResults {

  private final JdbcClient jdbc;
  private final Clock clock;

  ScreeningResults(JdbcClient jdbc, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
  }

  /** A recorded outcome. */
  public record Outcome(Screening result, Instant reviewDueAt) {}

  /** Records the outcome once; false if it was recorded before (a repeated job). */
  boolean record(UUID applicationId, String decisionId, String decisionVersion, Screening result, Instant reviewDueAt) {
    return jdbc.sql(
                """
                insert into screening_result (application_id, decision_id, decision_version, meets_minimum,
                       minimum_reason, score, recommendation, priority, review_due_at, screened_at)
                select :id, :decisionId, :decisionVersion, :meetsMinimum, :minimumReason, :score,
                       :recommendation, :priority, :due, :now
                 where not exists (select 1 from screening_result where application_id = :id)
                """)
            .param("id", applicationId)
            .param("decisionId", decisionId)
            .param("decisionVersion", decisionVersion)
            .param("meetsMinimum", result.meetsMinimum())
            .param("minimumReason", result.minimumReason())
            .param("score", result.score())
            .param("recommendation", result.recommendation())
            .param("priority", result.priority())
            .param("due", reviewDueAt.atOffset(ZoneOffset.UTC))
            .param("now", clock.instant().atOffset(ZoneOffset.UTC))
            .update()
        == 1;
  }

  public Optional<Outcome> of(UUID applicationId) {
    return jdbc.sql(
            """
            select meets_minimum, minimum_reason, score, recommendation, priority, review_due_at
              from screening_result where application_id = :id
            """)
        .param("id", applicationId)
        .query(
            (rs, n) ->
                new Outcome(
                    new Screening(
                        rs.getBoolean("meets_minimum"),
                        rs.getString("minimum_reason"),
                        rs.getInt("score"),
                        rs.getString("recommendation"),
                        rs.getInt("priority")),
                    rs.getObject("review_due_at", OffsetDateTime.class).toInstant()))
        .optional();
  }
}

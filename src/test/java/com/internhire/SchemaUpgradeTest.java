package com.internhire;

import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.support.TestData;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database in use before the modules had tables of their own (schema V9, as released) keeps
 * its facts through the upgrade: the screening outcome, the answers given on completed tasks
 * and when each status was reached are read once from the audit trail into their tables.
 */
class SchemaUpgradeTest {

  @Test
  void aReleasedDatabaseMovesItsFactsOutOfTheAuditTrail() {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    database.setUser("sa");
    flyway(database, "9").migrate();
    JdbcClient jdbc = JdbcClient.create(database);

    UUID id = TestData.application(jdbc);
    var now = Instant.now().atOffset(ZoneOffset.UTC);
    jdbc.sql(
            """
            update application set status = 'INTERVIEWING', screening_score = 75, screening_recommendation = 'ADVANCE',
                   screening_priority = 90, review_due_at = :now where id = :id
            """)
        .param("id", id).param("now", now).update();
    audit(jdbc, id, "rule:screening", "SCREENED", "7",
        "{\"result\":{\"meetsMinimum\":true,\"minimumReason\":\"Meets all minimum qualifications\",\"score\":75,"
            + "\"recommendation\":\"ADVANCE\",\"priority\":90}}");
    jdbc.sql(
            """
            insert into user_task (task_key, application_id, process_instance_key, element_id, name, form_id, priority,
                                   state, created_at, completed_at, completed_by)
            values (11, :id, 5, 'Task_ReviewApplication', 'Review application', 'review-application', 90,
                    'COMPLETED', :now, :now, 'recruiter')
            """)
        .param("id", id).param("now", now).update();
    audit(jdbc, id, "recruiter", "TASK_COMPLETED", null,
        "{\"task\":\"Task_ReviewApplication\",\"taskKey\":\"11\",\"answers\":{\"decision\":\"ADVANCE\"}}");
    audit(jdbc, id, "process:internship-application", "STATUS_CHANGED", null,
        "{\"from\":\"IN_REVIEW\",\"to\":\"INTERVIEWING\",\"element\":\"Event_Interviewing\"}");

    flyway(database, "latest").migrate();

    assertThat(jdbc.sql(
                "select meets_minimum, minimum_reason, score, recommendation, priority, decision_version"
                    + " from screening_result where application_id = :id")
            .param("id", id).query().singleRow())
        .containsEntry("meets_minimum", true)
        .containsEntry("minimum_reason", "Meets all minimum qualifications")
        .containsEntry("score", 75)
        .containsEntry("recommendation", "ADVANCE")
        .containsEntry("priority", 90)
        .containsEntry("decision_version", "7");
    assertThat(jdbc.sql("select task_key, element_id, answers, answered_by from task_answer where application_id = :id")
            .param("id", id).query().singleRow())
        .containsEntry("task_key", 11L)
        .containsEntry("element_id", "Task_ReviewApplication")
        .containsEntry("answers", "{\"decision\":\"ADVANCE\"}")
        .containsEntry("answered_by", "recruiter");
    assertThat(jdbc.sql("select status from application_status_history where application_id = :id order by id")
            .param("id", id).query(String.class).list())
        .containsExactly("SCREENED", "INTERVIEWING");
  }

  private static Flyway flyway(JdbcDataSource database, String target) {
    return Flyway.configure()
        .dataSource(database)
        .locations("classpath:db/migration")
        .placeholders(Map.of("seed-headcount", "20"))
        .target(target)
        .load();
  }

  private static void audit(JdbcClient jdbc, UUID id, String actor, String action, String ruleVersion, String details) {
    jdbc.sql(
            """
            insert into audit_event (application_id, occurred_at, actor, action, rule_version, details)
            values (:id, :now, :actor, :action, :version, :details)
            """)
        .param("id", id)
        .param("now", Instant.now().atOffset(ZoneOffset.UTC))
        .param("actor", actor)
        .param("action", action)
        .param("version", ruleVersion)
        .param("details", details)
        .update();
  }
}

package db.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Upgrades a database from before V10: screening's full result and the answers given on
 * completed human tasks were kept only in the audit trail's JSON details. They are copied once
 * into {@code screening_result} and {@code task_answer}, in Java because H2 and PostgreSQL
 * read JSON differently. A fresh database has no such rows and this does nothing.
 */
public class V11__screening_and_answers_from_audit extends BaseJavaMigration {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (Statement select = connection.createStatement();
        ResultSet rows =
            select.executeQuery(
                "select application_id, action, rule_version, details, actor, occurred_at from audit_event"
                    + " where action in ('SCREENED', 'TASK_COMPLETED') order by id");
        PreparedStatement screening =
            connection.prepareStatement(
                "update screening_result set decision_version = ?, meets_minimum = ?, minimum_reason = ?"
                    + " where application_id = ?");
        PreparedStatement answer =
            connection.prepareStatement(
                "insert into task_answer (task_key, application_id, element_id, form_id, answers, answered_by, answered_at)"
                    + " select task_key, application_id, element_id, form_id, ?, ?, ? from user_task"
                    + " where application_id = ? and task_key = ? and state = 'COMPLETED'"
                    + " and not exists (select 1 from task_answer a where a.application_id = ? and a.task_key = ?)")) {
      while (rows.next()) {
        Object applicationId = rows.getObject("application_id");
        Map<?, ?> details = JSON.readValue(rows.getString("details"), Map.class);
        if ("SCREENED".equals(rows.getString("action")) && details.get("result") instanceof Map<?, ?> result) {
          screening.setString(1, rows.getString("rule_version"));
          screening.setBoolean(2, Boolean.TRUE.equals(result.get("meetsMinimum")));
          screening.setObject(3, result.get("minimumReason"));
          screening.setObject(4, applicationId);
          screening.executeUpdate();
        } else if (details.get("answers") instanceof Map<?, ?> answers && details.get("taskKey") != null) {
          long taskKey = Long.parseLong(String.valueOf(details.get("taskKey")));
          answer.setString(1, JSON.writeValueAsString(answers));
          answer.setString(2, rows.getString("actor"));
          answer.setObject(3, rows.getObject("occurred_at"));
          answer.setObject(4, applicationId);
          answer.setLong(5, taskKey);
          answer.setObject(6, applicationId);
          answer.setLong(7, taskKey);
          answer.executeUpdate();
        }
      }
    }
  }
}

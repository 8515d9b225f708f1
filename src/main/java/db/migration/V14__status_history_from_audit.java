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
 * Upgrades a database from before V13: when an application reached each status was only in
 * the audit trail's JSON details (and SCREENED only as the screening row). Copied once into
 * {@code application_status_history}, in Java because H2 and PostgreSQL read JSON
 * differently. A fresh database has no such rows and this does nothing.
 */
public class V14__status_history_from_audit extends BaseJavaMigration {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (Statement select = connection.createStatement();
        ResultSet rows =
            select.executeQuery(
                "select application_id, action, occurred_at, details from audit_event"
                    + " where action in ('SCREENED', 'STATUS_CHANGED') order by id");
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into application_status_history (application_id, status, reached_at) values (?, ?, ?)")) {
      while (rows.next()) {
        String status =
            "SCREENED".equals(rows.getString("action"))
                ? "SCREENED"
                : String.valueOf(JSON.readValue(rows.getString("details"), Map.class).get("to"));
        insert.setObject(1, rows.getObject("application_id"));
        insert.setString(2, status);
        insert.setObject(3, rows.getObject("occurred_at"));
        insert.executeUpdate();
      }
    }
  }
}

package com.internhire.faults;

import static com.internhire.support.Submissions.freshEmail;
import static com.internhire.support.Submissions.strong;
import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.HiringApplication;
import com.internhire.embedded.EmbeddedEngineConfiguration;
import com.internhire.support.Api;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The database unavailable during intake: 503 with a problem, nothing half-written, a retry works. */
@SpringBootTest(
    classes = {HiringApplication.class, EmbeddedEngineConfiguration.class, DatabaseOutageTest.Outage.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:outage;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"embedded", "test"})
@DirtiesContext
class DatabaseOutageTest {

  /** Wraps the pool so the test can make the database unreachable. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Outage {
    static volatile boolean down;

    @Bean
    static BeanPostProcessor switchableDataSource() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)) {
            return new DelegatingDataSource(dataSource) {
              @Override
              public Connection getConnection() throws SQLException {
                if (down) {
                  throw new SQLTransientConnectionException("Connection refused: db.company.example:5432");
                }
                return super.getConnection();
              }
            };
          }
          return bean;
        }
      };
    }
  }

  @DynamicPropertySource
  static void ownEngine(DynamicPropertyRegistry registry) throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      int port = socket.getLocalPort();
      registry.add("hiring.embedded-engine.port", () -> port);
    }
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void databaseBack() {
    Outage.down = false;
  }

  @Test
  void intakeAnswers503WritesNothingAndTheCandidateCanRetry() {
    Map<String, Object> body = strong(freshEmail());
    int before = applications();

    Outage.down = true;
    Api.Response refused = Api.at(port).post("/api/applications", body);
    Outage.down = false;

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.header("Retry-After")).isEqualTo("5");
    assertThat(refused.body().path("type").asText()).isEqualTo("/problems/service-unavailable");
    assertThat(refused.text()).doesNotContain("db.company.example", "Exception");
    assertThat(applications()).as("nothing half-written").isEqualTo(before);

    Api.Response retried = Api.at(port).post("/api/applications", body);
    assertThat(retried.status()).isEqualTo(201);
    assertThat(applications()).isEqualTo(before + 1);
  }

  private int applications() {
    return jdbc.sql("select count(*) from application").query(Integer.class).single();
  }
}

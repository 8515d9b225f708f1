package com.internhire.intake;

import static com.internhire.support.Submissions.strong;
import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.support.Api;
import com.internhire.HiringApplication;
import com.internhire.embedded.EmbeddedEngineConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * R1 under load: 200 candidates each submit to 4 positions at the same moment. Every one ends
 * with exactly two applications, nobody gets a 500. Intake alone is measured: acknowledging
 * never waits for the engine, so this context starts no processes, and it is discarded after.
 */
@SpringBootTest(
    classes = {HiringApplication.class, EmbeddedEngineConfiguration.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"embedded", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class IntakeLoadTest {

  @LocalServerPort int port;

  private Api api() {
    return Api.at(port);
  }

  @DynamicPropertySource
  static void intakeAlone(DynamicPropertyRegistry registry) throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      int port = socket.getLocalPort();
      registry.add("hiring.embedded-engine.port", () -> port);
    }
    registry.add("hiring.process-start.enabled", () -> false);
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:h2:mem:hiring-load;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1");
  }

  private static final int CANDIDATES = 200;
  private static final int POSITIONS = 4;

  @Autowired JdbcClient jdbc;

  @Test
  void twoHundredCandidatesTimesFourSimultaneousSubmissionsEndWithTwoEach() throws Exception {
    List<String> positions = new ArrayList<>();
    for (int i = 0; i < POSITIONS; i++) {
      String id = "load-" + UUID.randomUUID().toString().substring(0, 8);
      assertThat(api().as("owner").post("/api/positions", IntakeApiTest.position(id)).status()).isEqualTo(201);
      positions.add(id);
    }
    String run = UUID.randomUUID().toString().substring(0, 8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Api.Response>> responses = new ArrayList<>();
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < CANDIDATES; c++) {
        String email = "load-" + run + "-" + c + "@example.edu";
        for (String position : positions) {
          responses.add(
              clients.submit(
                  () -> {
                    go.await();
                    return api().withTimeout(java.time.Duration.ofMinutes(2)).post("/api/applications", strong(email, position));
                  }));
        }
      }
      go.countDown();
    }
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (Future<Api.Response> response : responses) {
      statuses.merge(response.get().status(), 1, Integer::sum);
    }

    assertThat(statuses).as("statuses").containsOnlyKeys(201, 409).containsEntry(201, 2 * CANDIDATES);
    List<Integer> perCandidate =
        jdbc.sql(
                """
                select count(a.id) from candidate c left join application a on a.candidate_id = c.id
                 where c.email like :pattern group by c.id
                """)
            .param("pattern", "load-" + run + "-%")
            .query(Integer.class)
            .list();
    assertThat(perCandidate).hasSize(CANDIDATES).containsOnly(2);
    assertThat(
            jdbc.sql("select count(*) from application a join candidate c on c.id = a.candidate_id where c.email like :p")
                .param("p", "load-" + run + "-%")
                .query(Integer.class)
                .single())
        .isEqualTo(2 * CANDIDATES);
  }
}

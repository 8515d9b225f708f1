package com.internhire.application;

import static com.internhire.support.Submissions.strong;
import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.support.Api;
import com.internhire.support.ServiceTest;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * R1 under load: 200 candidates each submit to 4 positions at the same moment. Every one ends
 * with exactly two applications, nobody gets a 500. (Its own engine: the 400 instances it
 * starts are discarded with the context afterwards.)
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class IntakeLoadTest extends ServiceTest {

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
                    return api().post("/api/applications", strong(email, position));
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

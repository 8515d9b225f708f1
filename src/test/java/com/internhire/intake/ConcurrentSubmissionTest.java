package com.internhire.intake;

import static com.internhire.support.Submissions.freshEmail;
import static com.internhire.support.Submissions.strong;
import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.support.Api;
import com.internhire.support.ServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** R1 under a race: one candidate submitting to ten positions at the same moment. */
class ConcurrentSubmissionTest extends ServiceTest {

  @Autowired JdbcClient jdbc;

  @Test
  void tenSimultaneousSubmissionsByOneCandidateEndWithExactlyTwoApplications() throws Exception {
    List<String> positions = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String id = "race-" + UUID.randomUUID().toString().substring(0, 8);
      assertThat(api().as("owner").post("/api/positions", IntakeApiTest.position(id)).status()).isEqualTo(201);
      positions.add(id);
    }
    String email = freshEmail();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Api.Response>> responses = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
      for (String position : positions) {
        responses.add(
            pool.submit(
                () -> {
                  go.await();
                  return api().post("/api/applications", strong(email, position));
                }));
      }
      go.countDown();
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Api.Response> response : responses) {
      statuses.add(response.get().status());
    }

    assertThat(statuses).filteredOn(s -> s == 201).hasSize(2);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(8);
    assertThat(
            jdbc.sql(
                    "select count(*) from application a join candidate c on c.id = a.candidate_id where c.email = :email")
                .param("email", email)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    assertThat(jdbc.sql("select count(*) from candidate where email = :email").param("email", email).query(Integer.class).single())
        .isEqualTo(1);
  }
}

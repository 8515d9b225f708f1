package com.internhire.embedded;

import static com.internhire.support.Submissions.freshEmail;
import static com.internhire.support.Submissions.strong;
import static com.internhire.support.Submissions.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.internhire.HiringApplication;
import com.internhire.notification.SwitchableMailbox;
import com.internhire.support.Api;
import com.internhire.support.Journey;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Process owners check the timed rules on the embedded default without waiting days:
 * {@code POST /api/dev/clock} moves the engine's timers and the service's own time together.
 * A context of its own: moving time would fire other tests' timers.
 */
class DevClockTest {

  @Test
  void aProcessOwnerMovesTheEnginesAndTheServicesClockTogether() throws IOException {
    try (ConfigurableApplicationContext service = start()) {
      Api api = Api.at(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
      Journey journey = new Journey(api);

      assertThat(api.post("/api/dev/clock", Map.of("advance", "P1D")).status()).isEqualTo(401);
      assertThat(api.as("recruiter").post("/api/dev/clock", Map.of("advance", "P1D")).status()).isEqualTo(403);
      Api.Response typo = api.as("owner").post("/api/dev/clock", Map.of("advance", "five days"));
      assertThat(typo.status()).isEqualTo(422);
      assertThat(typo.body().path("errors").get(0).path("field").asText()).isEqualTo("advance");
      assertThat(api.as("owner").post("/api/dev/clock", Map.of("advance", "-P1D")).status()).isEqualTo(422);

      // R4: no availability stated; the model waits 7 days for it, then closes the application.
      Journey.Submitted waiting = journey.submit(with(strong(freshEmail()), "availability", null));
      journey.awaitStatus(waiting.id(), "AWAITING_AVAILABILITY");
      Instant before = Instant.now();

      Api.Response moved = api.as("owner").post("/api/dev/clock", Map.of("advance", "P7DT1H"));

      assertThat(moved.status()).isEqualTo(200);
      Instant now = Instant.parse(moved.body().path("now").asText());
      assertThat(now).isBetween(before.plus(Duration.ofHours(169)), Instant.now().plus(Duration.ofHours(169)));
      journey.awaitStatus(waiting.id(), "INCOMPLETE");
      JsonNode closing =
          StreamSupport.stream(api.as("auditor").get("/api/applications/" + waiting.id() + "/history").body().spliterator(), false)
              .filter(row -> "INCOMPLETE".equals(row.path("details").path("to").asText()))
              .findFirst()
              .orElseThrow();
      // Recorded in the service's moved time, not the machine's.
      assertThat(Instant.parse(closing.path("occurredAt").asText())).isAfter(before.plus(Duration.ofDays(7)));
    }
  }

  private static ConfigurableApplicationContext start() throws IOException {
    int enginePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      enginePort = socket.getLocalPort();
    }
    return new SpringApplicationBuilder(HiringApplication.class, EmbeddedEngineConfiguration.class, SwitchableMailbox.Config.class)
        .profiles("embedded", "test")
        .run(
            "--server.port=0",
            "--spring.datasource.url=jdbc:h2:mem:dev-clock-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
            "--hiring.embedded-engine.port=" + enginePort);
  }
}

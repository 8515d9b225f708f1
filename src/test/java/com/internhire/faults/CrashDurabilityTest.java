package com.internhire.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.internhire.support.Submissions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * R12, nothing acknowledged is lost: the embedded default, started as the README starts it (its
 * own JVM, its shipped database settings, in a folder of its own), is killed with SIGKILL in
 * the middle of a burst of submissions. No shutdown hook runs. Every application it answered
 * 201 must be in its database afterwards.
 */
class CrashDurabilityTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void applicationsAnsweredBeforeAKillAreAllStored() throws Exception {
    Path folder = Files.createDirectories(Path.of("target", "crash-" + UUID.randomUUID()).toAbsolutePath());
    int port = freePort();
    Process service =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "com.internhire.embedded.EmbeddedHiringApplication",
                "--server.port=" + port,
                "--hiring.embedded-engine.port=" + freePort(),
                "--hiring.embedded-engine.live-redeploy=false")
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("service.log").toFile())
            .start();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    try {
      awaitReady(port, service);
      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService clients = Executors.newFixedThreadPool(16);
      for (int i = 0; i < 16; i++) {
        clients.submit(() -> submitWhile(running, port, acknowledged));
      }
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (acknowledged.size() < 300 && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      service.destroyForcibly(); // SIGKILL: no shutdown hooks, no graceful close of the database
      service.waitFor(30, TimeUnit.SECONDS);
      running.set(false);
      clients.shutdown();
      clients.awaitTermination(30, TimeUnit.SECONDS);
    } finally {
      service.destroyForcibly();
    }

    int stored = countStored(folder.resolve("data/hiring"), List.copyOf(acknowledged));
    System.out.printf("Crash test: %d answered 201 before SIGKILL, %d of them stored, %d lost%n",
        acknowledged.size(), stored, acknowledged.size() - stored);
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);
    assertThat(stored).isEqualTo(acknowledged.size());
  }

  private void submitWhile(AtomicBoolean running, int port, Set<String> acknowledged) {
    while (running.get()) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/applications"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Submissions.strong(Submissions.freshEmail()))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 201) {
          JsonNode body = JSON.readTree(response.body());
          acknowledged.add(body.path("applicationId").asText());
        }
      } catch (IOException e) {
        return; // the service is gone
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void awaitReady(int port, Process service) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < until) {
      assertThat(service.isAlive()).as("the service process is running").isTrue();
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/positions")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("The service did not start within 120 s");
  }

  private static int countStored(Path database, List<String> ids) throws Exception {
    String url = "jdbc:h2:file:" + database + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    int stored = 0;
    try (var connection = DriverManager.getConnection(url, "sa", "");
        PreparedStatement find = connection.prepareStatement("select count(*) from application where id = ?")) {
      for (String id : ids) {
        find.setObject(1, UUID.fromString(id));
        try (ResultSet rs = find.executeQuery()) {
          rs.next();
          stored += rs.getInt(1);
        }
      }
    }
    return stored;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

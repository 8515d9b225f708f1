package com.internhire.platform.security;

import static com.internhire.support.Submissions.freshEmail;
import static com.internhire.support.Submissions.strong;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.internhire.support.Api;
import com.internhire.support.Journey;
import com.internhire.support.ServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Generated hostile input (jqwik's generators) against every endpoint that reads a body or a
 * path: broken JSON, wrong types, huge and deep values, control characters, script and SQL
 * fragments, odd Unicode, far dates, bodies that aren't what they claim. Every answer is a 4xx
 * problem without internals; a refused request leaves the database as it was.
 */
class HostileInputTest extends ServiceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SEED = Long.getLong("hostile.seed", 20261130L);
  private static final int MUTATIONS = Integer.getInteger("hostile.mutations", 150);

  @Autowired JdbcClient jdbc;

  /** Values nobody should send. */
  private static Arbitrary<Object> hostileValues() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMinLength(0).ofMaxLength(40).map(s -> (Object) s),
        Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(10).map(s -> (Object) s),
        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20).map(s -> (Object) s),
        Arbitraries.of(
            "<script>alert(1)</script>", "'; drop table application; --", "\" or 1=1 --", "${jndi:ldap://x/a}",
            "{{7*7}}", "../../etc/passwd", "Ａｄａ＠ｅｘａｍｐｌｅ．ｅｄｕ", "ad\u0430@example.edu", "İ@example.edu",
            "a@b", "@", "", " ", "\u202eevil", "0000-01-01", "9999-12-31", "+999999999-12-31", "2026-02-30",
            "-1", "1e309", "NaN", "null", "true"),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.just(null),
        Arbitraries.just(List.of(1, "two", List.of())),
        Arbitraries.just(Map.of("nested", Map.of("deeper", List.of(Map.of())))),
        Arbitraries.just("x".repeat(70_000)));
  }

  private static final List<String> SUBMISSION_PATHS =
      List.of(
          "positionId", "candidate", "candidate.name", "candidate.email", "candidate.phone", "education",
          "education.level", "education.field", "education.enrolled", "education.expectedGraduation", "experience",
          "skills", "englishLevel", "availability", "availability.start", "availability.end", "privacyPolicy",
          "privacyPolicy.accepted", "privacyPolicy.version", "unexpected");

  @Test
  void mutatedSubmissionsAreRefusedCleanlyAndWriteNothing() throws Exception {
    Random random = new Random(SEED);
    List<Object> values = hostileValues().sampleStream().limit(MUTATIONS).toList();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < MUTATIONS; i++) {
      Map<String, Object> body = strong(freshEmail());
      String path = SUBMISSION_PATHS.get(random.nextInt(SUBMISSION_PATHS.size()));
      set(body, path, values.get(i));
      long before = rows();
      Api.Response response = api().post("/api/applications", JSON.writeValueAsString(body));
      if (response.status() == 201 || response.status() == 200) {
        continue; // the mutation happened to be valid
      }
      check(failures, "POST /api/applications with " + path + "=" + abbreviate(values.get(i)), response);
      if (rows() != before) {
        failures.add("a refused submission wrote rows: " + path + "=" + abbreviate(values.get(i)));
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void brokenBodiesEverywhereAreRefusedCleanly() throws Exception {
    Journey journey = new Journey(api());
    Journey.Submitted application = journey.submit(strong(freshEmail()));
    String task = journey.task("recruiter", application.id(), "Task_ReviewApplication").path("id").asText();
    String app = "/api/applications/" + application.id();
    Map<String, Api> endpoints = new LinkedHashMap<>();
    endpoints.put("/api/applications", api());
    endpoints.put(app + "/availability", api().withToken(application.token()));
    endpoints.put(app + "/offer-response", api().withToken(application.token()));
    endpoints.put(app + "/start-date", api().withToken(application.token()));
    endpoints.put("/api/tasks/" + task + "/complete", api().as("recruiter"));
    endpoints.put("/api/positions", api().as("owner"));
    endpoints.put("/api/process-migrations", api().as("owner"));

    List<String> bodies = new ArrayList<>(List.of(
        "", "{", "}", "[", "null", "[]", "\"text\"", "42", "{\"a\":", "{\"a\" 1}", "{'single':'quotes'}",
        "{\"a\":1,\"a\":2}", "\u0000\u0001", "{\"start\":\"2026-05-11\",\"end\":\"2026-13-45\"}",
        "{\"accept\":\"yes\"}", "{\"startDate\":[]}", "{\"decision\":{\"$gt\":\"\"}}",
        "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000),
        "{\"x\":\"" + "y".repeat(100_000) + "\"}"));
    Arbitraries.strings().all().ofMaxLength(200).sampleStream().limit(40).forEach(bodies::add);

    List<String> failures = new ArrayList<>();
    long before = rows();
    for (var endpoint : endpoints.entrySet()) {
      for (String body : bodies) {
        Api.Response response = endpoint.getValue().post(endpoint.getKey(), body);
        check(failures, "POST " + endpoint.getKey() + " with " + abbreviate(body), response);
      }
    }
    assertThat(failures).isEmpty();
    assertThat(rows()).as("nothing was written").isEqualTo(before);
    assertThat(journey.status(application.id())).isEqualTo("IN_REVIEW");
  }

  @Test
  void bodiesThatAreNotWhatTheyClaimAndOddPathsAreRefused() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String valid = JSON.writeValueAsString(strong(freshEmail()));
    List<String> failures = new ArrayList<>();
    for (String type : List.of("text/plain", "application/xml", "multipart/form-data; boundary=x", "image/png", "application/x-www-form-urlencoded")) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/applications"))
                  .header("Content-Type", type)
                  .POST(HttpRequest.BodyPublishers.ofString(valid))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      check(failures, "POST as " + type, new Api.Response(response.statusCode(), response.headers().map(), response.body()));
    }
    for (String path : List.of("/api/applications/not-a-uuid", "/api/applications/%00", "/api/tasks/99999999999999999999",
        "/api/tasks/-1", "/api/tasks/abc/complete", "/api/positions/..%2f..%2fetc", "/api/nothing-here")) {
      check(failures, "GET " + path, api().as("recruiter").get(path));
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
    // A valid submission padded with whitespace past 64 KB: well-formed, but too large.
    String padded = JSON.writeValueAsString(strong(freshEmail())).replaceFirst("\\{", "{" + " ".repeat(70_000));
    long before = rows();

    Api.Response declared = api().post("/api/applications", padded);
    HttpResponse<String> streamed =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/applications"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(padded.getBytes())))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.body().path("type").asText()).isEqualTo("/problems/body-too-large");
    assertThat(streamed.statusCode()).as("chunked, no declared length").isEqualTo(413);
    assertThat(rows()).isEqualTo(before);
  }

  private static void check(List<String> failures, String what, Api.Response response) {
    int status = response.status();
    if (status < 400 || status >= 500) {
      failures.add(what + " -> " + status + " " + abbreviate(response.text()));
      return;
    }
    String type = response.header("Content-Type");
    if (type == null || !type.startsWith("application/problem+json")) {
      failures.add(what + " -> " + status + " not a problem: " + type);
    }
    if (response.text().contains("Exception") || response.text().contains("\tat ") || response.text().contains("org.springframework")) {
      failures.add(what + " -> leaks internals: " + abbreviate(response.text()));
    }
  }

  private long rows() {
    return jdbc.sql("select (select count(*) from candidate) + (select count(*) from application) + (select count(*) from position)")
        .query(Long.class)
        .single();
  }

  @SuppressWarnings("unchecked")
  private static void set(Map<String, Object> body, String path, Object value) {
    String[] parts = path.split("\\.");
    Map<String, Object> target = body;
    for (int i = 0; i < parts.length - 1; i++) {
      target = (Map<String, Object>) target.get(parts[i]);
    }
    target.put(parts[parts.length - 1], value);
  }

  private static String abbreviate(Object value) {
    String text = String.valueOf(value);
    return text.length() > 80 ? text.substring(0, 80) + "...(" + text.length() + ")" : text;
  }
}

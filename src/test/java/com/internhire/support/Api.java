package com.internhire.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain HTTP client for API tests: sends exactly what a career site or a browser would. */
public final class Api {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

  private final String base;
  private final Map<String, String> headers;
  private final Duration timeout;

  private Api(String base, Map<String, String> headers, Duration timeout) {
    this.base = base;
    this.headers = headers;
    this.timeout = timeout;
  }

  public static Api at(int port) {
    return new Api("http://localhost:" + port, Map.of(), Duration.ofSeconds(30));
  }

  /** For load tests on a busy machine: correctness, not latency, is what they check. */
  public Api withTimeout(Duration timeout) {
    return new Api(base, headers, timeout);
  }

  public Api as(String user) {
    return header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
  }

  public Api withToken(String token) {
    return header("X-Candidate-Token", token);
  }

  public Api header(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Api(base, copy, timeout);
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Response delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  public Response post(String path, Object body) {
    String text;
    try {
      text = body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(text)));
  }

  private Response send(HttpRequest.Builder request) {
    headers.forEach(request::header);
    request.timeout(timeout);
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static ObjectMapper json() {
    return JSON;
  }

  /** A response: status, headers and the body as JSON (null when empty or not JSON). */
  public record Response(int status, Map<String, java.util.List<String>> headers, String text) {

    public JsonNode body() {
      if (text == null || text.isBlank()) {
        return JSON.missingNode();
      }
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        throw new AssertionError("Not JSON (" + status + "): " + text, e);
      }
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst()
          .orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + text;
    }
  }
}

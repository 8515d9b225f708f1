package com.internhire.bench;

import com.internhire.support.Api;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member of staff as the web pages work: signed in once with the form, then the inbox API with
 * the session cookie and the page's CSRF token (or, with {@code basic}, HTTP Basic on every
 * call, as a script would).
 */
final class StaffSession {

  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

  private final String base;
  private final HttpClient http;
  private final Api basic;
  private String csrf;

  private StaffSession(int port, Api basic) {
    this.base = "http://localhost:" + port;
    this.basic = basic;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  static StaffSession basic(int port, String user) {
    return new StaffSession(port, Api.at(port).as(user));
  }

  static StaffSession signIn(int port, String user) {
    StaffSession s = new StaffSession(port, null);
    Api.Response login = s.send(HttpRequest.newBuilder(s.uri("/login")).GET());
    String formToken = token(FORM_TOKEN, login.text());
    Api.Response signedIn =
        s.send(
            HttpRequest.newBuilder(s.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                    "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(formToken, StandardCharsets.UTF_8))));
    if (signedIn.status() != 302 || String.valueOf(signedIn.header("Location")).contains("error")) {
      throw new IllegalStateException("Sign-in of " + user + " failed: " + signedIn.status() + " " + signedIn.header("Location"));
    }
    String home = s.send(HttpRequest.newBuilder(s.uri("/")).GET()).header("Location");
    Api.Response page = s.send(HttpRequest.newBuilder(s.uri(home == null ? "/inbox" : home)).header("Accept", "text/html").GET());
    s.csrf = token(META_TOKEN, page.text());
    return s;
  }

  Api.Response get(String path) {
    if (basic != null) {
      return basic.get(path);
    }
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").header("X-Requested-With", "XMLHttpRequest").GET());
  }

  Api.Response post(String path, Object body) {
    if (basic != null) {
      return basic.post(path, body);
    }
    String json;
    try {
      json = Api.json().writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .header("X-Requested-With", "XMLHttpRequest")
            .header("X-CSRF-TOKEN", csrf)
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private URI uri(String path) {
    return URI.create(path.startsWith("http") ? path : base + path);
  }

  private Api.Response send(HttpRequest.Builder request) {
    request.timeout(Duration.ofSeconds(60));
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Api.Response(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String token(Pattern pattern, String html) {
    Matcher matcher = pattern.matcher(html == null ? "" : html);
    if (!matcher.find()) {
      throw new IllegalStateException("No CSRF token in the page");
    }
    return matcher.group(1);
  }
}

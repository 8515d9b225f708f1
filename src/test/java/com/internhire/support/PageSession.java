package com.internhire.support;

import static org.assertj.core.api.Assertions.assertThat;

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

/** A browser without a browser: the sign-in form, the session cookie and the page's CSRF token. */
public final class PageSession {

  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

  private final HttpClient http;
  private final String base;
  private String csrf;

  private PageSession(int port) {
    this.base = "http://localhost:" + port;
    this.http = HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  public static PageSession anonymous(int port) {
    return new PageSession(port);
  }

  /** Signs in with the form as a person would; the session then holds the CSRF token of the pages. */
  public static PageSession signIn(int port, String user) {
    PageSession session = new PageSession(port);
    Api.Response login = session.get("/login");
    assertThat(login.status()).isEqualTo(200);
    Api.Response signedIn = session.form("/login", "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(token(FORM_TOKEN, login.text()), StandardCharsets.UTF_8));
    assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(302);
    assertThat(signedIn.header("Location")).doesNotContain("error");
    Api.Response home = session.get(session.get("/").header("Location"));
    assertThat(home.status()).as(home.toString()).isEqualTo(200);
    session.csrf = token(META_TOKEN, home.text());
    return session;
  }

  public String csrf() {
    return csrf;
  }

  public Api.Response get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html, application/json").GET());
  }

  /** A script's POST: JSON, with or without the page's CSRF token. */
  public Api.Response post(String path, String json, boolean withCsrf) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .header("X-Requested-With", "XMLHttpRequest")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (withCsrf) {
      request.header("X-CSRF-TOKEN", csrf);
    }
    return send(request);
  }

  public Api.Response form(String path, String body) {
    return send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Api.Response logout() {
    return form("/logout", "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
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
    Matcher matcher = pattern.matcher(html);
    assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
    return matcher.group(1);
  }
}

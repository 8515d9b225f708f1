package com.internhire.backoffice;

import com.internhire.platform.security.Roles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * The HTML around each page: the navigation its roles may use, the signed-in user, the CSRF
 * token the page's script sends with each change, and the page's own script and style (built
 * from {@code src/main/frontend} into {@code static/assets}).
 */
@Component
class Pages {

  private final String version;

  Pages() {
    this.version = assetVersion();
  }

  record NavItem(String href, String label, String page, Set<String> roles) {}

  static final List<NavItem> NAV = List.of(
      new NavItem("/inbox", "Inbox", "inbox", Roles.TASK_WORKERS),
      new NavItem("/applications", "Applications", "applications", Roles.STAFF),
      new NavItem("/dashboard", "Dashboard", "dashboard", Set.of(Roles.RECRUITING_LEAD, Roles.PROCESS_OWNER)));

  /** Where a person starts: their inbox, else the dashboard, else the applications. */
  static String home(Set<String> roles) {
    if (roles.stream().anyMatch(Roles.TASK_WORKERS::contains)) {
      return "/inbox";
    }
    if (roles.contains(Roles.PROCESS_OWNER) || roles.contains(Roles.RECRUITING_LEAD)) {
      return "/dashboard";
    }
    return "/applications";
  }

  String page(String page, String title, Authentication user, CsrfToken csrf, Map<String, String> data) {
    Set<String> roles = new TreeSet<>(Roles.of(user));
    StringBuilder nav = new StringBuilder();
    for (NavItem item : NAV) {
      if (item.roles().stream().anyMatch(roles::contains)) {
        nav.append("<a href=\"").append(item.href()).append('"')
            .append(item.page().equals(page) ? " class=\"active\" aria-current=\"page\"" : "")
            .append('>').append(escape(item.label())).append("</a>");
      }
    }
    StringBuilder attributes = new StringBuilder();
    data.forEach((k, v) -> attributes.append(" data-").append(k).append("=\"").append(escape(v)).append('"'));
    return head(title) + """
        <meta name="csrf-header" content="%s">
        <meta name="csrf-token" content="%s">
        <link rel="stylesheet" href="/assets/%s.css?v=%s">
        <script type="module" src="/assets/%s.js?v=%s"></script>
        </head>
        <body data-page="%s" data-user="%s" data-roles="%s"%s>
        <header class="topbar">
          <a class="brand" href="/">Internship hiring</a>
          <nav>%s</nav>
          <div class="who"><span class="user">%s</span><span class="roles">%s</span>
            <form method="post" action="/logout"><input type="hidden" name="%s" value="%s"><button type="submit" class="link">Sign out</button></form>
          </div>
        </header>
        <main id="main"><p class="loading">Loading…</p></main>
        <noscript><p class="error">This page needs JavaScript.</p></noscript>
        </body>
        </html>
        """
        .formatted(
            escape(csrf.getHeaderName()), escape(csrf.getToken()),
            page, version, page, version,
            page, escape(user.getName()), escape(String.join(",", roles)), attributes,
            nav, escape(user.getName()), escape(String.join(", ", roles)),
            escape(csrf.getParameterName()), escape(csrf.getToken()));
  }

  String login(CsrfToken csrf, boolean error, boolean signedOut, List<String> demoUsers) {
    List<String> notes = new ArrayList<>();
    if (error) {
      notes.add("<p class=\"error\" role=\"alert\">Wrong user name or password.</p>");
    }
    if (signedOut) {
      notes.add("<p class=\"notice\">You have signed out.</p>");
    }
    String demo = demoUsers.isEmpty() ? "" :
        "<p class=\"hint\">Demo users: " + escape(String.join(", ", demoUsers)) + " (password <code>demo</code>).</p>";
    return head("Sign in") + """
        <link rel="stylesheet" href="/assets/login.css?v=%s">
        </head>
        <body class="plain">
        <main class="card narrow">
          <h1>Internship hiring</h1>
          <p>Sign in to review applications, fill interview scorecards, decide and approve offers, audit decisions or watch the season.</p>
          %s
          <form method="post" action="/login" class="login">
            <label>User name <input name="username" autocomplete="username" required autofocus></label>
            <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
            <input type="hidden" name="%s" value="%s">
            <button type="submit" class="primary">Sign in</button>
          </form>
          <!--oidc-->
          %s
        </main>
        </body>
        </html>
        """
        .formatted(version, String.join("", notes), escape(csrf.getParameterName()), escape(csrf.getToken()), demo);
  }

  /** The start every page shares, up to its own styles and scripts. */
  private static String head(String title) {
    return """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s · Internship hiring</title>
        <link rel="icon" href="data:,">
        """
        .formatted(escape(title));
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** The front-end build's version (static/assets/build.json), so browsers load a new build's files. */
  private static String assetVersion() {
    ClassPathResource build = new ClassPathResource("static/assets/build.json");
    if (!build.exists()) {
      return "dev";
    }
    try (InputStream in = build.getInputStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"version\"\\s*:\\s*\"([A-Za-z0-9]+)\"").matcher(text);
      return m.find() ? m.group(1) : "dev";
    } catch (IOException e) {
      return "dev";
    }
  }
}

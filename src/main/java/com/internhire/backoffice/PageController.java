package com.internhire.backoffice;

import com.internhire.platform.security.Roles;
import com.internhire.platform.security.SecurityProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The web pages. Each answers a small HTML page whose script (src/main/frontend) fetches the
 * data from the API with the sign-in session; who may open which page is in
 * {@link PageSecurity}, and the API checks every call again.
 */
@Controller
class PageController {

  private final Pages pages;
  private final SecurityProperties security;

  private final ObjectProvider<
          ClientRegistrationRepository>
      oidc;

  PageController(
      Pages pages,
      SecurityProperties security,
      ObjectProvider<
              ClientRegistrationRepository>
          oidc) {
    this.oidc = oidc;
    this.pages = pages;
    this.security = security;
  }

  @GetMapping("/")
  ResponseEntity<Void> home(Authentication user) {
    return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(Pages.home(Roles.of(user)))).build();
  }

  @GetMapping("/login")
  ResponseEntity<String> login(
      HttpServletRequest request,
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String signedOut) {
    // The demo users' names are shown only where they sign in with the demo password.
    List<String> demo = security.users().stream()
        .filter(u -> "{noop}demo".equals(u.password()))
        .map(SecurityProperties.User::username)
        .toList();
    String providers =
        oidc.stream()
            .flatMap(repository -> repository instanceof Iterable<?> registrations
                ? StreamSupport.stream(registrations.spliterator(), false) : Stream.empty())
            .map(r -> (ClientRegistration) r)
            .map(r -> "<p><a class=\"button\" href=\"/oauth2/authorization/" + Pages.escape(r.getRegistrationId()) + "\">Sign in with "
                + Pages.escape(r.getClientName()) + "</a></p>")
            .collect(Collectors.joining());
    return html(pages.login(csrf(request), error != null, signedOut != null, demo).replace("<!--oidc-->", providers));
  }

  @GetMapping("/inbox")
  ResponseEntity<String> inbox(HttpServletRequest request, Authentication user) {
    return html(pages.page("inbox", "Inbox", user, csrf(request), Map.of()));
  }

  @GetMapping("/tasks/{id}")
  ResponseEntity<String> task(@PathVariable long id, HttpServletRequest request, Authentication user) {
    return html(pages.page("task", "Task", user, csrf(request), Map.of("task-id", String.valueOf(id))));
  }

  @GetMapping("/applications")
  ResponseEntity<String> applications(HttpServletRequest request, Authentication user) {
    return html(pages.page("applications", "Applications", user, csrf(request), Map.of()));
  }

  @GetMapping("/applications/{id}")
  ResponseEntity<String> application(@PathVariable UUID id, HttpServletRequest request, Authentication user) {
    return html(pages.page("application", "Application", user, csrf(request), Map.of("application-id", id.toString())));
  }

  @GetMapping("/applications/{id}/history")
  ResponseEntity<String> history(@PathVariable UUID id, HttpServletRequest request, Authentication user) {
    return html(pages.page("history", "History", user, csrf(request), Map.of("application-id", id.toString())));
  }

  @GetMapping("/dashboard")
  ResponseEntity<String> dashboard(HttpServletRequest request, Authentication user) {
    return html(pages.page("dashboard", "Hiring dashboard", user, csrf(request), Map.of()));
  }

  private static CsrfToken csrf(HttpServletRequest request) {
    return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
  }

  private static ResponseEntity<String> html(String body) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .body(body);
  }
}

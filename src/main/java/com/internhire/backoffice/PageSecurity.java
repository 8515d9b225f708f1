package com.internhire.backoffice;

import static com.internhire.backoffice.Pages.escape;

import com.internhire.platform.security.Roles;
import com.internhire.platform.security.SecurityProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The web pages' own security chain: sign-in with a form and a session (the users of
 * {@code hiring.security.users}), CSRF tokens on every form and script request, each page
 * open to the roles that use it. The API keeps its own stateless chain
 * ({@code SecurityConfiguration}); it accepts this session for the pages' script calls.
 */
@Configuration
class PageSecurity {

  /** Every path the pages own; anything else is the API's or nobody's. */
  static final String[] PATHS = {
    "/", "/login", "/logout", "/inbox", "/tasks/**", "/applications", "/applications/**", "/dashboard", "/assets/**",
    "/oauth2/**", "/login/oauth2/**"
  };

  static final String[] TASK_WORKERS = Roles.TASK_WORKERS.toArray(String[]::new);
  static final String[] STAFF = Roles.STAFF.toArray(String[]::new);
  static final String[] HISTORY_READERS = {Roles.AUDITOR, Roles.RECRUITER, Roles.RECRUITING_LEAD};
  static final String[] DASHBOARD_READERS = {Roles.RECRUITING_LEAD, Roles.PROCESS_OWNER};

  /** Scripts and styles come from the service only; the renderers set inline styles. */
  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
          + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
          + "frame-ancestors 'none'";

  /** Maps the provider's roles claim to this service's roles (ROLE_recruiter, ...). */
  static GrantedAuthoritiesMapper rolesFrom(String claim) {
    return authorities ->
        authorities.stream()
            .filter(a -> a instanceof OidcUserAuthority)
            .map(a -> ((OidcUserAuthority) a).getIdToken().getClaim(claim))
            .filter(Collection.class::isInstance)
            .flatMap(roles -> ((Collection<?>) roles).stream())
            .map(Object::toString)
            .filter(Roles.STAFF::contains)
            .<GrantedAuthority>map(
                role -> new SimpleGrantedAuthority("ROLE_" + role))
            .collect(Collectors.toSet());
  }

  @Bean
  SecurityFilterChain webPages(
      HttpSecurity http,
      ObjectProvider<
              ClientRegistrationRepository>
          oidc,
      SecurityProperties properties)
      throws Exception {
    if (oidc.getIfAvailable() != null) {
      // Cluster mode with an OIDC provider (spring.security.oauth2.client.registration.*):
      // people sign in there; their roles come from the claim hiring.security.oidc.roles-claim.
      http.oauth2Login(
          login ->
              login.loginPage("/login")
                  .defaultSuccessUrl("/", false)
                  .userInfoEndpoint(info -> info.userAuthoritiesMapper(rolesFrom(properties.oidc().rolesClaim()))));
    }
    http.securityMatcher(PATHS)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/login", "/assets/**", "/oauth2/**", "/login/oauth2/**").permitAll()
                    .requestMatchers(HttpMethod.GET, "/inbox", "/tasks/*").hasAnyRole(TASK_WORKERS)
                    .requestMatchers(HttpMethod.GET, "/applications/*/history").hasAnyRole(HISTORY_READERS)
                    .requestMatchers(HttpMethod.GET, "/applications", "/applications/*").hasAnyRole(STAFF)
                    .requestMatchers(HttpMethod.GET, "/dashboard").hasAnyRole(DASHBOARD_READERS)
                    .requestMatchers(HttpMethod.GET, "/").hasAnyRole(STAFF)
                    .anyRequest().denyAll())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
        .exceptionHandling(ex -> ex.accessDeniedHandler(PageSecurity::forbidden))
        .headers(
            headers ->
                headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                    .frameOptions(frame -> frame.deny())
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  private static void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    String message =
        e instanceof CsrfException
            ? "This form has expired. Go back, reload the page and try again."
            : "Your role may not open this page.";
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("text/html;charset=UTF-8");
    response.getOutputStream().write(
        ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not allowed · Internship hiring</title>"
                + "<link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"/assets/login.css\"></head>"
                + "<body class=\"plain\"><main class=\"card narrow\"><h1>Not allowed</h1><p id=\"forbidden\">" + escape(message)
                + "</p><p><a href=\"/\">Back to your start page</a></p></main></body></html>")
            .getBytes(StandardCharsets.UTF_8));
  }
}

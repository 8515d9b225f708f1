package com.internhire.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.internhire.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;

@Configuration
class SecurityConfiguration {

  private static final String[] STAFF = Roles.STAFF.toArray(String[]::new);
  private static final String[] TASK_WORKERS = Roles.TASK_WORKERS.toArray(String[]::new);
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Bean
  SecurityFilterChain api(
      HttpSecurity http, ObjectMapper json, ObjectProvider<JwtDecoder> jwtDecoder, SecurityProperties properties)
      throws Exception {
    http.securityMatcher("/api/**", "/actuator/**", "/error")
        // The web pages (com.internhire.ui) call this API with their sign-in session: the API
        // reads that session (never creates one) and wants the CSRF token on unsafe requests
        // that a session cookie authenticates. HTTP Basic and bearer calls are unchanged.
        .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::sessionAuthenticatedWrite))
        .securityContext(c -> c.securityContextRepository(new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), readOnlySessionContext())))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(HttpMethod.POST, "/api/applications").permitAll()
                    // candidates authenticate with their token, checked per application
                    .requestMatchers("/api/applications/*").permitAll()
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/applications/*/availability",
                        "/api/applications/*/offer-response",
                        "/api/applications/*/start-date",
                        "/api/applications/*/withdraw")
                    .permitAll()
                    .requestMatchers("/api/applications/*/personal-data").permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/applications/*/history")
                    .hasAnyRole(Roles.AUDITOR, Roles.RECRUITER, Roles.RECRUITING_LEAD)
                    .requestMatchers(HttpMethod.GET, "/api/positions", "/api/positions/*").permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/positions").hasRole(Roles.PROCESS_OWNER)
                    .requestMatchers(HttpMethod.POST, "/api/process-migrations").hasRole(Roles.PROCESS_OWNER)
                    .requestMatchers(HttpMethod.GET, "/api/tasks", "/api/tasks/**").hasAnyRole(STAFF)
                    .requestMatchers(HttpMethod.POST, "/api/tasks/**").hasAnyRole(TASK_WORKERS)
                    // Read models of the web pages (com.internhire.ui): no personal data beyond
                    // what each role needs; the application's facts decide that per role.
                    .requestMatchers(HttpMethod.GET, "/api/ui/applications/*/journey")
                    .hasAnyRole(Roles.AUDITOR, Roles.RECRUITER, Roles.RECRUITING_LEAD)
                    .requestMatchers(HttpMethod.GET, "/api/ui/dashboard")
                    .hasAnyRole(Roles.RECRUITING_LEAD, Roles.PROCESS_OWNER)
                    .requestMatchers(HttpMethod.GET, "/api/ui/applications", "/api/ui/applications/*", "/api/ui/models/*")
                    .hasAnyRole(STAFF)
                    // Aggregates only, no personal data: scraped by Prometheus. In production expose
                    // the actuator on an internal port (management.server.port).
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/error")
                    .permitAll()
                    .requestMatchers("/actuator/**").hasRole(Roles.PROCESS_OWNER)
                    // Dev-time endpoints (the embedded default's clock) exist only with the dev-time
                    // code, which guards them with a chain of its own; here nothing answers: 404.
                    .requestMatchers("/api/dev/**").permitAll()
                    .anyRequest().denyAll())
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
            writeProblem(json, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                "Sign in (HTTP Basic or a bearer token) to use this endpoint.")))
        .exceptionHandling(
            ex ->
                ex.authenticationEntryPoint(
                        (request, response, e) -> {
                          // A web page's script (whose session ended) gets the 401 without the
                          // challenge, so the browser shows no password dialog of its own.
                          if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"internship-hiring\"");
                          }
                          writeProblem(json, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                              "Authentication required", "Sign in (HTTP Basic or a bearer token) to use this endpoint.");
                        })
                    .accessDeniedHandler(
                        (request, response, e) -> {
                          if (e instanceof CsrfException) {
                            writeProblem(json, response, HttpStatus.FORBIDDEN, "csrf", "CSRF token missing or wrong",
                                "A signed-in page must send its CSRF token (header X-CSRF-TOKEN). Reload the page.");
                            return;
                          }
                          writeProblem(json, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                              "Your role may not do this.");
                        }));
    if (jwtDecoder.getIfAvailable() != null) {
      http.oauth2ResourceServer(
          oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtRoles(properties.oidc().rolesClaim()))));
    }
    return http.build();
  }

  @Bean
  UserDetailsService users(SecurityProperties properties) {
    InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
    for (SecurityProperties.User user : properties.users()) {
      manager.createUser(
          User.withUsername(user.username())
              .password(user.password())
              .roles(user.roles().toArray(String[]::new))
              .build());
    }
    return manager;
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  private static JwtAuthenticationConverter jwtRoles(String claim) {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(
        (Jwt jwt) -> {
          Object value = jwt.getClaims().get(claim);
          Collection<?> roles = value instanceof Collection<?> c ? c : value == null ? List.of() : List.of(value);
          return roles.stream()
              .map(Object::toString)
              .filter(Roles.STAFF::contains)
              .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
              .toList();
        });
    return converter;
  }

  /** An unsafe request that a sign-in session authenticates (no Authorization header): a web page's. */
  private static boolean sessionAuthenticatedWrite(HttpServletRequest request) {
    if (SAFE_METHODS.contains(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
      return false;
    }
    HttpSession session = request.getSession(false);
    return session != null
        && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
  }

  private static HttpSessionSecurityContextRepository readOnlySessionContext() {
    HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    repository.setAllowSessionCreation(false);
    return repository;
  }

  private static void writeProblem(
      ObjectMapper json, HttpServletResponse response, HttpStatus status, String slug, String title, String detail)
      throws IOException {
    ProblemDetail problem = ApiProblem.problem(status, slug, title, detail, Map.of());
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}

package com.internhire.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.HiringApplication;
import com.internhire.embedded.EmbeddedEngineConfiguration;
import com.internhire.support.Api;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Cluster sign-in for the pages through an OIDC provider; roles from the token's claim. */
class OidcSignInTest {

  @Test
  void rolesComeFromTheConfiguredClaimAndUnknownOnesAreIgnored() {
    OidcIdToken token =
        new OidcIdToken("t", Instant.now(), Instant.now().plusSeconds(60),
            Map.of("sub", "u1", "roles", List.of("recruiter", "auditor", "root")));

    Set<String> roles =
        PageSecurity.rolesFrom("roles").mapAuthorities(List.of(new OidcUserAuthority(token))).stream()
            .map(GrantedAuthority::getAuthority)
            .collect(Collectors.toSet());

    assertThat(roles).containsExactlyInAnyOrder("ROLE_recruiter", "ROLE_auditor");
  }

  @Nested
  @SpringBootTest(
      classes = {HiringApplication.class, EmbeddedEngineConfiguration.class},
      webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
      properties = {
        "spring.security.oauth2.client.registration.company.client-id=hiring",
        "spring.security.oauth2.client.registration.company.client-secret=secret",
        "spring.security.oauth2.client.registration.company.client-name=Company SSO",
        "spring.security.oauth2.client.registration.company.scope=openid",
        "spring.security.oauth2.client.registration.company.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.company.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.provider.company.authorization-uri=https://sso.company.example/authorize",
        "spring.security.oauth2.client.provider.company.token-uri=https://sso.company.example/token",
        "spring.security.oauth2.client.provider.company.jwk-set-uri=https://sso.company.example/keys",
        "spring.security.oauth2.client.provider.company.user-name-attribute=sub"
      })
  @ActiveProfiles({"embedded", "test"})
  @DirtiesContext
  class WithAProvider {

    @DynamicPropertySource
    static void ownEngine(DynamicPropertyRegistry registry) throws IOException {
      try (ServerSocket socket = new ServerSocket(0)) {
        int port = socket.getLocalPort();
        registry.add("hiring.embedded-engine.port", () -> port);
      }
    }

    @LocalServerPort int port;

    @Test
    void theSignInPageOffersTheProviderAndSendsPeopleThere() {
      Api.Response login = Api.at(port).get("/login");
      assertThat(login.status()).isEqualTo(200);
      assertThat(login.text()).contains("/oauth2/authorization/company", "Sign in with Company SSO");

      Api.Response redirect = Api.at(port).get("/oauth2/authorization/company");
      assertThat(redirect.status()).isEqualTo(302);
      assertThat(redirect.header("Location")).startsWith("https://sso.company.example/authorize?").contains("client_id=hiring");

      assertThat(Api.at(port).as("recruiter").get("/api/tasks").status()).as("the API keeps its own sign-in").isEqualTo(200);
    }
  }
}

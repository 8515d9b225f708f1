package com.internhire.platform.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may sign in. Embedded mode ships demo users; a cluster deployment lists its users
 * (with {@code {bcrypt}} passwords) or sets an OIDC issuer
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}) whose tokens carry the
 * roles in {@code oidc.roles-claim}.
 */
@ConfigurationProperties("hiring.security")
public record SecurityProperties(List<User> users, Map<String, List<String>> roleGroups, Oidc oidc) {

  public SecurityProperties {
    users = users == null ? List.of() : users;
    roleGroups = roleGroups == null ? Map.of() : roleGroups;
    oidc = oidc == null ? new Oidc("roles") : oidc;
  }

  public record User(String username, String password, List<String> roles) {}

  public record Oidc(String rolesClaim) {}
}

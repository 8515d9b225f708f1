package com.internhire.platform.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The roles of DOMAIN.md's users, as Spring Security authorities ({@code ROLE_<role>}). */
public final class Roles {

  public static final String RECRUITER = "recruiter";
  public static final String RECRUITING_LEAD = "recruiting-lead";
  public static final String INTERVIEWER = "interviewer";
  public static final String HIRING_MANAGER = "hiring-manager";
  public static final String PROCESS_OWNER = "process-owner";
  public static final String AUDITOR = "auditor";

  /** Staff roles: everyone but candidates. */
  public static final Set<String> STAFF =
      Set.of(RECRUITER, RECRUITING_LEAD, INTERVIEWER, HIRING_MANAGER, PROCESS_OWNER, AUDITOR);

  /** Roles that may act on human tasks (auditors and process owners only read). */
  public static final Set<String> TASK_WORKERS = Set.of(RECRUITER, RECRUITING_LEAD, INTERVIEWER, HIRING_MANAGER);

  private Roles() {}

  public static Set<String> of(Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()) {
      return Set.of();
    }
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_"))
        .map(a -> a.substring(5))
        .collect(Collectors.toUnmodifiableSet());
  }

  public static boolean isStaff(Authentication authentication) {
    return of(authentication).stream().anyMatch(STAFF::contains);
  }
}

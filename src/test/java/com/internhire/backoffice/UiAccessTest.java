package com.internhire.backoffice;

import static com.internhire.support.Submissions.freshEmail;
import static com.internhire.support.Submissions.strong;
import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.support.Api;
import com.internhire.support.Journey;
import com.internhire.support.PageSession;
import com.internhire.support.ServiceTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every page and every API call the pages make refuses the roles it does not serve: pages
 * answer 403 (signed in) or send to the sign-in form (anonymous); API calls answer 403
 * (signed in, HTTP Basic or the page session) or 401 problem+json (anonymous).
 */
class UiAccessTest extends ServiceTest {

  private static final List<String> USERS = List.of("recruiter", "lead", "interviewer", "manager", "owner", "auditor");
  private static final Set<String> WORKERS = Set.of("recruiter", "lead", "interviewer", "manager");
  private static final Set<String> HISTORY = Set.of("auditor", "recruiter", "lead");
  private static final Set<String> DASHBOARD = Set.of("lead", "owner");
  private static final Set<String> EVERYONE = Set.copyOf(USERS);

  private Journey journey;

  @BeforeEach
  void journey() {
    journey = new Journey(api());
  }

  @Test
  void eachPageOpensForItsRolesOnly() {
    String id = journey.submit(strong(freshEmail())).id();
    Map<String, Set<String>> pages = new LinkedHashMap<>();
    pages.put("/inbox", WORKERS);
    pages.put("/tasks/1", WORKERS);
    pages.put("/applications", EVERYONE);
    pages.put("/applications/" + id, EVERYONE);
    pages.put("/applications/" + id + "/history", HISTORY);
    pages.put("/dashboard", DASHBOARD);
    for (String user : USERS) {
      PageSession session = PageSession.signIn(port, user);
      pages.forEach((page, allowed) -> {
        Api.Response response = session.get(page);
        assertThat(response.status()).as("%s opens %s", user, page).isEqualTo(allowed.contains(user) ? 200 : 403);
        if (response.status() == 403) {
          assertThat(response.text()).contains("Your role may not open this page.");
        } else {
          assertThat(response.header("Content-Security-Policy")).contains("script-src 'self'");
        }
      });
    }
  }

  @Test
  void everyoneStartsOnAPageOfTheirRole() {
    Map<String, String> homes = Map.of(
        "recruiter", "/inbox", "lead", "/inbox", "interviewer", "/inbox", "manager", "/inbox",
        "owner", "/dashboard", "auditor", "/applications");
    homes.forEach((user, home) ->
        assertThat(PageSession.signIn(port, user).get("/").header("Location")).as(user).endsWith(home));
  }

  @Test
  void anonymousVisitorsAreSentToSignInAndTheApiStillAnswers401() {
    PageSession anonymous = PageSession.anonymous(port);
    for (String page : List.of("/", "/inbox", "/tasks/1", "/applications", "/applications/" + UUID.randomUUID() + "/history", "/dashboard")) {
      Api.Response response = anonymous.get(page);
      assertThat(response.status()).as(page).isEqualTo(302);
      assertThat(response.header("Location")).as(page).endsWith("/login");
    }
    assertThat(anonymous.get("/login").status()).isEqualTo(200);
    assertThat(anonymous.get("/assets/inbox.js").status()).isEqualTo(200);
    for (String call : List.of("/api/tasks", "/api/ui/dashboard", "/api/ui/applications", "/api/ui/models/internship-application")) {
      Api.Response response = api().get(call);
      assertThat(response.status()).as(call).isEqualTo(401);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    }
    Api.Response script = api().header("X-Requested-With", "XMLHttpRequest").get("/api/tasks");
    assertThat(script.status()).isEqualTo(401);
    assertThat(script.header("WWW-Authenticate")).as("no browser password dialog for a page's script").isNull();
    assertThat(PageSession.signIn(port, "recruiter").form("/login", "username=recruiter&password=wrong").status())
        .as("a sign-in form without its CSRF token").isEqualTo(403);
  }

  @Test
  void theApiCallsOfThePagesRefuseRolesTheyDoNotServe() {
    String id = journey.submit(strong(freshEmail())).id();
    String taskId = journey.task("recruiter", id, "Task_ReviewApplication").path("id").asText();
    Map<String, Set<String>> reads = new LinkedHashMap<>();
    reads.put("/api/ui/dashboard", DASHBOARD);
    reads.put("/api/ui/applications/" + id + "/journey", HISTORY);
    reads.put("/api/applications/" + id + "/history", HISTORY);
    reads.put("/api/ui/applications/" + id, EVERYONE);
    reads.put("/api/ui/applications", EVERYONE);
    reads.put("/api/ui/models/internship-application", EVERYONE);
    // a recruiters' task: its own groups, and the roles that read every task
    reads.put("/api/tasks/" + taskId + "/variables", Set.of("recruiter", "lead", "owner", "auditor"));
    reads.put("/api/tasks/" + taskId + "/form", Set.of("recruiter", "lead", "owner", "auditor"));
    for (String user : USERS) {
      reads.forEach((call, allowed) ->
          assertThat(api().as(user).get(call).status()).as("%s GET %s", user, call).isEqualTo(allowed.contains(user) ? 200 : 403));
      for (String action : List.of("claim", "unclaim")) {
        Api.Response response = api().as(user).post("/api/tasks/" + taskId + "/" + action, Map.of());
        assertThat(response.status()).as("%s %s", user, action).isEqualTo(Set.of("recruiter", "lead").contains(user) ? 200 : 403);
      }
    }
    for (String user : List.of("auditor", "owner", "interviewer", "manager")) {
      assertThat(api().as(user).post("/api/tasks/" + taskId + "/complete", Map.of("decision", "ADVANCE")).status())
          .as("%s completes a review", user).isEqualTo(403);
    }
    assertThat(api().as("recruiter").post("/api/ui/dashboard", Map.of()).status()).as("no writes under /api/ui").isEqualTo(403);
    assertThat(api().as("owner").get("/api/ui/models/no-such-process").status()).isEqualTo(404);
    assertThat(journey.status(id)).isEqualTo("IN_REVIEW");
  }

  @Test
  void thePagesSessionReachesTheApiAndItsWritesNeedTheCsrfToken() {
    String id = journey.submit(strong(freshEmail())).id();
    String taskId = journey.task("recruiter", id, "Task_ReviewApplication").path("id").asText();
    PageSession recruiter = PageSession.signIn(port, "recruiter");

    assertThat(recruiter.get("/api/tasks").text()).contains(taskId);
    Api.Response forged = recruiter.post("/api/tasks/" + taskId + "/claim", "{}", false);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body().path("type").asText()).isEqualTo("/problems/csrf");
    Api.Response claimed = recruiter.post("/api/tasks/" + taskId + "/claim", "{}", true);
    assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
    assertThat(claimed.body().path("assignee").asText()).isEqualTo("recruiter");

    PageSession auditor = PageSession.signIn(port, "auditor");
    Api.Response refused = auditor.post("/api/tasks/" + taskId + "/complete", "{\"decision\":\"ADVANCE\"}", true);
    assertThat(refused.status()).as("an auditor's page session completes nothing").isEqualTo(403);
    assertThat(refused.body().path("type").asText()).isEqualTo("/problems/forbidden");

    Api.Response basic = api().as("recruiter").get("/api/tasks");
    assertThat(basic.status()).isEqualTo(200);
    assertThat(basic.header("Set-Cookie")).as("HTTP Basic calls stay stateless").isNull();
    assertThat(api().as("recruiter").post("/api/tasks/" + taskId + "/unclaim", Map.of()).status())
        .as("HTTP Basic writes need no CSRF token").isEqualTo(200);

    assertThat(recruiter.logout().status()).isEqualTo(302);
    assertThat(recruiter.get("/api/tasks").status()).as("signed out").isEqualTo(401);
    assertThat(recruiter.get("/inbox").status()).isEqualTo(302);
  }
}

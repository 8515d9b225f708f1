package com.internhire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.internhire.bench.SeasonPlan.Application;
import com.internhire.bench.SeasonPlan.Availability;
import com.internhire.bench.SeasonPlan.Withdrawal;
import com.internhire.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A season on the whole service: applications submitted over HTTP at a chosen rate (or as fast
 * as the submitters go), recruiters, interviewers and hiring managers working their inboxes
 * through the task API, candidates answering their mail through the candidate API, until every
 * application has reached an end.
 */
final class ServiceSeason {

  /** How the season is driven. */
  record Options(
      double rate,
      int submitters,
      int recruiters,
      int interviewers,
      int managers,
      Duration timeout,
      List<String> serviceArgs,
      boolean snapshotState,
      boolean staffBasicAuth) {}

  private final SeasonPlan plan;
  private final Options options;
  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private final Map<String, Application> planById = new ConcurrentHashMap<>();
  private final Map<Integer, CompletableFuture<Submitted>> submitted = new ConcurrentHashMap<>();
  private final ExecutorService people = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicInteger> extraStatuses = new ConcurrentHashMap<>();
  private final List<Double> ackMillis = java.util.Collections.synchronizedList(new ArrayList<>());
  private volatile boolean running = true;
  private Api api;
  private int port;

  record Submitted(String id, String token, Instant sentAt) {}

  ServiceSeason(SeasonPlan plan, Options options) {
    this.plan = plan;
    this.options = options;
  }

  SeasonRun run() throws Exception {
    SeasonRun result = new SeasonRun();
    result.name = "service";
    result.applications = plan.applications.size();
    try (BenchService service = BenchService.start("season", options.serviceArgs(), this::onMail)) {
      port = service.port;
      api = Api.at(service.port);
      JdbcClient jdbc = service.jdbc();
      EngineProbe probe = new EngineProbe(service.engine());
      String[] positions = {"bench-a-" + run, "bench-b-" + run, "bench-c-" + run};
      for (String position : positions) {
        Api.Response created =
            api.as("owner")
                .post(
                    "/api/positions",
                    Map.of(
                        "id", position,
                        "title", "Data Science Intern (benchmark " + run + ")",
                        "cohortStartDates", List.of(SeasonPlan.COHORTS),
                        "weeks", 12,
                        "headcount", 100_000));
        if (created.status() != 201) {
          throw new IllegalStateException("Cannot open position " + position + ": " + created);
        }
      }
      String like = "bench-" + run + "-%";
      Resources resources =
          new Resources(
              () -> count(jdbc, "select count(*) from application where closed_at is null and position_id like :p", "bench-_-" + run),
              () -> count(jdbc, "select count(*) from application where closed_at is not null and position_id like :p", "bench-_-" + run),
              probe::stateEntries,
              1000)
          .stateBreakdown(probe::stateByColumnFamily)
          .stages(() -> {
            Map<String, Long> stages = new java.util.TreeMap<>();
            jdbc.sql("select status, count(*) from application where closed_at is null and position_id like :p group by status")
                .param("p", "bench-_-" + run)
                .query(rs -> {
                  stages.put(rs.getString(1), rs.getLong(2));
                });
            return stages;
          });
      List<Thread> desks =
          List.of(
              desk("recruiter", Set.of("Task_ReviewApplication"), options.recruiters()),
              desk("interviewer", Set.of("Task_Interview"), options.interviewers()),
              desk("manager", Set.of("Task_HiringDecision", "Task_ApproveOffer"), options.managers()));
      Instant start = Instant.now();
      long startNanos = System.nanoTime();
      submitAll(positions);
      result.submitSeconds = (System.nanoTime() - startNanos) / 1e9;
      result.complete = awaitEnd(jdbc, service, result, startNanos);
      running = false;
      desks.forEach(Thread::interrupt);
      resources.close();

      Instant lastClosed =
          jdbc.sql("select max(closed_at) from application where position_id like :p")
              .param("p", "bench-_-" + run)
              .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
              .optional()
              .map(OffsetDateTime::toInstant)
              .orElse(Instant.now());
      result.endToEndSeconds = Duration.between(start, lastClosed).toNanos() / 1e9;
      result.submissionAck = Percentiles.ofMillis(List.copyOf(ackMillis));
      result.submissionToReview = reviewLatency(jdbc);
      jdbc.sql("select status, count(*) from application where position_id like :p group by status")
          .param("p", "bench-_-" + run)
          .query(rs -> {
            result.outcomes.put(rs.getString(1), rs.getLong(2));
          });
      Map<String, Long> roots = new HashMap<>();
      jdbc.sql("select id, process_instance_key from application where position_id like :p and process_instance_key is not null")
          .param("p", "bench-_-" + run)
          .query(rs -> {
            roots.put(rs.getObject(1, UUID.class).toString(), rs.getLong(2));
          });
      // Before the record log is read (reading it keeps every record as an object).
      result.heapAfterGcBytes = Resources.heapAfterGc();
      costs(probe, roots, result, jdbc);
      result.sampled(resources);
      result.notes.put("failedActions", failures.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())));
      result.notes.put("repeatAndThirdSubmissionStatuses", extraStatuses.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())));
      result.notes.put("candidates", like);
    } finally {
      running = false;
      people.shutdownNow();
    }
    return result;
  }

  // ---------------------------------------------------------------- submissions

  private void submitAll(String[] positions) throws InterruptedException {
    List<Application> applications = plan.applications;
    for (Application a : applications) {
      submitted.put(a.index(), new CompletableFuture<>());
    }
    Semaphore inFlight = new Semaphore(options.rate() > 0 ? 10_000 : options.submitters());
    long start = System.nanoTime();
    try (ExecutorService submitters = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Application a : applications) {
        if (options.rate() > 0) {
          long due = start + (long) (a.index() / options.rate() * 1e9);
          long wait = due - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
        }
        inFlight.acquire();
        submitters.submit(
            () -> {
              try {
                submit(a, positions);
              } catch (RuntimeException e) {
                fail("submit", e);
              } finally {
                inFlight.release();
              }
            });
      }
    }
  }

  private void submit(Application a, String[] positions) {
    if (a.second()) {
      // The candidate's second application comes after the first was taken (R2).
      submitted.get(a.firstIndex()).join();
    }
    String position = a.second() ? positions[1] : positions[0];
    Map<String, Object> body = SeasonPlan.body(a, run, position);
    Instant sentAt = Instant.now();
    long t0 = System.nanoTime();
    Api.Response response = api.post("/api/applications", body);
    ackMillis.add((System.nanoTime() - t0) / 1e6);
    if (response.status() != 201) {
      submitted.get(a.index()).completeExceptionally(new IllegalStateException(response.toString()));
      throw new IllegalStateException("Submission " + a.index() + " answered " + response);
    }
    JsonNode json = response.body();
    Submitted s = new Submitted(json.path("applicationId").asText(), json.path("candidateToken").asText(), sentAt);
    planById.put(s.id(), a);
    submitted.get(a.index()).complete(s);
    if (a.withdrawal() == Withdrawal.RIGHT_AFTER_SUBMITTING) {
      people.submit(() -> candidate(s, "/withdraw", Map.of()));
    }
    for (int[] extra : plan.extraSubmissions) {
      if (extra[0] == a.index()) {
        Map<String, Object> again = extra[1] == 0 ? body : SeasonPlan.body(a, run, positions[2]);
        people.submit(() -> {
          int status = api.post("/api/applications", again).status();
          extraStatuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
        });
      }
    }
  }

  // ---------------------------------------------------------------- candidates

  private void onMail(BenchService.Mail mail) {
    if (!running) {
      return;
    }
    people.submit(
        () -> {
          Application a = awaitPlan(mail.applicationId());
          if (a == null) {
            return;
          }
          Submitted s = submitted.get(a.index()).join();
          switch (mail.template()) {
            case "availability-requested" -> {
              if (a.availability() == Availability.MISSING_THEN_GIVEN) {
                candidate(s, "/availability", Map.of("start", a.availabilityStart(), "end", a.availabilityEnd()));
              }
            }
            case "interview-invitation" -> {
              if (a.withdrawal() == Withdrawal.WHEN_INVITED_TO_INTERVIEWS) {
                candidate(s, "/withdraw", Map.of());
              }
            }
            case "offer-made" -> {
              if (a.withdrawal() == Withdrawal.WHEN_OFFERED) {
                candidate(s, "/withdraw", Map.of());
              } else {
                candidate(s, "/offer-response", Map.of("accept", a.accept()));
              }
            }
            case "offer-accepted" -> candidate(s, "/start-date", Map.of("startDate", a.startDate()));
            default -> {}
          }
        });
  }

  private Application awaitPlan(String applicationId) {
    // A mail may arrive before the submitting thread has read its 201.
    for (int i = 0; i < 500; i++) {
      Application a = planById.get(applicationId);
      if (a != null) {
        return a;
      }
      sleep(10);
    }
    return null;
  }

  private void candidate(Submitted s, String action, Map<String, Object> body) {
    Api.Response response = api.withToken(s.token()).post("/api/applications/" + s.id() + action, body);
    if (response.status() != 200 && response.status() != 202) {
      fail("candidate " + action + " " + response.status(), null);
    }
  }

  // ---------------------------------------------------------------- staff

  /**
   * One role's desk: reads the role's inbox (highest priority first, then oldest), hands each new
   * task to one of {@code concurrency} people who complete it with the form's answers.
   */
  private Thread desk(String user, Set<String> elements, int concurrency) {
    StaffSession staff = options.staffBasicAuth() ? StaffSession.basic(port, user) : StaffSession.signIn(port, user);
    Semaphore people = new Semaphore(concurrency);
    Set<String> taken = ConcurrentHashMap.newKeySet();
    return Thread.ofVirtual()
        .name("desk-" + user)
        .start(
            () -> {
              while (running) {
                Api.Response inbox;
                try {
                  inbox = staff.get("/api/tasks");
                } catch (RuntimeException e) {
                  fail("inbox " + user, e);
                  sleep(200);
                  continue;
                }
                int handed = 0;
                for (JsonNode task : inbox.body()) {
                  String id = task.path("id").asText();
                  if (!elements.contains(task.path("elementId").asText()) || !taken.add(id)) {
                    continue;
                  }
                  Application a = planById.get(task.path("applicationId").asText());
                  if (a == null) {
                    taken.remove(id);
                    continue;
                  }
                  try {
                    people.acquire();
                  } catch (InterruptedException e) {
                    return;
                  }
                  handed++;
                  String element = task.path("elementId").asText();
                  this.people.submit(
                      () -> {
                        try {
                          Api.Response done = staff.post("/api/tasks/" + id + "/complete", answers(element, a));
                          if (done.status() != 204) {
                            JsonNode problem = done.body();
                            String type = problem.path("type").asText();
                            if (!type.endsWith("task-not-open")) {
                              fail("complete " + element + " " + done.status() + " " + type, null);
                              taken.remove(id);
                            }
                          }
                        } catch (RuntimeException e) {
                          fail("complete " + element, e);
                          taken.remove(id);
                        } finally {
                          people.release();
                        }
                      });
                }
                if (handed == 0) {
                  sleep(100);
                } else {
                  // Let the people finish part of what they took before reading the inbox again.
                  while (running && people.availablePermits() < concurrency / 2) {
                    sleep(5);
                  }
                }
              }
            });
  }

  static Map<String, Object> answers(String element, Application a) {
    return switch (element) {
      case "Task_ReviewApplication" -> Map.of("decision", a.advance() ? "ADVANCE" : "REJECT", "notes", "Benchmark review.");
      case "Task_Interview" ->
          Map.of(
              "analytics", "4", "technical", a.hire() ? "5" : "2", "communication", "4", "problemSolving", "4",
              "recommendation", a.hire() ? "HIRE" : "NO_HIRE", "comments", "Benchmark interview.");
      case "Task_HiringDecision" ->
          a.hire() ? Map.of("decision", "HIRE", "startDate", a.startDate()) : Map.of("decision", "REJECT");
      case "Task_ApproveOffer" -> Map.of("approved", a.approve());
      default -> throw new IllegalArgumentException(element);
    };
  }

  // ---------------------------------------------------------------- the end

  private boolean awaitEnd(JdbcClient jdbc, BenchService service, SeasonRun result, long startNanos) {
    long deadline = startNanos + options.timeout().toNanos();
    long lastConcluded = -1;
    long lastProgress = System.nanoTime();
    int advances = 0;
    while (System.nanoTime() < deadline) {
      Map<String, Long> open = new HashMap<>();
      List<String> openIds = new ArrayList<>();
      jdbc.sql("select id, status from application where closed_at is null and position_id like :p")
          .param("p", "bench-_-" + run)
          .query(rs -> {
            open.merge(rs.getString(2), 1L, Long::sum);
            openIds.add(rs.getObject(1, UUID.class).toString());
          });
      long concluded = plan.applications.size() - openIds.size();
      if (openIds.isEmpty() && submittedAll()) {
        return true;
      }
      if (concluded != lastConcluded) {
        lastConcluded = concluded;
        lastProgress = System.nanoTime();
      }
      // R4: the candidates who never state an availability close when their wait expires.
      // Once only they (and second applications waiting on them) are open, the season's clock
      // moves on past the wait.
      boolean onlyStragglers =
          !openIds.isEmpty()
              && openIds.stream().allMatch(id -> {
                Application a = planById.get(id);
                return a != null && (a.availability() == Availability.MISSING_NEVER || a.second());
              })
              && open.keySet().stream().allMatch(s -> s.equals("AWAITING_AVAILABILITY") || s.equals("WAITING_TURN"));
      if (onlyStragglers && System.nanoTime() - lastProgress > 2_000_000_000L && advances < 3) {
        advances++;
        if (Double.isNaN(result.clockAdvancedAtSeconds)) {
          result.clockAdvancedAtSeconds = (System.nanoTime() - startNanos) / 1e9;
        }
        service.engine().increaseTime(Duration.ofDays(8));
        lastProgress = System.nanoTime();
      }
      if (System.nanoTime() - lastProgress > 60_000_000_000L) {
        System.err.println("[bench] no progress for 60 s; open: " + open);
        lastProgress = System.nanoTime();
      }
      sleep(100);
    }
    System.err.println("[bench] season did not end within " + options.timeout());
    return false;
  }

  private boolean submittedAll() {
    return submitted.values().stream().allMatch(CompletableFuture::isDone);
  }

  private Percentiles reviewLatency(JdbcClient jdbc) {
    Map<String, Instant> visible = new HashMap<>();
    jdbc.sql(
            """
            select t.application_id, min(t.created_at) from user_task t join application a on a.id = t.application_id
             where t.element_id = 'Task_ReviewApplication' and a.position_id like :p group by t.application_id
            """)
        .param("p", "bench-_-" + run)
        .query(rs -> {
          visible.put(rs.getObject(1, UUID.class).toString(), rs.getObject(2, OffsetDateTime.class).toInstant());
        });
    List<Double> millis = new ArrayList<>();
    for (var entry : submitted.entrySet()) {
      Application a = plan.applications.get(entry.getKey());
      if (a.second() || !a.availabilityStated() || !entry.getValue().isDone() || entry.getValue().isCompletedExceptionally()) {
        continue;
      }
      Submitted s = entry.getValue().join();
      Instant seen = visible.get(s.id());
      if (seen != null) {
        millis.add(Duration.between(s.sentAt(), seen).toNanos() / 1e6);
      }
    }
    return Percentiles.ofMillis(millis);
  }

  private void costs(EngineProbe probe, Map<String, Long> roots, SeasonRun result, JdbcClient jdbc) {
    Map<String, String> statusById = new HashMap<>();
    jdbc.sql("select id, status from application where position_id like :p")
        .param("p", "bench-_-" + run)
        .query(rs -> {
          statusById.put(rs.getObject(1, UUID.class).toString(), rs.getString(2));
        });
    List<Long> happyRoots = new ArrayList<>();
    planById.forEach((id, a) -> {
      if (a.happyPath() && "HIRED".equals(statusById.get(id)) && roots.containsKey(id)) {
        happyRoots.add(roots.get(id));
      }
    });
    result.costs(probe.costs(roots), happyRoots);
  }

  private void fail(String what, Throwable e) {
    AtomicLong counter = failures.computeIfAbsent(what, k -> new AtomicLong());
    if (counter.incrementAndGet() <= 3) {
      System.err.println("[bench] " + what + (e == null ? "" : ": " + e));
    }
  }

  private static long count(JdbcClient jdbc, String sql, String pattern) {
    return jdbc.sql(sql).param("p", pattern).query(Long.class).single();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Map<String, Object> describeOptions(Options o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rate", o.rate() > 0 ? o.rate() : "as fast as possible");
    m.put("concurrentSubmitters", o.rate() > 0 ? "one per submission" : o.submitters());
    m.put("recruiters", o.recruiters());
    m.put("interviewers", o.interviewers());
    m.put("hiringManagers", o.managers());
    m.put("staffAuthentication", o.staffBasicAuth() ? "HTTP Basic on every call" : "signed-in session (as the web pages)");
    m.put("serviceArgs", o.serviceArgs());
    return m;
  }
}

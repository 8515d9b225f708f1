package com.internhire.bench;

import com.internhire.bench.SeasonPlan.Application;
import com.internhire.bench.SeasonPlan.Availability;
import com.internhire.bench.SeasonPlan.Withdrawal;
import com.internhire.embedded.EngineUserTaskCommands;
import com.internhire.engine.ProcessVariables;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.process.test.engine.RocksDbEngines;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The engine's own limit for our models: the same models on a fresh embedded engine, every job
 * completed at once by a trivial worker (returning just the variables the model needs), every
 * human task completed the moment it exists, every candidate answering at once. No HTTP, no
 * database, no mail: what is left is the engine's work.
 *
 * <p>Also the harness of the ceiling benchmark: applications can be parked at the review (the
 * state most open applications are in during a season) to grow the engine's state.
 */
final class EngineSeason implements AutoCloseable {

  static final Set<String> CONCLUDED =
      Set.of("HIRED", "REJECTED", "WITHDRAWN", "POSITION_FILLED", "INCOMPLETE", "OFFER_DECLINED", "OFFER_EXPIRED", "HIRED_ELSEWHERE");

  final ZeebeTestEngine engine;
  final CamundaClient client;
  final EngineProbe probe;
  private final EngineUserTaskCommands userTasks;
  private final List<JobWorker> workers = new ArrayList<>();
  private final Map<String, Application> planById = new ConcurrentHashMap<>();
  private final Map<String, String> statusById = new ConcurrentHashMap<>();
  private final Set<String> concluded = ConcurrentHashMap.newKeySet();
  private final Map<String, String> secondWaitingFor = new ConcurrentHashMap<>();
  private final Map<String, Instant> createdAt = new ConcurrentHashMap<>();
  private final Map<String, Instant> reviewVisibleAt = new ConcurrentHashMap<>();
  private final Map<String, Long> rootById = new ConcurrentHashMap<>();
  /** Applications whose review nobody takes (the ceiling benchmark's open applications). */
  private final Set<String> parked = ConcurrentHashMap.newKeySet();
  private final Set<String> parkedAtReview = ConcurrentHashMap.newKeySet();
  private final AtomicLong errors = new AtomicLong();
  private final Map<Integer, String> idByIndex = new ConcurrentHashMap<>();

  EngineSeason(int executionThreads) throws Exception {
    quietEngineLogs();
    int port = BenchService.freePort();
    // The embedded default's engine (RocksDB state, a log that lets go of what it processed);
    // -Dbench.engine=zpt measures Zeebe Process Test's own, whose log keeps every record (the
    // records-per-application figures need it).
    engine =
        "zpt".equals(System.getProperty("bench.engine"))
            ? EngineFactory.create(port)
            : RocksDbEngines.create("127.0.0.1", port, java.nio.file.Files.createTempDirectory("bench-engine"));
    engine.start();
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://127.0.0.1:" + port))
            .restAddress(URI.create("http://127.0.0.1:" + port))
            .preferRestOverGrpc(false)
            .defaultJobWorkerStreamEnabled(true)
            .numJobWorkerExecutionThreads(executionThreads)
            .defaultRequestTimeout(Duration.ofSeconds(60))
            .build();
    probe = new EngineProbe(engine);
    userTasks = new EngineUserTaskCommands(engine);
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("bpmn/internship-application.bpmn")
        .addResourceFromClasspath("bpmn/offer.bpmn")
        .addResourceFromClasspath("bpmn/screening.dmn")
        .addResourceFromClasspath("forms/review-application.form")
        .addResourceFromClasspath("forms/interview-scorecard.form")
        .addResourceFromClasspath("forms/hiring-decision.form")
        .addResourceFromClasspath("forms/approve-offer.form")
        .send()
        .join();
    open("update-application-status", this::status);
    open("screen-application", this::screen);
    open("inbox-task-created", this::taskCreated);
    open("inbox-task-completing", (jobs, job) -> complete(jobs, job, Map.of()));
    open("inbox-task-canceling", (jobs, job) -> complete(jobs, job, Map.of()));
    open("escalate-overdue-review", (jobs, job) -> complete(jobs, job, Map.of()));
    open("hold-seat", this::holdSeat);
    open("release-seat", (jobs, job) -> complete(jobs, job, Map.of()));
    open("take-seat", (jobs, job) -> complete(jobs, job, Map.of()));
    open("hand-over-to-onboarding", (jobs, job) -> complete(jobs, job, Map.of()));
  }

  /** Zeebe Process Test's batch-operation actor logs a harmless ConcurrentModificationException now and then. */
  static void quietEngineLogs() {
    if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
      context.getLogger("io.camunda.zeebe.util.actor").setLevel(ch.qos.logback.classic.Level.OFF);
      context.getLogger("io.camunda.zeebe").setLevel(ch.qos.logback.classic.Level.ERROR);
      context.getLogger("io.camunda.client.impl.CamundaCallCredentials").setLevel(ch.qos.logback.classic.Level.ERROR);
    }
  }

  private void open(String type, io.camunda.client.api.worker.JobHandler handler) {
    workers.add(
        client.newWorker()
            .jobType(type)
            .handler(handler)
            .fetchVariables("applicationId")
            .maxJobsActive(64)
            .streamEnabled(true)
            .open());
  }

  // ------------------------------------------------------------------ workers

  private void complete(JobClient jobs, ActivatedJob job, Map<String, Object> variables) {
    jobs.newCompleteCommand(job.getKey()).variables(variables).send().exceptionally(e -> {
      errors.incrementAndGet();
      return null;
    });
  }

  private void status(JobClient jobs, ActivatedJob job) {
    String id = applicationId(job);
    String status = job.getCustomHeaders().get("status");
    String deadline = job.getCustomHeaders().get("deadline");
    Map<String, Object> variables = new HashMap<>();
    if (deadline != null) {
      variables.put(ProcessVariables.dueAt(deadline), Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS).toString());
    }
    jobs.newCompleteCommand(job.getKey())
        .variables(variables)
        .send()
        .whenComplete((ok, e) -> {
          if (e != null) {
            errors.incrementAndGet();
          } else {
            reached(id, status);
          }
        });
  }

  /** What people do the moment the application reaches a stage. */
  private void reached(String id, String status) {
    if (concluded.contains(id)) {
      return;
    }
    statusById.put(id, status);
    Application a = planById.get(id);
    if (a == null) {
      return;
    }
    switch (status) {
      case "AWAITING_AVAILABILITY" -> {
        if (a.availability() == Availability.MISSING_THEN_GIVEN) {
          publish("availability-provided", id, Map.of());
        }
      }
      case "INTERVIEWING" -> {
        if (a.withdrawal() == Withdrawal.WHEN_INVITED_TO_INTERVIEWS) {
          publish("application-withdrawn", id, Map.of());
        }
      }
      case "OFFERED" -> {
        if (a.withdrawal() == Withdrawal.WHEN_OFFERED) {
          publish("application-withdrawn", id, Map.of());
        } else {
          publish("offer-answered", id, Map.of("offerAccepted", a.accept()));
        }
      }
      case "OFFER_ACCEPTED" -> publish("start-date-confirmed", id, Map.of("confirmedStartDate", a.startDate()));
      default -> {}
    }
    if (CONCLUDED.contains(status) && concluded.add(id)) {
      // R2: the candidate's waiting application is told whether this one ended in a hire.
      String waiting = secondWaitingFor.remove(id);
      if (waiting != null) {
        publish("turn-decided", waiting, Map.of("firstApplicationHired", status.equals("HIRED")));
      }
    }
  }

  private void screen(JobClient jobs, ActivatedJob job) {
    Application a = planById.get(applicationId(job));
    boolean qualified = a == null || a.qualified();
    boolean fits = a == null || a.availability() != Availability.NO_FIT;
    Map<String, Object> screening = new LinkedHashMap<>();
    screening.put("meetsMinimum", qualified);
    screening.put("minimumReason", qualified ? "Meets all minimum qualifications" : "No previous internship or project experience in data or business analysis");
    screening.put("score", qualified ? 70 : 20);
    screening.put("recommendation", qualified ? "ADVANCE" : "REJECT");
    screening.put("priority", (qualified ? 60 : 20) + (fits ? 20 : 0));
    List<Map<String, String>> options = new ArrayList<>();
    for (String start : SeasonPlan.COHORTS) {
      if (fits || start.compareTo("2026-06-01") >= 0) {
        options.add(Map.of("label", start + " to end", "value", start));
      }
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("screening", screening);
    variables.put("reviewDueAt", Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS).toString());
    variables.put("cohortOptions", options);
    complete(jobs, job, variables);
  }

  private void holdSeat(JobClient jobs, ActivatedJob job) {
    Application a = planById.get(applicationId(job));
    String start = a == null ? "2026-05-11" : a.startDate();
    complete(jobs, job, Map.of("seatHeld", true, "offerStartDate", start, "offerEndDate", java.time.LocalDate.parse(start).plusWeeks(12).toString()));
  }

  /** A human task exists: its creating listener completes, then the person answers at once. */
  private void taskCreated(JobClient jobs, ActivatedJob job) {
    String id = applicationId(job);
    String element = job.getElementId();
    long taskKey = Long.parseLong(job.getCustomHeaders().get("io.camunda.zeebe:userTaskKey"));
    if (element.equals("Task_ReviewApplication")) {
      reviewVisibleAt.putIfAbsent(id, Instant.now());
    }
    jobs.newCompleteCommand(job.getKey())
        .send()
        .whenComplete((ok, e) -> {
          if (e != null) {
            errors.incrementAndGet();
            return;
          }
          if (element.equals("Task_ReviewApplication") && parked.contains(id)) {
            parkedAtReview.add(id);
            return;
          }
          Application a = planById.get(id);
          if (a == null) {
            return;
          }
          try {
            userTasks.complete(taskKey, ServiceSeason.answers(element, a));
          } catch (RuntimeException refused) {
            // withdrawn meanwhile: the task was cancelled
          }
        });
  }

  private void publish(String name, String applicationId, Map<String, Object> variables) {
    client.newPublishMessageCommand()
        .messageName(name)
        .correlationKey(applicationId)
        .messageId(name + ":" + applicationId)
        .timeToLive(Duration.ofMinutes(10))
        .variables(variables)
        .send()
        .exceptionally(e -> {
          errors.incrementAndGet();
          return null;
        });
  }

  private static String applicationId(ActivatedJob job) {
    Object id = job.getVariablesAsMap().get("applicationId");
    return id == null ? null : id.toString();
  }

  // ------------------------------------------------------------------ instances

  /** Starts the application's instance as the service's process starter does. */
  ProcessInstanceEvent start(Application a, String id, boolean park) {
    planById.put(id, a);
    idByIndex.put(a.index(), id);
    if (park) {
      parked.add(id);
    }
    boolean waits = false;
    if (a.second()) {
      String first = idByIndex.get(a.firstIndex());
      if (first != null && !concluded.contains(first)) {
        waits = true;
        secondWaitingFor.put(first, id);
        // it may have concluded between the check and the put
        if (concluded.contains(first) && secondWaitingFor.remove(first, id)) {
          publish("turn-decided", id, Map.of("firstApplicationHired", "HIRED".equals(statusById.get(first))));
        }
      } else if (first != null && "HIRED".equals(statusById.get(first))) {
        waits = true;
        publish("turn-decided", id, Map.of("firstApplicationHired", true));
      }
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("applicationId", id);
    variables.put("positionId", a.second() ? "bench-b" : "bench-a");
    variables.put("availabilityStated", a.availabilityStated());
    variables.put("waitsForTurn", waits);
    variables.put("interviewCount", 2);
    createdAt.put(id, Instant.now());
    ProcessInstanceEvent event =
        client.newCreateInstanceCommand().bpmnProcessId("internship-application").latestVersion().variables(variables).send().join();
    rootById.put(id, event.getProcessInstanceKey());
    if (a.withdrawal() == Withdrawal.RIGHT_AFTER_SUBMITTING && !park) {
      publish("application-withdrawn", id, Map.of());
    }
    return event;
  }

  /** Runs a whole season: every application started at the rate, until each has ended. */
  SeasonRun season(SeasonPlan plan, double rate, int inFlightStarts, Duration timeout) throws InterruptedException {
    SeasonRun result = new SeasonRun();
    result.name = "engine limit";
    result.applications = plan.applications.size();
    Resources resources =
        new Resources(() -> createdAt.size() - concluded.size(), concluded::size, probe::stateEntries, 1000)
            .stateBreakdown(probe::stateByColumnFamily);
    long startNanos = System.nanoTime();
    Semaphore starts = new Semaphore(inFlightStarts);
    try (var starters = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (Application a : plan.applications) {
        if (rate > 0) {
          long wait = startNanos + (long) (a.index() / rate * 1e9) - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
        }
        if (a.second()) {
          // started after its first, as the service would store it after the first
          while (!idByIndex.containsKey(a.firstIndex()) || !rootById.containsKey(idByIndex.get(a.firstIndex()))) {
            Thread.sleep(1);
          }
        }
        starts.acquire();
        String id = java.util.UUID.randomUUID().toString();
        starters.submit(() -> {
          try {
            start(a, id, false);
          } catch (RuntimeException e) {
            errors.incrementAndGet();
            System.err.println("[bench] start failed: " + e);
          } finally {
            starts.release();
          }
        });
      }
    }
    result.submitSeconds = (System.nanoTime() - startNanos) / 1e9;
    long deadline = startNanos + timeout.toNanos();
    long lastProgress = System.nanoTime();
    int lastConcluded = -1;
    long endNanos = 0;
    while (System.nanoTime() < deadline) {
      int done = concluded.size();
      if (done >= plan.applications.size()) {
        endNanos = System.nanoTime();
        result.complete = true;
        break;
      }
      if (done != lastConcluded) {
        lastConcluded = done;
        lastProgress = System.nanoTime();
      }
      boolean onlyStragglers =
          planById.entrySet().stream()
              .filter(e -> !concluded.contains(e.getKey()))
              .allMatch(e -> e.getValue().availability() == Availability.MISSING_NEVER || e.getValue().second());
      if (onlyStragglers && System.nanoTime() - lastProgress > 2_000_000_000L) {
        if (Double.isNaN(result.clockAdvancedAtSeconds)) {
          result.clockAdvancedAtSeconds = (System.nanoTime() - startNanos) / 1e9;
        }
        engine.increaseTime(Duration.ofDays(8));
        lastProgress = System.nanoTime();
      }
      Thread.sleep(20);
    }
    if (!result.complete) {
      endNanos = System.nanoTime();
      Map<String, Long> open = new HashMap<>();
      planById.keySet().stream().filter(id -> !concluded.contains(id)).forEach(id -> open.merge(String.valueOf(statusById.get(id)), 1L, Long::sum));
      System.err.println("[bench] engine-limit season did not end within " + timeout + "; open: " + open);
    }
    resources.close();
    result.endToEndSeconds = (endNanos - startNanos) / 1e9;
    List<Double> review = new ArrayList<>();
    for (var e : reviewVisibleAt.entrySet()) {
      Application a = planById.get(e.getKey());
      if (a != null && !a.second() && a.availabilityStated()) {
        review.add(Duration.between(createdAt.get(e.getKey()), e.getValue()).toNanos() / 1e6);
      }
    }
    result.submissionToReview = Percentiles.ofMillis(review);
    // Before the record log is read (reading it keeps every record as an object).
    result.heapAfterGcBytes = Resources.heapAfterGc();
    statusById.forEach((id, s) -> {
      if (concluded.contains(id)) {
        result.outcomes.merge(s, 1L, Long::sum);
      }
    });
    List<Long> happyRoots = new ArrayList<>();
    planById.forEach((id, a) -> {
      if (a.happyPath() && "HIRED".equals(statusById.get(id))) {
        happyRoots.add(rootById.get(id));
      }
    });
    result.costs(probe.costs(Map.copyOf(rootById)), happyRoots);
    result.sampled(resources);
    result.notes.put("errors", errors.get());
    return result;
  }

  /** Whether the application at this plan index has its instance (a second waits for its first). */
  boolean started(int index) {
    String id = idByIndex.get(index);
    return id != null && rootById.containsKey(id);
  }

  int concludedCount() {
    return concluded.size();
  }

  int parkedAtReviewCount() {
    return parkedAtReview.size();
  }

  long errors() {
    return errors.get();
  }

  boolean hasConcluded(String id) {
    return concluded.contains(id);
  }

  Instant reviewVisibleAt(String id) {
    return reviewVisibleAt.get(id);
  }

  Instant createdAt(String id) {
    return createdAt.get(id);
  }

  long openCount(Predicate<String> which) {
    return createdAt.keySet().stream().filter(id -> !concluded.contains(id)).filter(which).count();
  }

  @Override
  public void close() {
    workers.forEach(JobWorker::close);
    client.close();
    engine.stop();
  }
}

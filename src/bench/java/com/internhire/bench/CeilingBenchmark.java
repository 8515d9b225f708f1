package com.internhire.bench;

import com.internhire.bench.SeasonPlan.Application;
import com.internhire.bench.SeasonPlan.Availability;
import com.internhire.bench.SeasonPlan.Withdrawal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * The embedded engine's ceiling: throughput and heap against open applications, with our
 * models. One command, a table and {@code target/bench/ceiling.json}:
 *
 * <pre>
 * ./mvnw -Pbench test-compile exec:exec@ceiling-benchmark -Dbench.args="--levels=0,500,1000,2000,3000,4000"
 * </pre>
 *
 * <p>On one engine (instant workers and people, as the engine-limit run of the season
 * benchmark): applications are parked at the review, where most applications of a season wait,
 * until the level of open applications is reached; then a batch of whole applications
 * ({@code --batch=200}, the season mix) is run from start to end and timed, and the heap is
 * measured after a full collection. The engine keeps every record it wrote in memory, so the
 * heap also grows with the finished applications. Options: {@code --levels --batch=200
 * --seed=2026 --timeout=600 --out=target/bench/ceiling.json}.
 */
public final class CeilingBenchmark {

  private static final int PARK_OFFSET = 50_000_000;

  private CeilingBenchmark() {}

  public static void main(String[] argv) {
    try {
      BenchArgs args = new BenchArgs(argv);
      List<Integer> levels = new ArrayList<>();
      for (String level : args.text("levels", "0,500,1000,2000,3000,4000").split(",")) {
        levels.add(Integer.parseInt(level.trim()));
      }
      int batch = args.integer("batch", 200);
      long seed = args.longValue("seed", 2026);
      Duration timeout = args.seconds("timeout", 600);
      Path out = Path.of(args.text("out", "target/bench/ceiling.json"));
      System.out.printf(Locale.ROOT, "%nCeiling benchmark: open applications %s, a batch of %d whole applications at each, %d CPUs%n",
          levels, batch, Runtime.getRuntime().availableProcessors());
      List<Map<String, Object>> steps = new ArrayList<>();
      try (EngineSeason engine = new EngineSeason(4)) {
        System.out.println("[bench] warm-up batch ...");
        runBatch(engine, SeasonPlan.draw(batch, seed - 1).shifted(0), timeout);
        int parked = 0;
        int offset = 1_000_000;
        for (int level : levels) {
          double parkSeconds = park(engine, parked, level, timeout);
          int newlyParked = level - parked;
          parked = Math.max(parked, level);
          Map<String, Object> step = new LinkedHashMap<>();
          step.put("openApplications", engine.parkedAtReviewCount());
          if (newlyParked > 0) {
            step.put("startsToReviewPerSecond", SeasonRun.round(newlyParked / parkSeconds));
          }
          Batch b = runBatch(engine, SeasonPlan.draw(batch, seed + level).shifted(offset), timeout);
          offset += 1_000_000;
          step.put("batch", batch);
          step.put("batchComplete", b.complete);
          step.put("batchSeconds", SeasonRun.round(b.seconds));
          step.put("applicationsPerSecond", SeasonRun.round(batch / b.seconds));
          step.put("submissionToReviewVisible", b.review.json());
          step.put("engineStateEntries", engine.probe.stateEntries());
          long heap = Resources.heapAfterGc();
          step.put("heapAfterGcMb", heap / (1 << 20));
          step.put("rssMb", Resources.rss() / (1 << 20));
          step.put("applicationsStartedSoFar", engine.parkedAtReviewCount() + engine.concludedCount());
          step.put("errors", engine.errors());
          steps.add(step);
          System.out.printf(Locale.ROOT, "[bench] %,d open: %.1f applications/s, review visible p50 %s ms, %,d engine state entries, heap after GC %,d MB%n",
              engine.parkedAtReviewCount(), batch / b.seconds, Percentiles.round(b.review.p50()), engine.probe.stateEntries(), heap / (1 << 20));
          // Written after every level: the high levels take minutes each.
          write(out, args, steps);
          if (!b.complete) {
            System.out.println("[bench] the batch did not finish within " + timeout + "; stopping here");
            break;
          }
        }
      }
      table(steps);
      write(out, args, steps);
      System.out.println("Written " + out.toAbsolutePath());
    } catch (Throwable e) {
      e.printStackTrace();
      BenchArgs.exit(1);
    }
    BenchArgs.exit(0);
  }

  private static void write(Path out, BenchArgs args, List<Map<String, Object>> steps) throws java.io.IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("benchmark", "ceiling");
    json.put("machine", BenchArgs.machine());
    json.put("arguments", args.all());
    json.put("steps", steps);
    BenchArgs.write(out, json);
  }

  /** Starts applications that stop at the review until {@code level} wait there; returns seconds. */
  private static double park(EngineSeason engine, int from, int level, Duration timeout) throws InterruptedException {
    if (level <= from) {
      return 0;
    }
    long t0 = System.nanoTime();
    Semaphore inFlight = new Semaphore(64);
    try (ExecutorService starters = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = from; i < level; i++) {
        Application a = new Application(
            PARK_OFFSET + i, PARK_OFFSET + i, false, -1, Availability.FITS, true, true, true, true, true, Withdrawal.NONE);
        inFlight.acquire();
        starters.submit(() -> {
          try {
            engine.start(a, UUID.randomUUID().toString(), true);
          } finally {
            inFlight.release();
          }
        });
      }
    }
    long deadline = t0 + timeout.toNanos();
    while (engine.parkedAtReviewCount() < level && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  private record Batch(boolean complete, double seconds, Percentiles review) {}

  /** Runs whole applications from start to end, as fast as the engine goes. */
  private static Batch runBatch(EngineSeason engine, SeasonPlan plan, Duration timeout) throws InterruptedException {
    int before = engine.concludedCount();
    List<String> ids = new ArrayList<>();
    long t0 = System.nanoTime();
    Semaphore inFlight = new Semaphore(64);
    try (ExecutorService starters = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Application a : plan.applications) {
        if (a.second()) {
          while (!engine.started(a.firstIndex())) {
            Thread.sleep(1);
          }
        }
        String id = UUID.randomUUID().toString();
        ids.add(id);
        inFlight.acquire();
        starters.submit(() -> {
          try {
            engine.start(a, id, false);
          } finally {
            inFlight.release();
          }
        });
      }
    }
    long deadline = t0 + timeout.toNanos();
    while (engine.concludedCount() - before < plan.applications.size() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    boolean complete = engine.concludedCount() - before >= plan.applications.size();
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<Double> review = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      Application a = plan.applications.get(i);
      var seen = engine.reviewVisibleAt(ids.get(i));
      if (seen != null && !a.second() && a.availabilityStated()) {
        review.add(Duration.between(engine.createdAt(ids.get(i)), seen).toNanos() / 1e6);
      }
    }
    return new Batch(complete, seconds, Percentiles.ofMillis(review));
  }

  private static void table(List<Map<String, Object>> steps) {
    String format = "%18s %22s %20s %28s %20s %18s%n";
    System.out.println();
    System.out.printf(Locale.ROOT, "(measured on this machine: embedded engine, instant workers and people)%n");
    System.out.printf(Locale.ROOT, format, "open applications", "applications/s (batch)", "starts to review /s", "submission->review p50/p99", "engine state entries", "heap after GC");
    for (Map<String, Object> s : steps) {
      @SuppressWarnings("unchecked")
      Map<String, Object> review = (Map<String, Object>) s.get("submissionToReviewVisible");
      System.out.printf(Locale.ROOT, format,
          String.format(Locale.ROOT, "%,d", ((Number) s.get("openApplications")).intValue()),
          s.get("applicationsPerSecond") + (Boolean.TRUE.equals(s.get("batchComplete")) ? "" : " (timeout)"),
          s.getOrDefault("startsToReviewPerSecond", "-"),
          review.get("p50Ms") + " / " + review.get("p99Ms") + " ms",
          String.format(Locale.ROOT, "%,d", ((Number) s.get("engineStateEntries")).longValue()),
          s.get("heapAfterGcMb") + " MB");
    }
  }
}

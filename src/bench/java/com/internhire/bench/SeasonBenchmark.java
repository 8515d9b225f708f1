package com.internhire.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The season benchmark: one command, a table and {@code target/bench/season.json}.
 *
 * <pre>
 * ./mvnw -Pbench test-compile exec:exec@season-benchmark -Dbench.args="--applications=1000"
 * </pre>
 *
 * <p>Runs, one after the other in this JVM: a short warm-up on the engine alone; the season on
 * the whole service (HTTP intake, workers, database, mail, people working their inboxes); the
 * same season against the engine alone with instant workers and people (the engine's own limit
 * for our models); then a paced season (the latency target) on the service and on the engine
 * alone at the same rate. Options: {@code
 * --applications=1000 --rate=0} (0: as fast as possible, else submissions per second) {@code
 * --paced-rate=20 --paced-applications=600} (0 applications: no paced run) {@code --seed=2026
 * --submitters=16 --recruiters=64 --interviewers=64 --managers=32 --warmup=200 --timeout=1200
 * --out=target/bench/season.json}; {@code --spring.*}, {@code --camunda.*}, {@code --hiring.*}
 * go to the service.
 */
public final class SeasonBenchmark {

  private SeasonBenchmark() {}

  public static void main(String[] argv) throws Exception {
    BenchArgs args = new BenchArgs(argv);
    int applications = args.integer("applications", 1000);
    double rate = args.decimal("rate", 0);
    long seed = args.longValue("seed", 2026);
    Duration timeout = args.seconds("timeout", 1200);
    int warmup = args.integer("warmup", 200);
    int pacedApplications = args.integer("paced-applications", 600);
    double pacedRate = args.decimal("paced-rate", 20);
    Path out = Path.of(args.text("out", "target/bench/season.json"));
    String runs = args.text("runs", "service,limit,paced");
    ServiceSeason.Options options =
        new ServiceSeason.Options(
            rate,
            args.integer("submitters", 16),
            args.integer("recruiters", 64),
            args.integer("interviewers", 64),
            args.integer("managers", 32),
            timeout,
            args.serviceArgs,
            true,
            args.text("staff-auth", "session").equals("basic"));
    SeasonPlan plan = SeasonPlan.draw(applications, seed);
    Map<String, Object> machine = BenchArgs.machine();
    System.out.printf(Locale.ROOT, "%nSeason benchmark: %d applications (%s), %s, seed %d, %d CPUs%n",
        applications, plan.describe(), rate > 0 ? rate + "/s" : "as fast as possible", seed, Runtime.getRuntime().availableProcessors());

    try {
      if (warmup > 0) {
        System.out.println("[bench] warm-up: " + warmup + " applications on the engine alone");
        try (EngineSeason engine = new EngineSeason(4)) {
          engine.season(SeasonPlan.draw(warmup, seed + 1), 0, 200, timeout);
        }
        Resources.heapAfterGc();
      }
      SeasonRun service = null;
      SeasonRun limit = null;
      SeasonRun paced = null;
      SeasonRun pacedLimit = null;
      if (runs.contains("service")) {
        System.out.println("[bench] season on the service ...");
        Resources.heapAfterGc();
        Resources.resetPeakRss();
        service = new ServiceSeason(plan, options).run();
        System.out.printf(Locale.ROOT, "[bench] service: %.1f s, %.2f applications/s%n", service.endToEndSeconds, service.applicationsPerSecond());
      }
      if (runs.contains("limit")) {
        System.out.println("[bench] the same season on the engine alone (instant workers and people) ...");
        Resources.heapAfterGc();
        Resources.resetPeakRss();
        try (EngineSeason engine = new EngineSeason(4)) {
          limit = engine.season(plan, rate, 200, timeout);
        }
        System.out.printf(Locale.ROOT, "[bench] engine limit: %.1f s, %.2f applications/s%n", limit.endToEndSeconds, limit.applicationsPerSecond());
      }
      if (runs.contains("paced") && pacedApplications > 0) {
        System.out.printf(Locale.ROOT, "[bench] paced season on the service: %d applications at %.0f/s ...%n", pacedApplications, pacedRate);
        Resources.heapAfterGc();
        Resources.resetPeakRss();
        ServiceSeason.Options pacedOptions =
            new ServiceSeason.Options(pacedRate, options.submitters(), options.recruiters(), options.interviewers(), options.managers(),
                timeout, options.serviceArgs(), false, options.staffBasicAuth());
        paced = new ServiceSeason(SeasonPlan.draw(pacedApplications, seed), pacedOptions).run();
        paced.name = "service at " + (int) pacedRate + "/s";
        System.out.printf(Locale.ROOT, "[bench] the paced season on the engine alone ...%n");
        Resources.heapAfterGc();
        Resources.resetPeakRss();
        try (EngineSeason engine = new EngineSeason(4)) {
          pacedLimit = engine.season(SeasonPlan.draw(pacedApplications, seed), pacedRate, 200, timeout);
        }
        pacedLimit.name = "limit at " + (int) pacedRate + "/s";
      }
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("benchmark", "season");
      json.put("machine", machine);
      json.put("mix", plan.describe());
      json.put("options", ServiceSeason.describeOptions(options));
      json.put("arguments", args.all());
      List<Map<String, Object>> results = new ArrayList<>();
      for (SeasonRun run : new SeasonRun[] {service, limit, paced, pacedLimit}) {
        if (run != null) {
          results.add(run.json());
        }
      }
      json.put("runs", results);
      if (service != null && limit != null) {
        json.put("serviceToLimitRatio", SeasonRun.round(service.applicationsPerSecond() / limit.applicationsPerSecond()));
      }
      if (paced != null && pacedLimit != null) {
        json.put("pacedServiceToLimitRatio", SeasonRun.round(paced.applicationsPerSecond() / pacedLimit.applicationsPerSecond()));
      }
      table(service, limit, paced, pacedLimit);
      BenchArgs.write(out, json);
      System.out.println("Written " + out.toAbsolutePath());
    } catch (Throwable e) {
      e.printStackTrace();
      BenchArgs.exit(1);
    }
    BenchArgs.exit(0);
  }

  static void table(SeasonRun service, SeasonRun limit, SeasonRun paced, SeasonRun pacedLimit) {
    List<SeasonRun> runs = new ArrayList<>();
    for (SeasonRun r : new SeasonRun[] {service, limit, paced, pacedLimit}) {
      if (r != null) {
        runs.add(r);
      }
    }
    StringBuilder t = new StringBuilder();
    String format = "%-46s" + "%22s".repeat(runs.size()) + (service != null && limit != null ? "%16s" : "") + "%n";
    List<Object> header = new ArrayList<>(List.of("(measured on this machine)"));
    runs.forEach(r -> header.add(r.name));
    if (service != null && limit != null) {
      header.add("service/limit");
    }
    t.append(String.format(Locale.ROOT, format, header.toArray()));
    row(t, format, runs, service, limit, "applications per second, end to end", r -> String.format(Locale.ROOT, "%.2f", r.applicationsPerSecond()), true);
    row(t, format, runs, service, limit, "season length (first submission to last end)", r -> String.format(Locale.ROOT, "%.1f s%s", r.endToEndSeconds, r.complete ? "" : " (timeout)"), false);
    row(t, format, runs, service, limit, "all submitted after", r -> String.format(Locale.ROOT, "%.1f s", r.submitSeconds), false);
    row(t, format, runs, service, limit, "submission -> review visible p50/p95/p99", r -> r.submissionToReview == null ? "-" : r.submissionToReview.toString(), false);
    row(t, format, runs, service, limit, "submission acknowledged p50/p95/p99", r -> r.submissionAck == null ? "-" : r.submissionAck.toString(), false);
    row(t, format, runs, service, limit, "jobs per application, happy path", r -> fmt(r.happyJobs), false);
    row(t, format, runs, service, limit, "jobs per application, average", r -> fmt(r.avgJobs), false);
    row(t, format, runs, service, limit, "engine records per application, happy path", r -> fmt(r.happyRecords), false);
    row(t, format, runs, service, limit, "engine records per application, average", r -> fmt(r.avgRecords), false);
    row(t, format, runs, service, limit, "peak heap used", r -> BenchArgs.mb(r.peakHeapBytes), false);
    row(t, format, runs, service, limit, "heap after GC at the end", r -> BenchArgs.mb(r.heapAfterGcBytes), false);
    row(t, format, runs, service, limit, "peak RSS (whole JVM)", r -> BenchArgs.mb(r.peakRssBytes), false);
    row(t, format, runs, service, limit, "CPU: this JVM / other processes", r -> String.format(Locale.ROOT, "%.0f%% / %.0f%%", 100 * r.ownCpuShare, 100 * r.othersCpuShare), false);
    row(t, format, runs, service, limit, "peak open applications", r -> String.valueOf(r.peakOpen), false);
    row(t, format, runs, service, limit, "peak engine state entries", r -> String.format(Locale.ROOT, "%,d", r.peakEngineState), false);
    System.out.println();
    System.out.print(t);
    if (paced != null && pacedLimit != null) {
      System.out.printf(Locale.ROOT, "paced: service/limit %.2f (%s)%n",
          paced.applicationsPerSecond() / pacedLimit.applicationsPerSecond(), paced.name.substring("service ".length()));
    }
    for (SeasonRun r : runs) {
      System.out.println();
      System.out.println("Open applications over time, " + r.name + " (t s: open / engine state entries / heap MB):");
      StringBuilder line = new StringBuilder("  ");
      int step = Math.max(1, r.series.size() / 12);
      for (int i = 0; i < r.series.size(); i += step) {
        Map<String, Object> s = r.series.get(i);
        line.append(String.format(Locale.ROOT, "%s: %s/%s/%s  ", s.get("t"), s.get("open"), s.get("engineStateEntries"), s.get("heapMb")));
      }
      System.out.println(line);
      System.out.println("  outcomes: " + r.outcomes);
      if (!r.happyJobTypes.isEmpty()) {
        System.out.println("  happy-path jobs: " + r.happyJobTypes);
      }
    }
  }

  private static void row(
      StringBuilder t, String format, List<SeasonRun> runs, SeasonRun service, SeasonRun limit, String label,
      java.util.function.Function<SeasonRun, String> value, boolean ratio) {
    List<Object> cells = new ArrayList<>(List.of(label));
    runs.forEach(r -> cells.add(value.apply(r)));
    if (service != null && limit != null) {
      cells.add(ratio ? String.format(Locale.ROOT, "%.2f", service.applicationsPerSecond() / limit.applicationsPerSecond()) : "");
    }
    t.append(String.format(Locale.ROOT, format, cells.toArray()));
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
  }
}

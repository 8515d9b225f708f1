package com.internhire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.internhire.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Intake under burst: one command, a table and {@code target/bench/intake.json}.
 *
 * <pre>
 * ./mvnw -Pbench test-compile exec:exec@intake-benchmark -Dbench.args="--burst=20000"
 * </pre>
 *
 * <p>A load generator (the JDK HTTP client, {@code --concurrency} connections) posts a burst of
 * applications by distinct candidates to {@code POST /api/applications} of the whole service on
 * its embedded default: the R1 check under the candidate's row lock and the write of candidate,
 * application, consent and audit row in one committed transaction are part of every answer.
 * Afterwards the rows are counted: exactly one application per accepted submission, none lost,
 * none twice. Two variants, each on a fresh service and database: process starts on (the engine
 * starts the instances behind the acknowledgements, as in production) and off ({@code
 * hiring.process-start.enabled=false}: intake alone). Options: {@code --burst=20000
 * --concurrency=64 --warmup=2000 --variants=on,off --drain=30} (seconds to watch the start
 * backlog afterwards).
 */
public final class IntakeBenchmark {

  private IntakeBenchmark() {}

  public static void main(String[] argv) {
    try {
      BenchArgs args = new BenchArgs(argv);
      int burst = args.integer("burst", 20_000);
      int concurrency = args.integer("concurrency", 64);
      int warmup = args.integer("warmup", 2_000);
      int drain = args.integer("drain", 30);
      List<String> variants = List.of(args.text("variants", "on,off").split(","));
      Path out = Path.of(args.text("out", "target/bench/intake.json"));
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("benchmark", "intake");
      json.put("machine", BenchArgs.machine());
      json.put("arguments", args.all());
      List<Map<String, Object>> results = new ArrayList<>();
      for (String variant : variants) {
        boolean starts = variant.trim().equals("on");
        System.out.printf(Locale.ROOT, "[bench] intake burst of %,d, %d connections, process starts %s ...%n", burst, concurrency, starts ? "on" : "off");
        Resources.heapAfterGc();
        Resources.resetPeakRss();
        List<String> serviceArgs = new ArrayList<>(args.serviceArgs);
        serviceArgs.add("--hiring.process-start.enabled=" + starts);
        // Instances still being started when the service stops are started again by the next
        // sweep; their warnings at shutdown say nothing about intake.
        serviceArgs.add("--logging.level.com.internhire.application.ProcessStarter=ERROR");
        results.add(run(burst, concurrency, warmup, starts ? drain : 0, serviceArgs, starts));
      }
      json.put("runs", results);
      table(results);
      BenchArgs.write(out, json);
      System.out.println("Written " + out.toAbsolutePath());
    } catch (Throwable e) {
      e.printStackTrace();
      BenchArgs.exit(1);
    }
    BenchArgs.exit(0);
  }

  private static Map<String, Object> run(
      int burst, int concurrency, int warmup, int drain, List<String> serviceArgs, boolean starts) throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("processStarts", starts ? "on (the engine starts instances behind the acknowledgements)" : "off (intake alone)");
    try (BenchService service = BenchService.start("intake", serviceArgs, m -> {})) {
      JdbcClient jdbc = service.jdbc();
      String run = UUID.randomUUID().toString().substring(0, 6);
      HttpClient http =
          HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
      URI uri = URI.create("http://localhost:" + service.port + "/api/applications");
      if (warmup > 0) {
        fire(http, uri, "warm-" + run, warmup, concurrency);
      }
      Thread.sleep(1000);
      Resources resources =
          new Resources(
              () -> count(jdbc, "select count(*) from application where process_instance_key is null"),
              () -> count(jdbc, "select count(*) from application where process_instance_key is not null"),
              new EngineProbe(service.engine())::stateEntries,
              1000);
      long startedBefore = count(jdbc, "select count(*) from application where process_instance_key is not null");
      Burst b = fire(http, uri, "burst-" + run, burst, concurrency);
      long startedAtEnd = count(jdbc, "select count(*) from application where process_instance_key is not null") - startedBefore;
      // Count what was stored: one application per accepted submission, none lost, none twice.
      String pattern = "burst-" + run + "-%";
      long candidates = count(jdbc, "select count(*) from candidate where email like '" + pattern + "'");
      List<String> stored =
          jdbc.sql("select a.id from application a join candidate c on c.id = a.candidate_id where c.email like :p")
              .param("p", pattern)
              .query((rs, n) -> rs.getObject(1, UUID.class).toString())
              .list();
      long candidatesWithMoreThanOne =
          count(jdbc, "select count(*) from (select a.candidate_id from application a join candidate c on c.id = a.candidate_id"
              + " where c.email like '" + pattern + "' group by a.candidate_id having count(*) > 1) x");
      Set<String> storedSet = new HashSet<>(stored);
      Set<String> acknowledged = b.ids.keySet();
      long lost = acknowledged.stream().filter(id -> !storedSet.contains(id)).count();
      long unacknowledged = storedSet.stream().filter(id -> !acknowledged.contains(id)).count();
      long drainedAfter = 0;
      double drainSeconds = 0;
      if (drain > 0) {
        long t0 = System.nanoTime();
        long pending;
        do {
          Thread.sleep(1000);
          pending = count(jdbc, "select count(*) from application where process_instance_key is null and closed_at is null");
        } while (pending > 0 && System.nanoTime() - t0 < drain * 1_000_000_000L);
        drainSeconds = (System.nanoTime() - t0) / 1e9;
        drainedAfter = count(jdbc, "select count(*) from application where process_instance_key is not null") - startedBefore;
      }
      resources.close();
      result.put("burst", burst);
      result.put("concurrency", concurrency);
      result.put("seconds", SeasonRun.round(b.seconds));
      result.put("acceptedPerSecond", SeasonRun.round(b.accepted.get() / b.seconds));
      result.put("accepted201", b.accepted.get());
      result.put("statuses", b.statuses);
      result.put("latency", Percentiles.ofMillis(b.latencies).json());
      result.put("candidatesStored", candidates);
      result.put("applicationsStored", stored.size());
      result.put("distinctApplicationsStored", storedSet.size());
      result.put("candidatesWithMoreThanOneApplication", candidatesWithMoreThanOne);
      result.put("acknowledgedButNotStored", lost);
      result.put("storedButNotAcknowledged", unacknowledged);
      result.put("countCheck", stored.size() == b.accepted.get() && storedSet.size() == stored.size() && lost == 0
          && unacknowledged == 0 && candidatesWithMoreThanOne == 0 && candidates == burst ? "exactly one application per accepted submission" : "MISMATCH");
      result.put("instancesStartedDuringBurst", startedAtEnd);
      if (drain > 0) {
        result.put("instancesStartedWithinDrainWindow", drainedAfter);
        result.put("drainWindowSeconds", SeasonRun.round(drainSeconds));
        result.put("startsPerSecondAfterBurst", SeasonRun.round((drainedAfter - startedAtEnd) / Math.max(0.001, drainSeconds)));
      }
      result.put("peakHeapMb", resources.peakHeap() / (1 << 20));
      result.put("peakRssMb", resources.peakRss() / (1 << 20));
      result.put("series", resources.seriesJson());
      System.out.printf(Locale.ROOT, "[bench] %,d accepted in %.1f s: %.0f/s; %s%n", b.accepted.get(), b.seconds, b.accepted.get() / b.seconds, result.get("countCheck"));
    }
    return result;
  }

  private record Burst(double seconds, AtomicInteger accepted, Map<Integer, Integer> statuses, List<Double> latencies, Map<String, Boolean> ids) {}

  private static Burst fire(HttpClient http, URI uri, String prefix, int count, int concurrency) throws InterruptedException {
    String template =
        """
        {"positionId":"ds-ltv-intern-2026",
         "candidate":{"name":"Burst Candidate %1$d","email":"%2$s-%1$d@example.edu","phone":"+1 555 %3$04d"},
         "education":{"level":"MASTER","field":"Statistics","enrolled":true,"expectedGraduation":"2027-06"},
         "experience":[{"kind":"INTERNSHIP","domain":"DATA","title":"Analytics intern","months":3}],
         "skills":["SQL","Python","Tableau"],"englishLevel":"BUSINESS",
         "availability":{"start":"2026-05-11","end":"2026-08-28"},
         "privacyPolicy":{"accepted":true,"version":"2026-01"}}
        """;
    AtomicInteger next = new AtomicInteger();
    AtomicInteger accepted = new AtomicInteger();
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>(count));
    Map<String, Boolean> ids = new ConcurrentHashMap<>();
    long t0 = System.nanoTime();
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < concurrency; c++) {
        clients.submit(
            () -> {
              int i;
              while ((i = next.getAndIncrement()) < count) {
                byte[] body = String.format(Locale.ROOT, template, i, prefix, i % 10000).getBytes(StandardCharsets.UTF_8);
                HttpRequest request =
                    HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
                long s = System.nanoTime();
                int status;
                String text = null;
                try {
                  HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                  status = response.statusCode();
                  text = response.body();
                } catch (Exception e) {
                  status = -1;
                }
                latencies.add((System.nanoTime() - s) / 1e6);
                statuses.merge(status, 1, Integer::sum);
                if (status == 201) {
                  accepted.incrementAndGet();
                  try {
                    JsonNode json = Api.json().readTree(text);
                    ids.put(json.path("applicationId").asText(), Boolean.TRUE);
                  } catch (Exception e) {
                    statuses.merge(-2, 1, Integer::sum);
                  }
                }
              }
              return null;
            });
      }
    }
    return new Burst((System.nanoTime() - t0) / 1e9, accepted, new TreeMap<>(statuses), latencies, ids);
  }

  private static long count(JdbcClient jdbc, String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  @SuppressWarnings("unchecked")
  private static void table(List<Map<String, Object>> results) {
    System.out.println();
    String format = "%-44s" + "%26s".repeat(results.size()) + "%n";
    List<Object> header = new ArrayList<>(List.of("(measured on this machine)"));
    results.forEach(r -> header.add("process starts " + (String.valueOf(r.get("processStarts")).startsWith("on") ? "on" : "off")));
    System.out.printf(Locale.ROOT, format, header.toArray());
    line(format, results, "burst (distinct candidates)", r -> String.format(Locale.ROOT, "%,d", (Integer) r.get("burst")));
    line(format, results, "accepted applications per second", r -> String.valueOf(r.get("acceptedPerSecond")));
    line(format, results, "burst took", r -> r.get("seconds") + " s");
    line(format, results, "latency p50 / p95 / p99", r -> {
      Map<String, Object> l = (Map<String, Object>) r.get("latency");
      return l.get("p50Ms") + " / " + l.get("p95Ms") + " / " + l.get("p99Ms") + " ms";
    });
    line(format, results, "latency max", r -> ((Map<String, Object>) r.get("latency")).get("maxMs") + " ms");
    line(format, results, "answers", r -> String.valueOf(r.get("statuses")));
    line(format, results, "stored applications / candidates", r -> r.get("applicationsStored") + " / " + r.get("candidatesStored"));
    line(format, results, "lost / twice / unacknowledged", r -> r.get("acknowledgedButNotStored") + " / " + r.get("candidatesWithMoreThanOneApplication") + " / " + r.get("storedButNotAcknowledged"));
    line(format, results, "instances started during the burst", r -> String.valueOf(r.get("instancesStartedDuringBurst")));
    line(format, results, "instances started by end of drain window", r -> String.valueOf(r.getOrDefault("instancesStartedWithinDrainWindow", "-")));
    line(format, results, "peak heap / RSS", r -> r.get("peakHeapMb") + " / " + r.get("peakRssMb") + " MB");
  }

  private static void line(String format, List<Map<String, Object>> results, String label, java.util.function.Function<Map<String, Object>, String> cell) {
    List<Object> cells = new ArrayList<>(List.of(label));
    results.forEach(r -> cells.add(cell.apply(r)));
    System.out.printf(Locale.ROOT, format, cells.toArray());
  }
}

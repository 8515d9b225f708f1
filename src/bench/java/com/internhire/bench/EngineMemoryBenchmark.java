package com.internhire.bench;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.process.test.engine.RocksDbEngines;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap per finished and per open application on the embedded engine: the embedded default's
 * (RocksDB state, a log that lets go of what was processed) against Zeebe Process Test's own
 * (in-memory state and log). A finished "application" is an instance through ten service tasks
 * (about the records of a short application); an open one waits at a Camunda user task.
 *
 * <pre>
 * ./mvnw -Pbench test-compile exec:exec@engine-memory-benchmark -Dbench.args="--finished=20000 --open=5000"
 * </pre>
 */
public final class EngineMemoryBenchmark {

  private EngineMemoryBenchmark() {}

  public static void main(String[] argv) throws Exception {
    BenchArgs args = new BenchArgs(argv);
    int finished = args.integer("finished", 20_000);
    int open = args.integer("open", 5_000);
    List<String> engines = List.of(args.text("engines", "rocksdb,zpt").split(","));
    System.out.printf("%-8s %12s %14s %14s %14s %14s%n", "engine", "baseline MB", "finished MB", "B/finished", "open MB", "B/open");
    for (String kind : engines) {
      Path state = Files.createTempDirectory("engine-memory");
      ZeebeTestEngine engine =
          kind.equals("zpt") ? EngineFactory.create() : RocksDbEngines.create("127.0.0.1", freePort(), state);
      engine.start();
      try (ZeebeClient client = engine.createClient()) {
        deploy(client);
        long baseline = heapAfterGc();
        AtomicLong steps = new AtomicLong();
        try (JobWorker worker =
            client.newWorker().jobType("step")
                .handler((c, job) -> {
                  c.newCompleteCommand(job).send().join();
                  steps.incrementAndGet();
                })
                .maxJobsActive(64).open()) {
          run(client, "memory-finished", finished);
          waitUntil(() -> steps.get() >= finished * 10L, Duration.ofMinutes(30));
          idle(engine);
        }
        Thread.sleep(3_000); // the log's compaction runs every second
        long afterFinished = heapAfterGc();
        run(client, "memory-open", open);
        idle(engine);
        Thread.sleep(3_000);
        long afterOpen = heapAfterGc();
        System.out.printf("%-8s %12.1f %14.1f %14.0f %14.1f %14.0f%n", kind, baseline / 1e6, afterFinished / 1e6,
            (afterFinished - baseline) / (double) finished, afterOpen / 1e6, (afterOpen - afterFinished) / (double) open);
      } finally {
        engine.stop();
      }
    }
    System.exit(0);
  }

  private static void deploy(ZeebeClient client) {
    AbstractFlowNodeBuilder<?, ?> steps = Bpmn.createExecutableProcess("memory-finished").startEvent();
    for (int i = 1; i <= 10; i++) {
      steps = steps.serviceTask("Task_Step" + i, t -> t.zeebeJobType("step"));
    }
    client.newDeployResourceCommand()
        .addProcessModel(steps.endEvent().done(), "memory-finished.bpmn")
        .addProcessModel(
            Bpmn.createExecutableProcess("memory-open").startEvent()
                .userTask("Task_Wait", t -> t.zeebeUserTask().zeebeCandidateGroups("recruiters")).endEvent().done(),
            "memory-open.bpmn")
        .send().join();
  }

  private static void run(ZeebeClient client, String processId, int count) {
    List<CompletableFuture<?>> inFlight = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      inFlight.add(client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().toCompletableFuture());
      if (inFlight.size() == 64) {
        inFlight.forEach(CompletableFuture::join);
        inFlight.clear();
      }
    }
    inFlight.forEach(CompletableFuture::join);
  }

  private static boolean idle(ZeebeTestEngine engine) {
    try {
      engine.waitForIdleState(Duration.ofMinutes(20));
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier done, Duration timeout) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < until) {
      Thread.sleep(100);
    }
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static int freePort() throws java.io.IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

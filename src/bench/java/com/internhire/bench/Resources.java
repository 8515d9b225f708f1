package com.internhire.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Samples the JVM while a run goes on: heap in use, resident set size, open applications and
 * the size of the engine's in-memory state, once a second (the series the report plots).
 */
final class Resources implements AutoCloseable {

  record Sample(double seconds, long open, long engineStateEntries, long heapUsedBytes, long rssBytes, long concluded, Map<String, Long> stages) {}

  private final List<Sample> samples = new ArrayList<>();
  private final LongSupplier open;
  private final LongSupplier concluded;
  private final LongSupplier engineState;
  private volatile java.util.function.Supplier<Map<String, Long>> stages = Map::of;
  private volatile java.util.function.Supplier<Map<String, Integer>> stateBreakdown = Map::of;
  private volatile Map<String, Integer> peakBreakdown = Map.of();
  private volatile long peakBreakdownEntries = -1;
  private volatile long peakBreakdownOpen;
  private volatile double peakBreakdownAt;
  private final long start = System.nanoTime();
  private final long[] cpuAtStart = cpuTicks();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peakHeap;
  private volatile long peakRss;

  Resources(LongSupplier open, LongSupplier concluded, LongSupplier engineState, long periodMillis) {
    this.open = open;
    this.concluded = concluded;
    this.engineState = engineState;
    resetPeakRss();
    thread =
        Thread.ofPlatform()
            .daemon()
            .name("bench-sampler")
            .start(
                () -> {
                  long fast = 0;
                  while (running) {
                    // Heap and RSS peaks are watched every 100 ms, the series kept every period.
                    peak();
                    if (fast++ % Math.max(1, periodMillis / 100) == 0) {
                      sample();
                    }
                    try {
                      Thread.sleep(100);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
  }

  private void peak() {
    long heap = heapUsed();
    if (heap > peakHeap) {
      peakHeap = heap;
    }
    long rss = rss();
    if (rss > peakRss) {
      peakRss = rss;
    }
  }

  private void sample() {
    long o;
    long c;
    long e;
    try {
      o = open.getAsLong();
      c = concluded.getAsLong();
      e = engineState.getAsLong();
    } catch (RuntimeException ex) {
      return;
    }
    synchronized (samples) {
      Map<String, Long> st;
      try {
        st = stages.get();
      } catch (RuntimeException ex) {
        st = Map.of();
      }
      samples.add(new Sample((System.nanoTime() - start) / 1e9, o, e, heapUsed(), rss(), c, st));
    }
    // The engine's state by column family when it is largest: what open applications keep.
    if (e > peakBreakdownEntries * 1.05 && e > 0) {
      try {
        Map<String, Integer> breakdown = stateBreakdown.get();
        if (!breakdown.isEmpty()) {
          peakBreakdown = breakdown;
          peakBreakdownEntries = e;
          peakBreakdownOpen = o;
          peakBreakdownAt = (System.nanoTime() - start) / 1e9;
        }
      } catch (RuntimeException ex) {
        // read again at the next sample
      }
    }
  }

  /** Reads the engine's state by column family whenever it has grown by 5% since the last read. */
  Resources stateBreakdown(java.util.function.Supplier<Map<String, Integer>> breakdown) {
    this.stateBreakdown = breakdown;
    return this;
  }

  Map<String, Integer> peakBreakdown() {
    return peakBreakdown;
  }

  long peakBreakdownOpen() {
    return peakBreakdownOpen;
  }

  double peakBreakdownAt() {
    return peakBreakdownAt;
  }

  /** Where the open applications stand, sampled with the series (the service run reads its database). */
  Resources stages(java.util.function.Supplier<Map<String, Long>> stages) {
    this.stages = stages;
    return this;
  }

  List<Sample> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  long peakHeap() {
    return Math.max(peakHeap, heapUsed());
  }

  long peakRss() {
    return Math.max(Math.max(peakRss, rss()), hwm());
  }

  long peakOpen() {
    return samples().stream().mapToLong(Sample::open).max().orElse(0);
  }

  long peakEngineState() {
    return samples().stream().mapToLong(Sample::engineStateEntries).max().orElse(0);
  }

  private double othersCpuShare = Double.NaN;
  private double ownCpuShare = Double.NaN;

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    sample();
    long[] now = cpuTicks();
    long total = now[0] - cpuAtStart[0];
    long busy = now[1] - cpuAtStart[1];
    long own = now[2] - cpuAtStart[2];
    if (total > 0) {
      ownCpuShare = (double) own / total;
      othersCpuShare = Math.max(0, (double) (busy - own) / total);
    }
  }

  /** Share of the machine's CPU time (all cores) that other processes took during the run. */
  double othersCpuShare() {
    return othersCpuShare;
  }

  /** Share of the machine's CPU time (all cores) this JVM took during the run. */
  double ownCpuShare() {
    return ownCpuShare;
  }

  /** {all ticks, busy ticks, this process's ticks} from /proc (Linux); zeros elsewhere. */
  private static long[] cpuTicks() {
    try {
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < cpu.length; i++) {
        total += Long.parseLong(cpu[i]);
      }
      long idle = Long.parseLong(cpu[4]) + (cpu.length > 5 ? Long.parseLong(cpu[5]) : 0);
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return new long[] {total, total - idle, own};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0, 0};
    }
  }

  static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Heap still in use after a full collection: what the run retains. */
  static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return heapUsed();
  }

  static long rss() {
    return status("VmRSS:");
  }

  private static long hwm() {
    return status("VmHWM:");
  }

  /** Resets VmHWM (Linux: "5" in clear_refs), so each run reports its own peak. */
  static void resetPeakRss() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException | RuntimeException e) {
      // not Linux, or not allowed: the sampled peak still holds
    }
  }

  private static long status(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  List<Map<String, Object>> seriesJson() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Sample s : samples()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("t", Math.round(s.seconds() * 10) / 10.0);
      m.put("open", s.open());
      m.put("concluded", s.concluded());
      m.put("engineStateEntries", s.engineStateEntries());
      m.put("heapMb", s.heapUsedBytes() / (1 << 20));
      m.put("rssMb", s.rssBytes() / (1 << 20));
      if (!s.stages().isEmpty()) {
        m.put("stages", s.stages());
      }
      out.add(m);
    }
    return out;
  }
}

package com.internhire.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options of the benchmarks ({@code --name=value}); options that configure the
 * service itself ({@code --spring.*}, {@code --camunda.*}, {@code --hiring.*}, {@code
 * --logging.*}, {@code --server.*}, {@code --management.*}) are passed on to it unchanged.
 */
final class BenchArgs {

  private static final List<String> SERVICE_PREFIXES =
      List.of("--spring.", "--camunda.", "--hiring.", "--logging.", "--server.", "--management.");

  private final Map<String, String> options = new LinkedHashMap<>();
  final List<String> serviceArgs = new ArrayList<>();

  BenchArgs(String[] args) {
    for (String arg : args) {
      for (String part : arg.trim().split("\\s+")) {
        if (part.isBlank()) {
          continue;
        }
        if (SERVICE_PREFIXES.stream().anyMatch(part::startsWith)) {
          serviceArgs.add(part);
        } else if (part.startsWith("--")) {
          int eq = part.indexOf('=');
          options.put(eq < 0 ? part.substring(2) : part.substring(2, eq), eq < 0 ? "true" : part.substring(eq + 1));
        } else {
          throw new IllegalArgumentException("Unknown argument " + part + " (use --name=value)");
        }
      }
    }
  }

  int integer(String name, int fallback) {
    return options.containsKey(name) ? Integer.parseInt(options.get(name).replace("_", "")) : fallback;
  }

  long longValue(String name, long fallback) {
    return options.containsKey(name) ? Long.parseLong(options.get(name).replace("_", "")) : fallback;
  }

  double decimal(String name, double fallback) {
    return options.containsKey(name) ? Double.parseDouble(options.get(name)) : fallback;
  }

  String text(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  boolean flag(String name, boolean fallback) {
    return options.containsKey(name) ? Boolean.parseBoolean(options.get(name)) : fallback;
  }

  Duration seconds(String name, long fallback) {
    return Duration.ofSeconds(longValue(name, fallback));
  }

  Map<String, String> all() {
    return Map.copyOf(options);
  }

  /** Where and on what the figures were measured. */
  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("measuredAt", Instant.now().toString());
    m.put("cpus", Runtime.getRuntime().availableProcessors());
    m.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1 << 20));
    m.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("loadAverageAtStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    try {
      String model =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .findFirst()
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .orElse("?");
      m.put("cpuModel", model);
      m.put(
          "memoryGb",
          Files.readAllLines(Path.of("/proc/meminfo")).stream()
                  .filter(l -> l.startsWith("MemTotal"))
                  .findFirst()
                  .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024)
                  .orElse(0L));
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return m;
  }

  static void write(Path file, Object json) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
  }

  static String mb(long bytes) {
    return String.format("%,d MB", bytes / (1 << 20));
  }

  /**
   * Ends the JVM: the embedded engines' actor threads are not daemons, so a plain return would
   * hang. A flight recording started with -XX:StartFlightRecording is written first.
   */
  static void exit(int code) {
    try {
      for (jdk.jfr.Recording recording : jdk.jfr.FlightRecorder.getFlightRecorder().getRecordings()) {
        if (recording.getDestination() != null) {
          recording.stop();
          System.out.println("[bench] flight recording written to " + recording.getDestination());
        }
      }
    } catch (RuntimeException | Error e) {
      // no recorder
    }
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(code);
  }
}

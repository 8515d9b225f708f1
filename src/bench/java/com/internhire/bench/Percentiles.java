package com.internhire.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Latency percentiles of a sample, in milliseconds (nearest-rank). */
record Percentiles(int count, double p50, double p95, double p99, double max, double mean) {

  static Percentiles ofMillis(List<Double> millis) {
    if (millis.isEmpty()) {
      return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Percentiles(
        sorted.length,
        rank(sorted, 0.50),
        rank(sorted, 0.95),
        rank(sorted, 0.99),
        sorted[sorted.length - 1],
        Arrays.stream(sorted).average().orElse(Double.NaN));
  }

  private static double rank(double[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", count);
    m.put("p50Ms", round(p50));
    m.put("p95Ms", round(p95));
    m.put("p99Ms", round(p99));
    m.put("maxMs", round(max));
    m.put("meanMs", round(mean));
    return m;
  }

  static Object round(double v) {
    return Double.isNaN(v) ? null : Math.round(v * 10) / 10.0;
  }

  @Override
  public String toString() {
    return count == 0 ? "n/a" : String.format("%.0f / %.0f / %.0f ms", p50, p95, p99);
  }
}

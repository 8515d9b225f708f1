package com.internhire.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one season run measured (the service run or the engine-limit run). */
final class SeasonRun {

  String name;
  int applications;
  double submitSeconds;
  double endToEndSeconds;
  Percentiles submissionToReview;
  Percentiles submissionAck;
  double happyJobs = Double.NaN;
  double happyRecords = Double.NaN;
  double avgJobs;
  double avgRecords;
  double unattributedRecordsPerApplication;
  long jobRetriesOrTimeouts;
  Map<String, Integer> happyJobTypes = new TreeMap<>();
  long peakHeapBytes;
  long heapAfterGcBytes;
  long peakRssBytes;
  long peakOpen;
  long peakEngineState;
  Map<String, Integer> engineStateWhileOpen = new TreeMap<>();
  long engineStateWhileOpenApplications;
  List<Map<String, Object>> series = List.of();
  Map<String, Long> outcomes = new TreeMap<>();
  Map<String, Object> notes = new LinkedHashMap<>();
  boolean complete;
  double clockAdvancedAtSeconds = Double.NaN;
  double othersCpuShare = Double.NaN;
  double ownCpuShare = Double.NaN;

  /**
   * The engine's work per application, read from its record log: on average over all
   * applications, and on the happy path over the roots of applications that took it.
   */
  void costs(EngineProbe.Costs costs, Collection<Long> happyRoots) {
    avgJobs = (double) costs.totalJobs / applications;
    avgRecords = (double) costs.totalRecords / applications;
    unattributedRecordsPerApplication = (double) costs.unattributedRecords / applications;
    jobRetriesOrTimeouts = costs.jobRetriesOrTimeouts;
    List<Long> jobs = new ArrayList<>();
    List<Long> records = new ArrayList<>();
    for (long root : happyRoots) {
      jobs.add(costs.jobsByRoot.getOrDefault(root, 0L));
      records.add(costs.recordsByRoot.getOrDefault(root, 0L));
      if (happyJobTypes.isEmpty()) {
        happyJobTypes.putAll(costs.jobTypesByRoot.getOrDefault(root, Map.of()));
      }
    }
    happyJobs = jobs.stream().mapToLong(Long::longValue).average().orElse(Double.NaN);
    happyRecords = records.stream().mapToLong(Long::longValue).average().orElse(Double.NaN);
    notes.put("happyPathApplicationsMeasured", jobs.size());
    notes.put("happyPathJobsMinMax", jobs.isEmpty() ? List.of() : List.of(
        jobs.stream().mapToLong(Long::longValue).min().getAsLong(),
        jobs.stream().mapToLong(Long::longValue).max().getAsLong()));
    notes.put("engineRecordsByValueType", costs.recordsByValueType);
  }

  /** Peaks, CPU shares and the series sampled while the season ran. */
  void sampled(Resources resources) {
    peakHeapBytes = resources.peakHeap();
    engineStateWhileOpen = resources.peakBreakdown();
    engineStateWhileOpenApplications = resources.peakBreakdownOpen();
    othersCpuShare = resources.othersCpuShare();
    ownCpuShare = resources.ownCpuShare();
    peakRssBytes = resources.peakRss();
    peakOpen = resources.peakOpen();
    peakEngineState = resources.peakEngineState();
    series = resources.seriesJson();
  }

  double applicationsPerSecond() {
    return applications / endToEndSeconds;
  }

  Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run", name);
    m.put("applications", applications);
    m.put("complete", complete);
    m.put("submitSeconds", round(submitSeconds));
    m.put("endToEndSeconds", round(endToEndSeconds));
    m.put("applicationsPerSecondEndToEnd", round(applicationsPerSecond()));
    m.put("submissionToReviewTaskVisible", submissionToReview == null ? null : submissionToReview.json());
    if (submissionAck != null) {
      m.put("submissionAcknowledged", submissionAck.json());
    }
    m.put("jobsPerApplicationHappyPath", round(happyJobs));
    m.put("jobsPerApplicationAverage", round(avgJobs));
    m.put("engineRecordsPerApplicationHappyPath", round(happyRecords));
    m.put("engineRecordsPerApplicationAverage", round(avgRecords));
    m.put("engineRecordsNotAttributedPerApplication", round(unattributedRecordsPerApplication));
    m.put("jobRetriesOrTimeouts", jobRetriesOrTimeouts);
    m.put("happyPathJobs", happyJobTypes);
    m.put("peakHeapMb", peakHeapBytes / (1 << 20));
    m.put("heapAfterGcMb", heapAfterGcBytes / (1 << 20));
    m.put("peakRssMb", peakRssBytes / (1 << 20));
    m.put("peakOpenApplications", peakOpen);
    m.put("peakEngineStateEntries", peakEngineState);
    m.put("engineStateSnapshotOpenApplications", engineStateWhileOpenApplications);
    m.put("engineStateSnapshotByColumnFamily", engineStateWhileOpen);
    m.put("clockAdvancedAtSeconds", round(clockAdvancedAtSeconds));
    m.put("cpuShareOfThisJvm", round(ownCpuShare));
    m.put("cpuShareOfOtherProcesses", round(othersCpuShare));
    m.put("outcomes", outcomes);
    m.put("notes", notes);
    m.put("openApplicationsOverTime", series);
    return m;
  }

  static Object round(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : Math.round(v * 100) / 100.0;
  }
}

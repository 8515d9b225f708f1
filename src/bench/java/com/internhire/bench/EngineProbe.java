package com.internhire.bench;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRelated;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableDocumentRecordValue;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What the embedded engine holds and writes: the number of entries in its in-memory state (the
 * thing every prefix scan copies) and, from its record log, the records and jobs each
 * application cost. Reads Zeebe Process Test internals ({@code InMemoryEngine.database} →
 * {@code InMemoryDb.database}); measured on 8.8.21.
 */
final class EngineProbe {

  private final ZeebeTestEngine engine;
  private final NavigableMap<?, ?> state;

  EngineProbe(ZeebeTestEngine engine) {
    this.engine = engine;
    NavigableMap<?, ?> found = null;
    try {
      Object db = field(engine, "database");
      found = (NavigableMap<?, ?>) field(db, "database");
    } catch (ReflectiveOperationException | RuntimeException e) {
      System.err.println("[bench] engine state size not readable on this engine version: " + e);
    }
    state = found;
  }

  /** Entries in the engine's in-memory state (all column families). */
  long stateEntries() {
    return state == null ? -1 : state.size();
  }

  /** Entries per column family: what an open application keeps in the engine. */
  Map<String, Integer> stateByColumnFamily() {
    Map<String, Integer> out = new TreeMap<>();
    if (state == null) {
      return out;
    }
    Map<Long, String> names = new HashMap<>();
    for (ZbColumnFamilies cf : ZbColumnFamilies.values()) {
      names.put((long) cf.getValue(), cf.name());
    }
    Object[] keys = null;
    for (int attempt = 0; keys == null && attempt < 20; attempt++) {
      try {
        keys = state.keySet().toArray();
      } catch (java.util.ConcurrentModificationException e) {
        // the engine wrote meanwhile; read again
      }
    }
    if (keys == null) {
      return out;
    }
    for (Object key : keys) {
      try {
        byte[] bytes = (byte[]) field(key, "byteArray");
        long cf = ByteBuffer.wrap(bytes, 0, Long.BYTES).getLong();
        out.merge(names.getOrDefault(cf, "CF_" + cf), 1, Integer::sum);
      } catch (ReflectiveOperationException e) {
        out.merge("?", 1, Integer::sum);
      }
    }
    return out;
  }

  /** The engine's work per application, read from its record log. */
  static final class Costs {
    long totalRecords;
    long unattributedRecords;
    long totalJobs;
    final Map<Long, Long> recordsByRoot = new HashMap<>();
    final Map<Long, Long> jobsByRoot = new HashMap<>();
    final Map<Long, Map<String, Integer>> jobTypesByRoot = new HashMap<>();
    final Map<String, Long> recordsByValueType = new TreeMap<>();
    long jobRetriesOrTimeouts;
  }

  /**
   * Reads every record and attributes it to the root process instance of an application:
   * directly (process instance key), through the entity it is about (job, element instance,
   * user task), or for messages through the correlation key (the application id).
   */
  Costs costs(Map<String, Long> rootByApplicationId) {
    Map<Long, Long> parentOf = new HashMap<>();
    Map<Long, Long> rootOfKey = new HashMap<>();
    Iterable<Record<?>> records = RecordStream.of(engine.getRecordStreamSource()).records();
    for (Record<?> r : records) {
      if (r.getValueType() == ValueType.PROCESS_INSTANCE
          && r.getValue() instanceof ProcessInstanceRecordValue pi
          && pi.getBpmnElementType() == BpmnElementType.PROCESS
          && pi.getParentProcessInstanceKey() > 0) {
        parentOf.put(pi.getProcessInstanceKey(), pi.getParentProcessInstanceKey());
      }
    }
    Costs costs = new Costs();
    // First pass: records that name their process instance; remember the entities they are about.
    for (Record<?> r : records) {
      long pik = r.getValue() instanceof ProcessInstanceRelated p ? p.getProcessInstanceKey() : -1;
      if (pik > 0) {
        long root = root(pik, parentOf);
        if (r.getKey() > 0) {
          rootOfKey.putIfAbsent(r.getKey(), root);
        }
        if (r.getValue() instanceof UserTaskRecordValue ut && ut.getUserTaskKey() > 0) {
          rootOfKey.putIfAbsent(ut.getUserTaskKey(), root);
        }
      }
    }
    for (Record<?> r : records) {
      costs.totalRecords++;
      costs.recordsByValueType.merge(r.getValueType().name(), 1L, Long::sum);
      long root = attribute(r, parentOf, rootOfKey, rootByApplicationId);
      if (root <= 0) {
        costs.unattributedRecords++;
      } else {
        costs.recordsByRoot.merge(root, 1L, Long::sum);
      }
      if (r.getValueType() == ValueType.JOB && r.getRecordType() == RecordType.EVENT) {
        if (r.getIntent() == JobIntent.CREATED) {
          costs.totalJobs++;
          if (root > 0) {
            costs.jobsByRoot.merge(root, 1L, Long::sum);
            JobRecordValue job = (JobRecordValue) r.getValue();
            String type = job.getType() + " @ " + job.getElementId();
            costs.jobTypesByRoot.computeIfAbsent(root, k -> new TreeMap<>()).merge(type, 1, Integer::sum);
          }
        } else if (r.getIntent() == JobIntent.TIMED_OUT || r.getIntent() == JobIntent.FAILED
            || r.getIntent() == JobIntent.YIELDED) {
          costs.jobRetriesOrTimeouts++;
        }
      }
    }
    return costs;
  }

  private static long attribute(
      Record<?> r, Map<Long, Long> parentOf, Map<Long, Long> rootOfKey, Map<String, Long> rootByApplicationId) {
    Object value = r.getValue();
    if (value instanceof ProcessInstanceRelated p && p.getProcessInstanceKey() > 0) {
      return root(p.getProcessInstanceKey(), parentOf);
    }
    if (value instanceof MessageRecordValue m) {
      Long root = rootByApplicationId.get(m.getCorrelationKey());
      return root == null ? -1 : root;
    }
    if (value instanceof UserTaskRecordValue ut && rootOfKey.containsKey(ut.getUserTaskKey())) {
      return rootOfKey.get(ut.getUserTaskKey());
    }
    if (value instanceof VariableDocumentRecordValue vd && rootOfKey.containsKey(vd.getScopeKey())) {
      return rootOfKey.get(vd.getScopeKey());
    }
    Long byKey = r.getKey() > 0 ? rootOfKey.get(r.getKey()) : null;
    return byKey == null ? -1 : byKey;
  }

  private static long root(long pik, Map<Long, Long> parentOf) {
    long current = pik;
    for (int i = 0; i < 10 && parentOf.containsKey(current); i++) {
      current = parentOf.get(current);
    }
    return current;
  }

  private static Object field(Object target, String name) throws ReflectiveOperationException {
    Class<?> type = target.getClass();
    while (type != null) {
      try {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
      } catch (NoSuchFieldException e) {
        type = type.getSuperclass();
      }
    }
    throw new NoSuchFieldException(name);
  }
}

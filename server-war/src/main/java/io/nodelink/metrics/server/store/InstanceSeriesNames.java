package io.nodelink.metrics.server.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The series names {@code <group>.<instance>.<field>} of one group's per-instance fields, built
 * once per instance name and shared by every agent (most hosts call their disks and interfaces the
 * same few names). Building them for each snapshot was a regex match and a string concatenation per
 * value. At most {@code maxInstances} names are remembered, so an agent inventing names cannot grow
 * the cache without bound; names beyond that are built each time.
 */
final class InstanceSeriesNames {

  private final String group;
  private final String[] fields;
  private final int maxInstances;
  private final Map<String, String[]> byInstance = new ConcurrentHashMap<>();

  InstanceSeriesNames(String group, int maxInstances, String... fields) {
    this.group = group;
    this.fields = fields.clone();
    this.maxInstances = maxInstances;
  }

  int fieldCount() {
    return fields.length;
  }

  /** The names of every field of {@code rawInstance}, in the order of the fields given. */
  String[] of(String rawInstance) {
    String[] names = byInstance.get(rawInstance);
    if (names != null) {
      return names;
    }
    names = build(SeriesExtractor.instance(rawInstance));
    if (byInstance.size() < maxInstances) {
      byInstance.putIfAbsent(rawInstance, names);
    }
    return names;
  }

  private String[] build(String safeInstance) {
    String[] names = new String[fields.length];
    for (int i = 0; i < fields.length; i++) {
      names[i] = group + "." + safeInstance + "." + fields[i];
    }
    return names;
  }
}

package io.nodelink.metrics.history;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of one snapshot at one timestamp: series names and values in order, held in plain
 * arrays. Ingestion builds one per snapshot; arrays instead of a {@code Map<String, Double>} save a
 * boxed value and a map entry per value, which at thousands of snapshots a second is most of the
 * garbage the server makes. Not thread-safe; names must be distinct.
 */
public final class SeriesBatch {

  private String[] names;
  private double[] values;
  private int size;

  public SeriesBatch() {
    this(64);
  }

  public SeriesBatch(int expectedSize) {
    names = new String[Math.max(1, expectedSize)];
    values = new double[names.length];
  }

  /** Adds a value; the caller keeps names distinct. */
  public void add(String name, double value) {
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    names[size] = name;
    values[size] = value;
    size++;
  }

  public int size() {
    return size;
  }

  public String name(int index) {
    return names[index];
  }

  public double value(int index) {
    return values[index];
  }

  /** A copy of the names, in batch order. */
  public String[] namesCopy() {
    return Arrays.copyOf(names, size);
  }

  /** A copy of the values, in batch order. */
  public double[] valuesCopy() {
    return Arrays.copyOf(values, size);
  }

  /** Whether this batch has exactly the names of {@code other}, in the same order. */
  public boolean sameNamesAs(SeriesBatch other) {
    return other != null && Arrays.equals(names, 0, size, other.names, 0, other.size);
  }

  /** A copy as a map in batch order, for tests and diagnostics. */
  public Map<String, Double> toMap() {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      map.put(names[i], values[i]);
    }
    return map;
  }

  /** A batch holding the entries of {@code map}, in its iteration order. */
  public static SeriesBatch of(Map<String, Double> map) {
    SeriesBatch batch = new SeriesBatch(map.size());
    map.forEach(batch::add);
    return batch;
  }
}

package io.nodelink.metrics.bench.load;

/**
 * Reads an SSE stream line by line and picks, from each {@code metrics} event, the two fields the
 * benchmark needs: {@code agent_id} and {@code timestamp}. A full JSON parse of every event would
 * spend the CPU the server is being measured with; both fields are top-level and unique in a
 * MetricsSnapshot (docs/rest-api.md), so a scan for their keys is exact.
 */
final class SnapshotEvents {

  /** What a {@code metrics} event carried. */
  record Snapshot(String agentId, long timestamp) {}

  private String event = "message";

  /**
   * Feeds one line (without its terminator).
   *
   * @return the snapshot when the line is the data of a {@code metrics} event, else null
   */
  Snapshot line(String line) {
    if (line.isEmpty()) {
      event = "message"; // end of an event
      return null;
    }
    if (line.startsWith("event:")) {
      event = line.substring("event:".length()).strip();
      return null;
    }
    if (line.startsWith("data:") && event.equals("metrics")) {
      return parse(line);
    }
    return null;
  }

  /** The agent id and timestamp of a {@code data:} line holding a MetricsSnapshot. */
  static Snapshot parse(String data) {
    String id = stringField(data, "\"agent_id\":");
    long ts = longField(data, "\"timestamp\":");
    return id == null || ts < 0 ? null : new Snapshot(id, ts);
  }

  private static String stringField(String json, String key) {
    int at = json.indexOf(key);
    if (at < 0) {
      return null;
    }
    int open = json.indexOf('"', at + key.length());
    int close = open < 0 ? -1 : json.indexOf('"', open + 1);
    return close < 0 ? null : json.substring(open + 1, close);
  }

  private static long longField(String json, String key) {
    int at = json.indexOf(key);
    if (at < 0) {
      return -1;
    }
    int i = at + key.length();
    while (i < json.length() && json.charAt(i) == ' ') {
      i++;
    }
    long value = 0;
    int digits = 0;
    for (; i < json.length() && Character.isDigit(json.charAt(i)); i++, digits++) {
      value = value * 10 + (json.charAt(i) - '0');
    }
    return digits == 0 ? -1 : value;
  }
}

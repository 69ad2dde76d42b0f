package it.server.durable;

import com.fasterxml.jackson.databind.JsonNode;
import it.support.Contract;
import it.support.liberty.LibertyInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw ({@code interval=0}) history of one agent over a range, as {@code GET
 * /agents/{id}/metrics/history} answers it: every series, or the ones named.
 */
record RawHistory(JsonNode points) {

  /** Every series of {@code agentId} from {@code from} to {@code to} (Unix seconds, inclusive). */
  static RawHistory read(LibertyInstance server, String agentId, long from, long to) {
    return read(server, agentId, "", from, to);
  }

  /** The series in {@code metrics} (comma list, empty = every series). */
  static RawHistory read(
      LibertyInstance server, String agentId, String metrics, long from, long to) {
    JsonNode history =
        Contract.assertOk(
            server.get(
                "/agents/"
                    + agentId
                    + "/metrics/history?interval=0&max_points=10000&start="
                    + from
                    + "&end="
                    + to
                    + "&metrics="
                    + metrics));
    return new RawHistory(history.path("data_points"));
  }

  List<Long> timestamps() {
    List<Long> out = new ArrayList<>();
    points.forEach(p -> out.add(p.path("timestamp").asLong()));
    return out;
  }

  int size() {
    return points.size();
  }

  long first() {
    return points.get(0).path("timestamp").asLong();
  }

  long last() {
    return points.get(points.size() - 1).path("timestamp").asLong();
  }

  /** The widest step between neighbouring points (MAX_VALUE with fewer than two). */
  long maxGap() {
    return Seconds.maxGap(timestamps());
  }

  @Override
  public String toString() {
    return timestamps().toString();
  }
}

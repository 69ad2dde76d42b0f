package io.nodelink.metrics.server.store;

import io.nodelink.metrics.pb.SystemInfoResponse;
import java.util.Map;

/**
 * Where the {@link MetricsStore} keeps each agent's latest system info across restarts. Saves and
 * deletes are queued and applied later; a load runs at once.
 */
public interface SystemInfoRepository {

  /** Keeps nothing (unit tests that only look at the store). */
  SystemInfoRepository NONE =
      new SystemInfoRepository() {
        @Override
        public void save(String agentId, SystemInfoResponse info) {}

        @Override
        public void delete(String agentId) {}

        @Override
        public Map<String, SystemInfoResponse> loadAll() {
          return Map.of();
        }
      };

  void save(String agentId, SystemInfoResponse info);

  void delete(String agentId);

  /**
   * Every stored system info by agent id.
   *
   * @throws IllegalStateException if the store cannot be read
   */
  Map<String, SystemInfoResponse> loadAll();
}

#!/usr/bin/env bash
# Builds the history benchmarks (profile bench, outside the default build) and runs them:
# footprint (bytes per value) and JMH append throughput and query latency, compact store
# against SimpleHistoryStore, then prints a summary table.
#   bench/history-bench/run.sh            # short runs: 3 warmups x 2 s, 5 x 2 s, 1 fork
#   bench/history-bench/run.sh --quick    # 1 warmup x 1 s, 2 x 1 s (smoke test)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -B -q -Pbench -pl bench/history-bench -am -DskipTests package
exec java -Xmx3g -jar bench/history-bench/target/history-bench.jar "$@"

#!/usr/bin/env bash
# Builds the TSDB comparison (profile bench, outside the default build) and runs it: one synthetic
# fleet stored by the durable history store (H2) and pushed by the server's remote-write sender to
# Debian's Prometheus and VictoriaMetrics (started on loopback ports 48200/48201); bytes per sample
# on disk and remote-write throughput in one table. Scratch data in
# bench/tsdb-compare/target/tsdb-compare-data (deleted after).
#   bench/tsdb-compare/run.sh                          # 1,000 agents x 1 h (144 M samples per store)
#   bench/tsdb-compare/run.sh --agents 100 --hours 1   # a quicker run
#   bench/tsdb-compare/run.sh --help                   # the options
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -B -q -Pbench -pl bench/tsdb-compare -am -DskipTests package
cd bench/tsdb-compare
exec java -Xmx4g -cp "target/classes:$(cat target/classpath.txt)" \
  io.nodelink.metrics.bench.tsdb.TsdbCompare "$@"

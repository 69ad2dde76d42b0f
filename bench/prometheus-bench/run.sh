#!/usr/bin/env bash
# Builds the Prometheus benchmarks (profile bench, outside the default build) and runs them with
# JMH: one scrape of a 5,000-agent fleet (text and OpenMetrics), the conversion of one snapshot,
# and one remote-write request body. Extra arguments go to JMH, e.g. -p agents=1000 or -f 0.
#   bench/prometheus-bench/run.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -B -q -Pbench -pl bench/prometheus-bench -am -DskipTests package
echo "# $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -jar bench/prometheus-bench/target/prometheus-bench.jar "$@"

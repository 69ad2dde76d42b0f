#!/usr/bin/env bash
# What a Liberty start of the NodeLink server costs with the JVM's default JIT and with the C1
# compiler alone (-XX:TieredStopAtLevel=1, what the durable ITs' Liberty instances use): seconds
# from `server start` to /health/ready and the CPU the server process used by then. Starts a copy
# of the build's server (ear/target/liberty, made by ./mvnw -pl ear -am package or any verify) on
# ports 28080/29080/29090, RUNS times per setting, and removes it at the end.
#
#   bench/liberty-start.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${1:-1}
server_dir=ear/target/liberty/wlp/usr/servers/nodelink
log_dir=target/liberty-start
mkdir -p "$log_dir"
say() { printf '[liberty-start] %s\n' "$*"; }
# shellcheck source=../bin/lib/cluster.sh
source bin/lib/cluster.sh
[ -d "$server_dir" ] || { echo "no build server in $server_dir: run ./mvnw -pl ear -am package first" >&2; exit 1; }
trap '"$wlp/bin/server" stop startbench >/dev/null 2>&1 || true; rm -rf "$wlp/usr/servers/startbench"' EXIT
create_second_server startbench HTTP_PORT=28080 ADMIN_PORT=29080 HTTPS_PORT=-1 ADMIN_HTTPS_PORT=-1 \
  NODELINK_GRPC_PORT=29090 "NODELINK_DB_URL=jdbc:h2:file:$root/$log_dir/db;DB_CLOSE_ON_EXIT=FALSE"
say "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for opts in "" "-XX:TieredStopAtLevel=1"; do
  for run in $(seq 1 "$runs"); do
    rm -rf "$wlp/usr/servers/startbench/logs" "$wlp/usr/servers/startbench/workarea"
    start=$(date +%s.%N)
    JVM_ARGS="$opts" "$wlp/bin/server" start startbench >"$log_dir/start.log" 2>&1
    for _ in $(seq 1 1500); do
      curl -fs http://127.0.0.1:29080/health/ready >/dev/null 2>&1 && break
      sleep 0.2
    done
    curl -fs http://127.0.0.1:29080/health/ready >/dev/null 2>&1 \
      || { echo "not ready after 300 s: $wlp/usr/servers/startbench/logs/messages.log" >&2; exit 1; }
    ready=$(date +%s.%N)
    pid=$(cat "$wlp/usr/servers/.pid/startbench.pid")
    ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    printf '[liberty-start] JIT %-26s run %s: ready in %5.1f s, %5.1f CPU-s\n' \
      "${opts:-default (C1+C2)}" "$run" "$(echo "$ready - $start" | bc)" \
      "$(echo "scale=1; $ticks / $(getconf CLK_TCK)" | bc)"
    "$wlp/bin/server" stop startbench >/dev/null 2>&1
  done
done

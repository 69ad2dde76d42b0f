#!/usr/bin/env bash
# Overhead of the NodeLink agent at a 1 s interval, next to Debian's prometheus-node-exporter
# scraped every second, over the same window on the same machine.
#
#   bench/agent-overhead.sh [seconds] [warmup] (defaults 60 and 30; builds the jar if missing)
#
# Prints, for each: CPU % of one core over the window, CPU ms per sample/scrape, peak RSS
# (VmHWM, whole life) and the largest RSS seen during the window; then the ratios.
# Everything listens on 127.0.0.1 and is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
WINDOW=${1:-60}
WARMUP=${2:-30}
JAR=agent-jar/target/nodelink-agent.jar
# The sink is the test kit's fake agent server (never shipped in the agent jar).
SINK_JAR=testkit/target/nodelink-testkit.jar
SINK_CP=testkit/target/classpath.txt
HZ=$(getconf CLK_TCK)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

if [ ! -f "$JAR" ] || [ ! -f "$SINK_JAR" ] || [ ! -f "$SINK_CP" ]; then
  ./mvnw -B -q -pl testkit,agent-jar -am package -DskipTests
fi
if ! command -v prometheus-node-exporter >/dev/null; then
  echo "installing prometheus-node-exporter (apt-get)..." >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus-node-exporter >/dev/null
fi

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
hwm_kib() { awk '/VmHWM/{print $2}' "/proc/$1/status"; }
rss_kib() { awk '/VmRSS/{print $2}' "/proc/$1/status"; }

# measure PID LABEL COUNT_CMD: samples CPU ticks and RSS over the window; COUNT_CMD prints a
# counter (samples received or scrapes done) before and after.
measure() {
  local pid=$1 label=$2 count_cmd=$3 c0 n0 c1 n1 t0 t1 max=0 r
  c0=$(cpu_ticks "$pid"); n0=$($count_cmd); t0=$(date +%s.%N)
  for ((i = 0; i < WINDOW; i++)); do
    sleep 1
    [ -n "${SCRAPE_URL:-}" ] && curl -s -o /dev/null "$SCRAPE_URL" && SCRAPES=$((SCRAPES + 1)) && echo "$SCRAPES" > "$SCRAPE_FILE"
    r=$(rss_kib "$pid"); ((r > max)) && max=$r
  done
  c1=$(cpu_ticks "$pid"); n1=$($count_cmd); t1=$(date +%s.%N)
  local ticks=$((c1 - c0)) n=$((n1 - n0))
  python3 - "$label" "$ticks" "$HZ" "$(python3 -c "print($t1 - $t0)")" "$n" "$(hwm_kib "$pid")" "$max" <<'PY'
import sys
label = sys.argv[1]
ticks, hz = int(sys.argv[2]), int(sys.argv[3])
window = float(sys.argv[4])
n, hwm, mx = map(int, sys.argv[5:])
cpu_s = ticks / hz
print(f"{label:<37} cpu {100*cpu_s/window:6.3f} % of a core | {1000*cpu_s/max(n,1):7.2f} ms per sample "
      f"({n} samples) | peak RSS {hwm/1024:6.1f} MiB | max RSS in window {mx/1024:6.1f} MiB")
print(f"RESULT {label} {100*cpu_s/window:.4f} {1000*cpu_s/max(n,1):.4f} {hwm/1024:.1f} {mx/1024:.1f}")
PY
}

# --- the agent, streaming every second to the test kit's sink ----------------------------------
SINK_PORT=$(free_port)
SINK_LOG=$(mktemp)
java -Xmx64m -XX:+UseSerialGC -cp "$SINK_JAR:$(cat "$SINK_CP")" io.nodelink.metrics.testkit.server.SinkCommand \
  --port "$SINK_PORT" --interval 1 --report 1 2>"$SINK_LOG" &
PIDS+=($!)
sleep 2
bin/agent --server "127.0.0.1:$SINK_PORT" --agent-id bench --agent-token bench --config /dev/null \
  2>"$(mktemp)" &
AGENT=$!
PIDS+=($AGENT)
for _ in $(seq 1 60); do grep -q "snapshots received" "$SINK_LOG" && [ "$(grep -o '[0-9]* snapshots' "$SINK_LOG" | tail -1 | cut -d' ' -f1)" -gt 3 ] && break; sleep 1; done
sleep "$WARMUP" # let the JIT and the heap settle (C1 keeps compiling for minutes at 1 sample/s)
received() { grep -o '[0-9]* snapshots' "$SINK_LOG" | tail -1 | cut -d' ' -f1; }
echo "measuring for ${WINDOW}s..." >&2
AGENT_LINE=$(measure "$AGENT" "nodelink-agent (1 s, all groups)" received)
kill "$AGENT"; wait "$AGENT" 2>/dev/null || true

# --- node_exporter, scraped every second ----------------------------------------------------------
run_node_exporter() {
  local label=$1; shift
  local port; port=$(free_port)
  prometheus-node-exporter --web.listen-address="127.0.0.1:$port" "$@" >/dev/null 2>&1 &
  local ne=$!
  PIDS+=($ne)
  for _ in $(seq 1 30); do curl -s -o /dev/null "http://127.0.0.1:$port/metrics" && break; sleep 0.5; done
  SCRAPE_URL="http://127.0.0.1:$port/metrics"; SCRAPES=0; SCRAPE_FILE=$(mktemp); echo 0 > "$SCRAPE_FILE"
  for _ in $(seq 1 "$WARMUP"); do curl -s -o /dev/null "$SCRAPE_URL"; sleep 1; done # same warm-up
  scrapes() { cat "$SCRAPE_FILE"; }
  measure "$ne" "$label" scrapes
  unset SCRAPE_URL
  kill "$ne"; wait "$ne" 2>/dev/null || true
}
NE_LINE=$(run_node_exporter "node_exporter (defaults, 1 s scrape)")
NE_MIN_LINE=$(run_node_exporter "node_exporter (same groups, 1 s)" \
  --collector.disable-defaults --collector.cpu --collector.meminfo --collector.diskstats \
  --collector.filesystem --collector.netdev --collector.loadavg --collector.stat)

echo
echo "== overhead over ${WINDOW}s after ${WARMUP}s warm-up, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) =="
for l in "$AGENT_LINE" "$NE_LINE" "$NE_MIN_LINE"; do echo "$l" | grep -v '^RESULT'; done
python3 - "$AGENT_LINE" "$NE_LINE" "$NE_MIN_LINE" <<'PY'
import sys
def parse(block):
    for line in block.splitlines():
        if line.startswith("RESULT"):
            *_, cpu, per, hwm, mx = line.split()
            return float(cpu), float(per), float(hwm), float(mx)
a, n, m = (parse(b) for b in sys.argv[1:])
print(f"ratio agent/node_exporter(defaults):    cpu {a[0]/n[0]:.2f}x, per sample {a[1]/n[1]:.2f}x, peak RSS {a[2]/n[2]:.2f}x")
print(f"ratio agent/node_exporter(same groups): cpu {a[0]/m[0]:.2f}x, per sample {a[1]/m[1]:.2f}x, peak RSS {a[2]/m[2]:.2f}x")
print(f"goals: agent < 1 % of a core: {'met' if a[0] < 1 else 'NOT met'}; RSS < 64 MiB: {'met' if a[2] < 64 else 'NOT met'}; "
      f"per sample <= node_exporter per scrape: defaults {'met' if a[1] <= n[1] else 'NOT met'}, "
      f"same groups {'met' if a[1] <= m[1] else 'NOT met'}")
PY

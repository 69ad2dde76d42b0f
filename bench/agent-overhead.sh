#!/usr/bin/env bash
# Overhead of the NodeLink agent at a 1 s interval, next to Debian's prometheus-node-exporter
# scraped every second (with its default collectors, and with only the agent's groups), all
# running at once and measured over the same window on the same machine.
#
#   bench/agent-overhead.sh [seconds] [warmup] (defaults 60 and 30; builds the jar if missing)
#
# NODELINK_BENCH_BASELINE_JAR=path runs a second agent from that jar (same launcher and flags,
# its own sink) in the same window, e.g. the jar of the commit before a change.
#
# Prints, for each: CPU % of one core over the window, CPU ms per sample/scrape, peak RSS
# (VmHWM, whole life) and the largest RSS seen during the window; then the ratios.
# Everything listens on 127.0.0.1 and is stopped at the end.
#
# Why at once rather than one after the other: on a shared machine the cost of the same work
# moves by more than the differences being measured from one minute to the next (cache and
# scheduler pressure from other jobs), and it moves for all of them alike within one window.
set -euo pipefail
cd "$(dirname "$0")/.."
WINDOW=${1:-60}
WARMUP=${2:-30}
JAR=agent-jar/target/nodelink-agent.jar
BASELINE_JAR=${NODELINK_BENCH_BASELINE_JAR:-}
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

# --- agents, streaming every second, each to its own sink (the test kit's SinkCommand) ----------
LABELS=() PROCS=() COUNTERS=()
start_agent() { # label jar
  local port log
  port=$(free_port)
  log=$(mktemp)
  java -Xmx64m -XX:+UseSerialGC -cp "$SINK_JAR:$(cat "$SINK_CP")" io.nodelink.metrics.testkit.server.SinkCommand \
    --port "$port" --interval 1 --report 1 2>"$log" &
  PIDS+=($!)
  sleep 2
  NODELINK_AGENT_JAR=$2 bin/agent --server "127.0.0.1:$port" --agent-id bench --agent-token bench \
    --config /dev/null 2>"$(mktemp)" &
  PIDS+=($!)
  LABELS+=("$1") PROCS+=($!) COUNTERS+=("sink:$log")
}
received() { grep -o '[0-9]* snapshots' "$1" | tail -1 | cut -d' ' -f1; }
start_agent "nodelink-agent (1 s, all groups)" "$(pwd)/$JAR"
if [ -n "$BASELINE_JAR" ]; then
  start_agent "baseline agent ($(basename "$BASELINE_JAR"))" "$BASELINE_JAR"
fi

# --- node_exporter, scraped every second --------------------------------------------------------
URLS=()
start_node_exporter() { # label args...
  local label=$1 port count
  shift
  port=$(free_port)
  prometheus-node-exporter --web.listen-address="127.0.0.1:$port" "$@" >/dev/null 2>&1 &
  PIDS+=($!)
  count=$(mktemp)
  echo 0 >"$count"
  LABELS+=("$label") PROCS+=($!) COUNTERS+=("scrapes:$count")
  URLS+=("http://127.0.0.1:$port/metrics|$count")
  for _ in $(seq 1 30); do curl -s -o /dev/null "http://127.0.0.1:$port/metrics" && break; sleep 0.5; done
}
start_node_exporter "node_exporter (defaults, 1 s scrape)"
start_node_exporter "node_exporter (same groups, 1 s)" \
  --collector.disable-defaults --collector.cpu --collector.meminfo --collector.diskstats \
  --collector.filesystem --collector.netdev --collector.loadavg --collector.stat

scrape_all() { # every node_exporter once; counts the scrapes
  local u url file
  for u in "${URLS[@]}"; do
    url=${u%%|*} file=${u#*|}
    curl -s -o /dev/null "$url" && echo $(($(cat "$file") + 1)) >"$file"
  done
}
counter() { # the samples received or scrapes done so far for entry $1
  local c=${COUNTERS[$1]}
  case $c in
    sink:*) received "${c#sink:}" ;;
    scrapes:*) cat "${c#scrapes:}" ;;
  esac
}

for i in "${!PROCS[@]}"; do
  case ${COUNTERS[$i]} in
    sink:*) for _ in $(seq 1 60); do [ "$(counter "$i" || echo 0)" -gt 3 ] 2>/dev/null && break; sleep 1; done ;;
  esac
done
# The same warm-up for all: the agents' JIT and heap settle (C1 keeps compiling for minutes at one
# sample a second), node_exporter is scraped as in the window.
for _ in $(seq 1 "$WARMUP"); do sleep 1; scrape_all; done

echo "measuring for ${WINDOW}s..." >&2
C0=() N0=() MAX=()
for i in "${!PROCS[@]}"; do C0+=("$(cpu_ticks "${PROCS[$i]}")") N0+=("$(counter "$i")") MAX+=(0); done
T0=$(date +%s.%N)
for ((s = 0; s < WINDOW; s++)); do
  sleep 1
  scrape_all
  for i in "${!PROCS[@]}"; do
    r=$(rss_kib "${PROCS[$i]}")
    ((r > MAX[i])) && MAX[i]=$r
  done
done
T1=$(date +%s.%N)
ELAPSED=$(python3 -c "print($T1 - $T0)")
LINES=()
for i in "${!PROCS[@]}"; do
  ticks=$(($(cpu_ticks "${PROCS[$i]}") - C0[i]))
  n=$(($(counter "$i") - N0[i]))
  LINES+=("$(python3 - "${LABELS[$i]}" "$ticks" "$HZ" "$ELAPSED" "$n" "$(hwm_kib "${PROCS[$i]}")" "${MAX[$i]}" <<'PY'
import sys
label = sys.argv[1]
ticks, hz = int(sys.argv[2]), int(sys.argv[3])
window = float(sys.argv[4])
n, hwm, mx = map(int, sys.argv[5:])
cpu_s = ticks / hz
print(f"{label:<37} cpu {100*cpu_s/window:6.3f} % of a core | {1000*cpu_s/max(n,1):7.2f} ms per sample "
      f"({n} samples) | peak RSS {hwm/1024:6.1f} MiB | max RSS in window {mx/1024:6.1f} MiB")
print(f"RESULT {100*cpu_s/window:.4f} {1000*cpu_s/max(n,1):.4f} {hwm/1024:.1f} {mx/1024:.1f}")
PY
)")
done

echo
echo "== overhead over ${WINDOW}s after ${WARMUP}s warm-up, all at once, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) =="
for l in "${LINES[@]}"; do echo "$l" | grep -v '^RESULT'; done
# Entries: the agent, [the baseline agent,] node_exporter defaults, node_exporter same groups.
python3 - "$([ -n "$BASELINE_JAR" ] && echo 1 || echo 0)" "${LINES[@]}" <<'PY'
import sys
def parse(block):
    for line in block.splitlines():
        if line.startswith("RESULT"):
            return tuple(map(float, line.split()[1:]))
baseline = sys.argv[1] == "1"
rows = [parse(b) for b in sys.argv[2:]]
a, n, m = rows[0], rows[-2], rows[-1]
print(f"ratio agent/node_exporter(defaults):    cpu {a[0]/n[0]:.2f}x, per sample {a[1]/n[1]:.2f}x, peak RSS {a[2]/n[2]:.2f}x")
print(f"ratio agent/node_exporter(same groups): cpu {a[0]/m[0]:.2f}x, per sample {a[1]/m[1]:.2f}x, peak RSS {a[2]/m[2]:.2f}x")
if baseline:
    b = rows[1]
    print(f"ratio baseline/node_exporter(same groups): per sample {b[1]/m[1]:.2f}x; agent/baseline: per sample {a[1]/b[1]:.2f}x, peak RSS {a[2]/b[2]:.2f}x")
print(f"goals: agent < 1 % of a core: {'met' if a[0] < 1 else 'NOT met'}; RSS < 64 MiB: {'met' if a[2] < 64 else 'NOT met'}; "
      f"per sample <= node_exporter per scrape: defaults {'met' if a[1] <= n[1] else 'NOT met'}, "
      f"same groups {'met' if a[1] <= m[1] else 'NOT met'}")
PY

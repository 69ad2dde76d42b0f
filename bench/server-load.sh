#!/usr/bin/env bash
# Server load benchmark: starts the real server (the EAR on its own Liberty, loopback, bench ports),
# drives N simulated agents at 1 s plus SSE clients, and prints snapshots/s sustained, agent-send
# to SSE-receipt latency (p50/p99/max, HdrHistogram), live heap per agent after GC, errors and CPU
# for N = 100, 1000, 5000, 10000; then 1,000 SSE clients on one agent. The server is restarted for
# every scenario so each starts from the same heap. It stops everything it started, also on Ctrl-C.
#
#   bench/server-load.sh [--agents "100 1000 5000 10000"] [--warmup 15] [--window 45]
#                        [--fanout-clients 1000] [--no-fanout] [--heap 6g] [--jfr] [--quick]
#                        [--no-build] [--out DIR] [--jvm-opt OPT]... [--server-env KEY=VALUE]...
#                        [--ear FILE] [--prometheus [--no-remote-write] [--scrape-every S]]
#                        [--alert-rules FILE | --no-alerts]
#                        [--soak MINUTES [--soak-agents N] [--sample-minutes M]]
#                        [--footprint "0 10 1000" [--footprint-seconds 60]]
#
# --quick: agents "100 1000", warm-up 5 s, window 15 s, fan-out 200 clients (a smoke run).
# --soak MINUTES: instead of the sweep, the soak (bench/soak.sh): --soak-agents (1000) well-behaved
#          agents at a 1 s collection interval for MINUTES, with churning and hostile agents beside
#          them, sampled every --sample-minutes (5); fails if a well-behaved agent saw an error.
# --footprint LIST: instead of the sweep, the memory of a small install: for each N, the server with
#          the product's jvm.options alone (no bench heap sizes) and N agents of the real agent jar's
#          simulator at the server's default collection interval, idle for --footprint-seconds (60);
#          prints RSS, heap committed/used, the live heap after a full GC and native memory by area
#          (footprint.md; NMT on, which itself costs a few MiB).
# --jfr:   record a JFR profile of each server run into the output directory.
# --jvm-opt / --server-env: extra server JVM options / server.env lines (repeatable), e.g.
#          --jvm-opt -XX:+UseZGC, --server-env NODELINK_HISTORY_RETENTION=60s.
# --ear:   measure another build of the server (default: ear/target/nodelink-metrics.ear).
# --prometheus: during each fleet window, time GET /metrics/prometheus (the whole fleet) every
#          --scrape-every seconds, and remote-write every snapshot to a VictoriaMetrics the script starts (Debian's
#          victoria-metrics, port BENCH_VM_PORT=28428): prints scrape time and size, and samples/s
#          sent with the server's CPU over the window (figures in prometheus.tsv).
#          --no-remote-write: the scrape alone (no VictoriaMetrics, no remote-write destination);
#          --scrape-every S: seconds between two scrapes (5; Prometheus' default is 15).
# --alert-rules FILE: alert rules (JSON or YAML) beside the default pack, e.g.
#          bench/server-load/alert-rules-20.yaml; --no-alerts: no rule at all (the default pack off),
#          to measure what evaluation costs. Without either, the default pack alone is on.
# Ports (override with env): BENCH_HTTP_PORT=28080 BENCH_ADMIN_PORT=29080 BENCH_GRPC_PORT=29090
# BENCH_HTTPS_PORT=28443 BENCH_ADMIN_HTTPS_PORT=29443: below Linux's ephemeral range (32768-60999),
# where another process's outgoing connection could hold one. The bench server lets anonymous
# callers act as operators (the load tool and its SSE clients send no credentials), and serves its own
# MicroProfile Metrics without a login on plain HTTP (docs/security/open-metrics.xml, the setting
# for a scrape from a trusted network), on loopback only.
# TOOL_JVM_OPTS: extra JVM options of the load tool (its GC log is written to the output too:
# the tool's own pauses delay the receipt times it records).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

AGENTS="100 1000 5000 10000"
WARMUP=15
WINDOW=45
FANOUT_CLIENTS=1000
FANOUT=1
HEAP=6g
JFR=0
BUILD=1
OUT=""
EAR_OPT=""
JVM_OPTS=()
SERVER_ENV=()
PROMETHEUS=0
REMOTE_WRITE=1
SCRAPE_EVERY=5
ALERT_RULES=""
SOAK_MINUTES=""
SOAK_AGENTS=1000
SAMPLE_MINUTES=5
FOOTPRINT=""
FOOTPRINT_SECONDS=60
while [ $# -gt 0 ]; do
  case "$1" in
    --agents) AGENTS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --window) WINDOW=$2; shift 2 ;;
    --fanout-clients) FANOUT_CLIENTS=$2; shift 2 ;;
    --no-fanout) FANOUT=0; shift ;;
    --heap) HEAP=$2; shift 2 ;;
    --jfr) JFR=1; shift ;;
    --quick) AGENTS="100 1000"; WARMUP=5; WINDOW=15; FANOUT_CLIENTS=200; shift ;;
    --no-build) BUILD=0; shift ;;
    --out) OUT=$2; shift 2 ;;
    --jvm-opt) JVM_OPTS+=("$2"); shift 2 ;;
    --server-env) SERVER_ENV+=("$2"); shift 2 ;;
    --ear) EAR_OPT=$2; shift 2 ;;
    --prometheus) PROMETHEUS=1; shift ;;
    --no-remote-write) REMOTE_WRITE=0; shift ;;
    --scrape-every) SCRAPE_EVERY=$2; shift 2 ;;
    --alert-rules) ALERT_RULES=$(realpath "$2"); shift 2 ;;
    --no-alerts) SERVER_ENV+=("NODELINK_ALERTS_DEFAULT_RULES=false"); shift ;;
    --soak) SOAK_MINUTES=$2; shift 2 ;;
    --soak-agents) SOAK_AGENTS=$2; shift 2 ;;
    --sample-minutes) SAMPLE_MINUTES=$2; shift 2 ;;
    --footprint) FOOTPRINT=$2; shift 2 ;;
    --footprint-seconds) FOOTPRINT_SECONDS=$2; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^set -euo/ {exit} NR > 1' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

HTTP_PORT=${BENCH_HTTP_PORT:-28080}
HTTPS_PORT=${BENCH_HTTPS_PORT:-28443}
ADMIN_PORT=${BENCH_ADMIN_PORT:-29080}
ADMIN_HTTPS_PORT=${BENCH_ADMIN_HTTPS_PORT:-29443}
GRPC_PORT=${BENCH_GRPC_PORT:-29090}
TOKEN=bench-secret
MODULE=bench/server-load
WLP=$ROOT/$MODULE/target/liberty/wlp
EAR=${EAR_OPT:-$ROOT/ear/target/nodelink-metrics.ear}
OUT=${OUT:-$ROOT/$MODULE/target/results-$(date +%Y%m%d-%H%M%S)}
RESULTS=$OUT/results.tsv
export WLP_USER_DIR=$ROOT/$MODULE/target/wlp-usr
SERVER_DIR=$WLP_USER_DIR/servers/bench
mkdir -p "$OUT"

# Many sockets: 10,000 agent streams share ~20 channels, but SSE clients and the server's own
# descriptors add up. Raise the soft limit as far as the hard limit allows.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

if [ "$BUILD" = 1 ] || [ ! -f "$EAR" ] || [ ! -x "$WLP/bin/server" ] || [ ! -f "$MODULE/target/classpath.txt" ]; then
  echo "building the EAR and the load tool..." >&2
  ./mvnw -B -q -Pbench -DskipTests package -pl ear,$MODULE -am
fi
CP="$ROOT/$MODULE/target/classes:$(cat "$MODULE/target/classpath.txt")"

server_running() { [ -n "${SERVER_PID:-}" ] && kill -0 "$SERVER_PID" 2>/dev/null; }
RUN_TAG=""
stop_server() {
  if server_running; then
    if [ "$JFR" = 1 ] && [ -n "$RUN_TAG" ]; then
      # Dumped before the stop: a shutdown slowed by load ends in a kill, which loses the exit dump.
      jcmd "$SERVER_PID" JFR.dump filename="$OUT/server-$RUN_TAG.jfr" >/dev/null 2>&1 || true
    fi
    "$WLP/bin/server" stop bench >/dev/null 2>&1 || true
    for _ in $(seq 1 30); do server_running || break; sleep 1; done
    server_running && kill "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
  if [ -n "$RUN_TAG" ] && [ -f "$SERVER_DIR/logs/messages.log" ]; then
    cp "$SERVER_DIR/logs/messages.log" "$OUT/messages-$RUN_TAG.log"
  fi
}
TOOL_PID=""
VM_PID=""
cleanup() {
  [ -n "$TOOL_PID" ] && kill "$TOOL_PID" 2>/dev/null || true
  stop_server
  [ -n "$VM_PID" ] && kill "$VM_PID" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

# One Liberty server named "bench" in its own user directory: the project's server.xml, the EAR,
# the ports on loopback, and bench settings through server.env (MicroProfile Config env names).
configure_server() { # $1 = tag of the run (names the GC log and the JFR file)
  # Every scenario starts with an empty database (the default H2 file in the server's data/).
  rm -rf "$SERVER_DIR/logs" "$SERVER_DIR/workarea" "$SERVER_DIR/data"
  mkdir -p "$SERVER_DIR/apps" "$WLP_USER_DIR/shared/resources/jdbc"
  # The JDBC drivers server.xml's library expects, as the ear build puts them in its server.
  cp "$ROOT"/ear/target/liberty/wlp/usr/shared/resources/jdbc/*.jar \
    "$WLP_USER_DIR/shared/resources/jdbc/"
  cp "$ROOT/src/main/liberty/config/server.xml" "$SERVER_DIR/server.xml"
  # The load tool and admin_metric read /metrics without credentials: open it, as a site that
  # scrapes from a trusted network would.
  mkdir -p "$SERVER_DIR/configDropins/overrides"
  cp "$ROOT/docs/security/open-metrics.xml" "$SERVER_DIR/configDropins/overrides/"
  cp "$EAR" "$SERVER_DIR/apps/nodelink-metrics.ear"
  cat > "$SERVER_DIR/bootstrap.properties" <<EOF
http.host=127.0.0.1
admin.host=127.0.0.1
http.port=$HTTP_PORT
https.port=$HTTPS_PORT
admin.port=$ADMIN_PORT
admin.https.port=$ADMIN_HTTPS_PORT
EOF
  cat > "$SERVER_DIR/server.env" <<EOF
NODELINK_GRPC_HOST=127.0.0.1
NODELINK_GRPC_PORT=$GRPC_PORT
NODELINK_AUTH_TOKENS=*:$TOKEN
NODELINK_AGENTS_MAX=25000
NODELINK_SSE_MAX_CLIENTS_PER_AGENT=2000
NODELINK_SSE_MAX_CLIENTS=25000
NODELINK_GRPC_MAX_UNAUTHENTICATED_PER_SOURCE=0
NODELINK_HTTP_ANONYMOUS_ROLE=operator
EOF
  for kv in "${SERVER_ENV[@]}"; do echo "$kv" >> "$SERVER_DIR/server.env"; done
  if [ -n "$ALERT_RULES" ]; then
    # The server reads the file by its name's extension (.yaml/.yml or JSON).
    cp "$ALERT_RULES" "$SERVER_DIR/alert-rules.${ALERT_RULES##*.}"
    echo "NODELINK_ALERTS_RULES_FILE=$SERVER_DIR/alert-rules.${ALERT_RULES##*.}" >> "$SERVER_DIR/server.env"
  fi
  {
    # The product's own JVM options (its collector) first; the bench's sizing, logs and extra
    # options after, so a --jvm-opt such as -XX:+UseZGC overrides it.
    grep -v '^#' "$ROOT/src/main/liberty/config/jvm.options"
    if [ -n "$FOOTPRINT" ]; then
      # What an installation gets: the shipped options alone, plus native memory tracking.
      echo "-XX:NativeMemoryTracking=summary"
    else
      echo "-Xms1g"
      echo "-Xmx$HEAP"
    fi
    echo "-Xlog:gc:file=$OUT/gc-$1.log:uptime,level,tags"
    for o in "${JVM_OPTS[@]}"; do echo "$o"; done
    if [ "$JFR" = 1 ]; then
      echo "-XX:StartFlightRecording=filename=$OUT/server-$1.jfr,settings=profile,dumponexit=true"
    fi
  } > "$SERVER_DIR/jvm.options"
}

start_server() { # $1 = tag
  RUN_TAG=$1
  configure_server "$1"
  "$WLP/bin/server" start bench >/dev/null
  SERVER_PID=$(cat "$WLP_USER_DIR/servers/.pid/bench.pid")
  echo "server started (pid $SERVER_PID, heap -Xmx$HEAP) for $1" >&2
}

run_tool() { # args for "run"
  java -Xms512m -Xmx2g -Xlog:gc:file=$OUT/tool-gc-$RUN_TAG.log:uptime ${TOOL_JVM_OPTS:-} -cp "$CP" io.nodelink.metrics.bench.load.ServerLoad run \
    --http-port "$HTTP_PORT" --admin-port "$ADMIN_PORT" --grpc-port "$GRPC_PORT" \
    --token "$TOKEN" --server-pid "$SERVER_PID" --warmup "$WARMUP" --window "$WINDOW" \
    --out "$OUT" --results "$RESULTS" "$@" &
  TOOL_PID=$!
  local rc=0
  wait "$TOOL_PID" || rc=$?
  TOOL_PID=""
  return $rc
}

# --prometheus: a VictoriaMetrics receiving the server's remote-write, and a probe per fleet run.
VM_PORT=${BENCH_VM_PORT:-28428}
if [ "$PROMETHEUS" = 1 ] && [ "$REMOTE_WRITE" = 1 ]; then
  command -v victoria-metrics >/dev/null || { echo "--prometheus needs victoria-metrics (apt-get install victoria-metrics)" >&2; exit 2; }
  victoria-metrics -storageDataPath="$OUT/victoria-data" -httpListenAddr="127.0.0.1:$VM_PORT" \
    -loggerLevel=WARN >"$OUT/victoria.log" 2>&1 &
  VM_PID=$!
  SERVER_ENV+=("NODELINK_REMOTE_WRITE_BENCH_URL=http://127.0.0.1:$VM_PORT/api/v1/write")
fi
if [ "$PROMETHEUS" = 1 ]; then
  printf 'agents\tscrape_p50_s\tscrape_max_s\tscrape_bytes\tsamples_per_s\tdropped\tserver_cores\n' > "$OUT/prometheus.tsv"
fi
admin_metric() { # $1 = metric name prefix with labels regex; prints the value or 0
  curl -s "http://127.0.0.1:$ADMIN_PORT/metrics?scope=application" \
    | awk -v m="$1" '$0 ~ "^"m {v=$NF} END {print v+0}'
}
server_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
# Waits out the warm-up, then over the window: the fleet's exposition timed every 5 s, and the
# remote-write samples sent and the server's CPU between the window's ends.
probe_prometheus() { # $1 = agents
  # The window starts once the whole fleet is connected (the tool's warm-up starts then too).
  for _ in $(seq 1 300); do
    [ "$(admin_metric 'nodelink_agents_connected[{ ]')" -ge "$1" ] 2>/dev/null && break
    sleep 1
  done
  sleep "$WARMUP"
  local sent0 dropped0 ticks0 t0 times=() bytes=0
  sent0=$(admin_metric 'nodelink_remote_write_samples_sent_total[{].*destination="bench"')
  dropped0=$(admin_metric 'nodelink_remote_write_samples_dropped_total[{].*destination="bench"')
  ticks0=$(server_ticks); t0=$(date +%s.%N)
  local end=$(( $(date +%s) + WINDOW ))
  while [ "$(date +%s)" -lt "$end" ]; do
    read -r t b < <(curl -s -o /dev/null -w '%{time_total} %{size_download}\n' \
      "http://127.0.0.1:$HTTP_PORT/metrics/prometheus")
    times+=("$t"); bytes=$b
    sleep "$SCRAPE_EVERY"
  done
  local sent1 ticks1 t1 dropped
  sent1=$(admin_metric 'nodelink_remote_write_samples_sent_total[{].*destination="bench"')
  dropped=$(admin_metric 'nodelink_remote_write_samples_dropped_total[{].*destination="bench"')
  ticks1=$(server_ticks); t1=$(date +%s.%N)
  printf '%s\n' "${times[@]}" | sort -n | awk -v n="$1" -v bytes="$bytes" -v s0="$sent0" -v s1="$sent1" \
    -v d="$((${dropped%.*} - ${dropped0%.*}))" -v k0="$ticks0" -v k1="$ticks1" -v t0="$t0" -v t1="$t1" -v hz="$(getconf CLK_TCK)" \
    '{a[NR]=$1} END {printf "%s\t%.3f\t%.3f\t%d\t%.0f\t%d\t%.2f\n", n, a[int((NR+1)/2)], a[NR], bytes,
      (s1-s0)/(t1-t0), d, (k1-k0)/hz/(t1-t0)}' >> "$OUT/prometheus.tsv"
}
if [ -n "$SOAK_MINUTES" ]; then
  # Every agent streams at 1 s, watched or not: the server's collection baseline. The in-memory
  # history is kept 5 min raw and 15 min coarse (30 min and 24 h by default), so it is full after a
  # quarter of an hour and what grows after that is a leak; offline agents are forgotten after the
  # 5 min too, and the cleanup runs every minute, so churned agents come and go many times.
  SERVER_ENV=("NODELINK_COLLECTION_INTERVAL=1s" "NODELINK_HISTORY_RETENTION=5m"
    "NODELINK_HISTORY_COARSE_RETENTION=15m" "NODELINK_CLEANUP_INTERVAL=1m" "${SERVER_ENV[@]}")
  start_server "soak"
  echo "== NodeLink soak: $SOAK_AGENTS agents at 1 s for $SOAK_MINUTES min, server -Xmx$HEAP =="
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(java -version 2>&1 | head -1)"
  rc=0
  java -Xms256m -Xmx2g ${TOOL_JVM_OPTS:-} -cp "$CP" io.nodelink.metrics.bench.load.ServerLoad soak \
    --http-port "$HTTP_PORT" --admin-port "$ADMIN_PORT" --grpc-port "$GRPC_PORT" \
    --token "$TOKEN" --server-pid "$SERVER_PID" --agents "$SOAK_AGENTS" \
    --minutes "$SOAK_MINUTES" --sample-minutes "$SAMPLE_MINUTES" --out "$OUT" &
  TOOL_PID=$!
  wait "$TOOL_PID" || rc=$?
  TOOL_PID=""
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  stop_server
  echo "outputs (soak.md, GC log, messages log): $OUT"
  exit $rc
fi

if [ -n "$FOOTPRINT" ]; then
  AGENT_JAR=$ROOT/agent-jar/target/nodelink-agent.jar
  [ -f "$AGENT_JAR" ] || ./mvnw -B -q -DskipTests package -pl agent-jar -am
  echo "== NodeLink footprint: the product's jvm.options, agents at the default collection interval, ${FOOTPRINT_SECONDS}s idle =="
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(java -version 2>&1 | head -1)"
  {
    echo "| agents | RSS MiB | heap committed MiB | heap used MiB | live heap after full GC MiB | RSS after full GC MiB | NMT committed MiB: heap / class / code / threads / GC / other |"
    echo "|--:|--:|--:|--:|--:|--:|---|"
  } > "$OUT/footprint.md"
  rss_mib() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status"; }
  # Shenandoah's heap_info: "... N total, N committed, N used" (K/M suffixes).
  heap_mib() { # $1 = committed | used
    jcmd "$SERVER_PID" GC.heap_info 2>/dev/null | grep -m1 -o "[0-9]*[KMG] $1" \
      | awk '{v=$1+0; u=substr($1,length($1)); printf "%.0f", u=="K" ? v/1024 : u=="G" ? v*1024 : v}'
  }
  nmt_mib() { # NMT's committed figure of an area
    jcmd "$SERVER_PID" VM.native_memory summary scale=MB 2>/dev/null \
      | awk -v a="$1" '$0 ~ "^-  *"a" " {for (i=1;i<=NF;i++) if ($i ~ /^committed=/) {sub("committed=","",$i); sub("MB.*","",$i); print $i; exit}}'
  }
  for n in $FOOTPRINT; do
    start_server "footprint-$n"
    for _ in $(seq 1 120); do
      curl -sf "http://127.0.0.1:$ADMIN_PORT/health/ready" >/dev/null 2>&1 && break
      sleep 1
    done
    SIM_PID=""
    if [ "$n" -gt 0 ]; then
      java -Xmx512m -jar "$AGENT_JAR" --simulate "$n" --server "127.0.0.1:$GRPC_PORT" \
        --agent-id fp --agent-token "$TOKEN" >"$OUT/simulator-$n.log" 2>&1 &
      SIM_PID=$!
      for _ in $(seq 1 300); do
        [ "$(admin_metric 'nodelink_agents_connected[{ ]')" -ge "$n" ] 2>/dev/null && break
        sleep 1
      done
    fi
    sleep "$FOOTPRINT_SECONDS"
    rss=$(rss_mib); committed=$(heap_mib committed); used=$(heap_mib used)
    jcmd "$SERVER_PID" VM.native_memory summary scale=MB > "$OUT/nmt-$n.txt" 2>&1 || true
    nmt="$(nmt_mib 'Java Heap') / $(nmt_mib Class) / $(nmt_mib Code) / $(nmt_mib Thread) / $(nmt_mib GC) / $(nmt_mib Other)"
    jcmd "$SERVER_PID" GC.run >/dev/null 2>&1 || true
    sleep 2
    live=$(heap_mib used); rss_gc=$(rss_mib)
    jcmd "$SERVER_PID" GC.class_histogram > "$OUT/histogram-$n.txt" 2>&1 || true
    echo "| $n | $rss | $committed | $used | $live | $rss_gc | $nmt |" | tee -a "$OUT/footprint.md"
    [ -n "$SIM_PID" ] && { kill "$SIM_PID" 2>/dev/null; wait "$SIM_PID" 2>/dev/null || true; }
    stop_server
  done
  echo "outputs (footprint.md, NMT summaries, live-heap class histograms, GC logs): $OUT"
  exit 0
fi

FAILED=""
for n in $AGENTS; do
  start_server "fleet-$n"
  PROBE_PID=""
  if [ "$PROMETHEUS" = 1 ]; then probe_prometheus "$n" & PROBE_PID=$!; fi
  run_tool --scenario fleet --agents "$n" --gc-log "$OUT/gc-fleet-$n.log" || FAILED="$FAILED fleet-$n"
  [ -n "$PROBE_PID" ] && { wait "$PROBE_PID" || true; }
  stop_server
done
if [ "$FANOUT" = 1 ]; then
  start_server "fanout-$FANOUT_CLIENTS"
  run_tool --scenario fanout --sse-clients "$FANOUT_CLIENTS" \
    --gc-log "$OUT/gc-fanout-$FANOUT_CLIENTS.log" || FAILED="$FAILED fanout"
  stop_server
fi

echo
echo "== NodeLink server load: warm-up ${WARMUP}s, window ${WINDOW}s, server -Xmx$HEAP ${JVM_OPTS[*]} ${SERVER_ENV[*]} =="
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -f "$RESULTS" ]; then
  java -cp "$CP" io.nodelink.metrics.bench.load.ServerLoad table "$RESULTS"
fi
if [ "$PROMETHEUS" = 1 ] && [ -f "$OUT/prometheus.tsv" ]; then
  echo "-- Prometheus: GET /metrics/prometheus of the whole fleet; remote-write to VictoriaMetrics"
  echo "   (server_cores: the whole server's CPU over the window, ingestion included)"
  column -t "$OUT/prometheus.tsv"
fi
echo "outputs (results.tsv, GC logs, heap histograms, JFR if --jfr): $OUT"
if [ -n "$FAILED" ]; then
  echo "FAILED:$FAILED" >&2
  exit 1
fi

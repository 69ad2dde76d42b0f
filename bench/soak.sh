#!/usr/bin/env bash
# Soak benchmark: the real server on its own Liberty (bench ports, as bench/server-load.sh starts
# it), 1,000 well-behaved simulated agents at 1 s for an hour with churning agents (connect/drop
# cycles, interface names that never repeat) and hostile ones (NaN, 1 MiB names, timestamps in 2036
# and 1970, a message flood, two hosts sharing one id) beside them. Every few minutes it prints the
# server's live heap after a full GC, CPU per received snapshot, RSS and the errors the
# well-behaved agents saw; it fails if there was one.
#
#   bench/soak.sh [MINUTES (60)] [--soak-agents N] [--sample-minutes M] [server-load.sh options]
#
# e.g. bench/soak.sh 5 --sample-minutes 1 (a short check), bench/soak.sh (the hour).
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=60
if [ $# -gt 0 ] && [[ $1 =~ ^[0-9]+$ ]]; then
  MINUTES=$1
  shift
fi
exec bench/server-load.sh --soak "$MINUTES" "$@"

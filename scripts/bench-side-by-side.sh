#!/usr/bin/env bash
# Our client vs the official Apache RocketMQ 5.2.0 client, same broker, same load: alternating rounds of
# produce-sync and produce-async with the same runners (mq-tools), one JVM per run, the machine's load
# before each run. Prints one tab-separated line per run and keeps the runs' output in $OUT.
#   scripts/bench-side-by-side.sh 127.0.0.1:9876 [rounds=3] [duration=20s]
# Needs mq-tools/target/mq-tools.jar and what scripts/bench-official-client.sh needs. SIZE, THREADS,
# TOPIC, JAVA_OPTS, MVN_ARGS, FIRST (who goes first in odd rounds: ours or official) and WARMUP (a run of
# each client before the rounds, not reported; 0 skips it) may be set.
set -euo pipefail
cd "$(dirname "$0")/.."

NAMESRV=${1:?usage: $0 namesrv-host:port [rounds] [duration]}
ROUNDS=${2:-3}
DURATION=${3:-20s}
SIZE=${SIZE:-1024}
THREADS=${THREADS:-32}
TOPIC=${TOPIC:-BenchSideBySide}
JAVA_OPTS=${JAVA_OPTS:--Xms1g -Xmx1g}
OUT=${OUT:-$PWD/target/bench-side-by-side}
mkdir -p "$OUT"
export JAVA_OPTS

# The client JVM's CPU seconds (user+sys, start-up included) over the messages it sent.
CPU_FORMAT='CPU user=%U sys=%S'
client_cpu_per_message() {
    awk '/^RESULT/ { for (i = 1; i <= NF; i++) if ($i ~ /^messages=/) { split($i, kv, "="); n = kv[2] } }
         /^CPU user=/ { split($2, u, "="); split($3, s, "="); cpu = u[2] + s[2] }
         END { if (n > 0) printf "client cpu %.0f us/msg", cpu * 1e6 / n; else print "client cpu n/a" }' "$1"
}

run() { # client mode round
    local client=$1 mode=$2 round=$3 log="$OUT/$1-$2-$3.log"
    local load
    load=$(uptime | sed 's/.*load average: //')
    local args=("$mode" --namesrv "$NAMESRV" --topic "$TOPIC" --threads "$THREADS" --size "$SIZE" --duration "$DURATION")
    if [[ $client == ours ]]; then
        # shellcheck disable=SC2086
        /usr/bin/time -f "$CPU_FORMAT" java $JAVA_OPTS -jar mq-tools/target/mq-tools.jar bench "${args[@]}" >"$log" 2>&1 || true
    else
        /usr/bin/time -f "$CPU_FORMAT" scripts/bench-official-client.sh "${args[@]}" >"$log" 2>&1 || true
    fi
    local result cpu
    result=$(grep '^RESULT' "$log" || echo "RESULT missing: see $log")
    cpu=$(client_cpu_per_message "$log")
    printf '%s\t%s\t%s\tload %s\t%s\t%s\n' "$round" "$mode" "$client" "$load" "$result" "$cpu"
}

# A cold broker (and page cache) makes whoever runs first look slow: warm both paths up, unreported.
WARMUP=${WARMUP:-10s}
if [[ $WARMUP != 0 ]]; then
    for client in ours official; do
        DURATION=$WARMUP run "$client" produce-async warmup >/dev/null
    done
fi

for round in $(seq 1 "$ROUNDS"); do
    for mode in produce-sync produce-async; do
        # Alternate who goes first, so neither always runs on the warmer (or busier) machine.
        if (( round % 2 == 1 )); then first=${FIRST:-ours}; elif [[ ${FIRST:-ours} == ours ]]; then first=official; else first=ours; fi
        if [[ $first == ours ]]; then order=(ours official); else order=(official ours); fi
        for client in "${order[@]}"; do
            run "$client" "$mode" "$round"
        done
    done
done

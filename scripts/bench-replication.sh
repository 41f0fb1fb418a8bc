#!/usr/bin/env bash
# Sync sends with SYNC_MASTER as a ratio of ASYNC_MASTER's: one NameServer, and for each role a master
# with one slave (SYNC_FLUSH on neither, so the difference is the wait for the slave), all on this
# machine from the executable jars. Rounds alternate which role goes first; each run starts from empty
# stores and waits until the slave is in sync. Prints one line per run and the ratio of the medians.
#   scripts/bench-replication.sh [rounds=3] [duration=20s]
# Needs the jars (mvn -B -q -DskipTests package -pl mq-broker-boot,mq-namesrv-boot,mq-tools -am).
# THREADS, SIZE, BASE_PORT (the NameServer's; brokers take the next ones) and OUT may be set.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${1:-3}
DURATION=${2:-20s}
THREADS=${THREADS:-32}
SIZE=${SIZE:-1024}
BASE_PORT=${BASE_PORT:-29876}
OUT=${OUT:-$PWD/target/bench-replication}
JAVA_BROKER="java -Xms1g -Xmx1g -XX:MaxDirectMemorySize=512m"
mkdir -p "$OUT"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

NAMESRV=127.0.0.1:$BASE_PORT
java -Xmx256m -jar mq-namesrv-boot/target/mq-namesrv.jar --courier.namesrv.listen-port="$BASE_PORT" \
    --server.port=$((BASE_PORT + 10)) >"$OUT/namesrv.log" 2>&1 &
PIDS+=($!)

wait_for() { # file pattern seconds
    for _ in $(seq 1 "$3"); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 1; done
    echo "timed out waiting for '$2' in $1" >&2; tail -n 20 "$1" >&2; return 1
}

start_broker() { # dir role id listenPort actuatorPort [haMasterAddress]
    local dir=$1
    rm -rf "$dir" && mkdir -p "$dir"
    cat >"$dir/broker.conf" <<CONF
brokerClusterName=BenchCluster
brokerName=bench-$2
brokerId=$3
brokerRole=$( [[ $3 == 0 ]] && echo "$2" || echo SLAVE )
brokerIP1=127.0.0.1
namesrvAddr=$NAMESRV
listenPort=$4
haListenPort=$(( $4 + 1 ))
storePathRootDir=$dir/store
flushDiskType=ASYNC_FLUSH
CONF
    [[ -n ${6:-} ]] && echo "haMasterAddress=$6" >>"$dir/broker.conf"
    $JAVA_BROKER -jar mq-broker-boot/target/mq-broker.jar -c "$dir/broker.conf" --server.port="$5" \
        >"$dir/broker.log" 2>&1 &
    PIDS+=($!)
    echo $!
}

run() { # role round
    local role=$1 dir="$OUT/$1-$2" port=$((BASE_PORT + 100))
    local master slave
    master=$(start_broker "$dir/master" "$role" 0 "$port" $((port + 50)))
    wait_for "$dir/master/broker.log" "registered with NameServer" 60
    slave=$(start_broker "$dir/slave" "$role" 1 $((port + 10)) $((port + 60)) "127.0.0.1:$((port + 1))")
    wait_for "$dir/slave/broker.log" "registered with NameServer" 60
    for _ in $(seq 1 30); do
        curl -s "localhost:$((port + 50))/actuator/health" | grep -q '"slavesInSync":1' && break
        sleep 1
    done
    java -jar mq-tools/target/mq-tools.jar bench produce-sync --namesrv "$NAMESRV" --topic "Bench$role$2" \
        --threads "$THREADS" --size "$SIZE" --duration "$DURATION" >"$dir/bench.log" 2>&1 || true
    local result
    result=$(grep '^RESULT' "$dir/bench.log" || echo "RESULT failed")
    echo -e "$role\tround $2\tload $(uptime | sed 's/.*load average: //')\t$result"
    kill "$master" "$slave" 2>/dev/null || true
    wait "$master" "$slave" 2>/dev/null || true
    sleep 2 # the NameServer drops the closed brokers' routes
}

for round in $(seq 1 "$ROUNDS"); do
    if (( round % 2 )); then run SYNC_MASTER "$round"; run ASYNC_MASTER "$round"
    else run ASYNC_MASTER "$round"; run SYNC_MASTER "$round"; fi
done | tee "$OUT/results.tsv"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
tps() { grep "^$1" "$OUT/results.tsv" | grep -o 'tps=[0-9.]*' | cut -d= -f2 | median; }
SYNC=$(tps SYNC_MASTER)
ASYNC=$(tps ASYNC_MASTER)
echo "median tps: SYNC_MASTER $SYNC, ASYNC_MASTER $ASYNC, ratio $(awk -v s="$SYNC" -v a="$ASYNC" 'BEGIN { printf "%.2f", s / a }')"

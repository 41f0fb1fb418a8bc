#!/usr/bin/env bash
# Soaks a standalone node: starts the broker jar (NameServer and broker in one process, as a user would run
# it) on free ports with its store under $WORK, runs mq-tools' `soak` against it for $DURATION, and stops
# the node. The soak's rows go to stdout and its report to $WORK/soak-report.json (and .csv); the exit code
# is the soak's: 0 when nothing acknowledged was lost and the node did not grow (see mq-tools/README.md).
#
#   scripts/soak-standalone.sh                      # 60 minutes, a row a minute, half the measured maximum
#   DURATION=10m INTERVAL=10s scripts/soak-standalone.sh
#   RATE=1000 scripts/soak-standalone.sh            # a fixed rate instead of a fraction of the maximum
#
# Build first: mvn -B -q -DskipTests package -pl mq-broker-boot,mq-tools -am
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-60m}
INTERVAL=${INTERVAL:-60s}
WARM_UP=${WARM_UP:-5m}
RATE=${RATE:-}
NODE_HEAP=${NODE_HEAP:-512m}
NODE_DIRECT=${NODE_DIRECT:-256m}
WORK=${WORK:-$PWD/target/soak-standalone}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

for jar in mq-broker-boot/target/mq-broker.jar mq-tools/target/mq-tools.jar; do
    if [[ ! -f $jar ]]; then
        echo "$jar is missing; build first: mvn -B -q -DskipTests package -pl mq-broker-boot,mq-tools -am" >&2
        exit 2
    fi
done

rm -rf "$WORK"
mkdir -p "$WORK"
NAMESRV_PORT=$(free_port)
BROKER_PORT=$(free_port)
ACTUATOR_PORT=$(free_port)

# The whole heap committed and touched at start (-Xms = -Xmx, AlwaysPreTouch): the node's anonymous RSS is then
# at its working size from the first interval, and what it grows by later is memory it holds, not a heap the
# JVM grows to -Xmx on its own schedule.
java -Xms"$NODE_HEAP" -Xmx"$NODE_HEAP" -XX:+AlwaysPreTouch -XX:MaxDirectMemorySize="$NODE_DIRECT" -jar mq-broker-boot/target/mq-broker.jar --standalone \
    --courier.namesrv.listen-port="$NAMESRV_PORT" --courier.broker.listenPort="$BROKER_PORT" \
    --courier.broker.haListenPort=0 --server.port="$ACTUATOR_PORT" \
    --courier.broker.storePathRootDir="$WORK/store" >"$WORK/node.log" 2>&1 &
NODE_PID=$!
trap 'kill "$NODE_PID" 2>/dev/null || true; wait "$NODE_PID" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
    if ! kill -0 "$NODE_PID" 2>/dev/null; then
        echo "the node exited during start-up; its log ($WORK/node.log) ends:" >&2
        tail -n 30 "$WORK/node.log" >&2
        exit 1
    fi
    if grep -q "registered with NameServer" "$WORK/node.log"; then
        break
    fi
    sleep 1
done

echo "node pid $NODE_PID: NameServer 127.0.0.1:$NAMESRV_PORT, broker $BROKER_PORT, actuator $ACTUATOR_PORT," \
    "heap $NODE_HEAP, direct $NODE_DIRECT; store and log under $WORK"
RATE_OPTION=()
if [[ -n $RATE ]]; then
    RATE_OPTION=(--rate "$RATE")
fi
set +e
java -jar mq-tools/target/mq-tools.jar soak --namesrv "127.0.0.1:$NAMESRV_PORT" --duration "$DURATION" \
    --interval "$INTERVAL" --warm-up "$WARM_UP" "${RATE_OPTION[@]}" --node-pid "$NODE_PID" \
    --actuator-url "http://127.0.0.1:$ACTUATOR_PORT/actuator" --report "$WORK/soak-report.json"
STATUS=$?
set -e
echo "soak exit code $STATUS; report $WORK/soak-report.json, node log $WORK/node.log"
exit "$STATUS"

#!/usr/bin/env bash
# Builds CourierMQ, starts a standalone node (NameServer and broker in one process) in the background,
# and shows messages flowing through it with the load generator: produce for a few seconds, then
# drain. The node keeps running afterwards; the last lines say how to stop it.
set -euo pipefail
cd "$(dirname "$0")/.."

NAMESRV_PORT=${NAMESRV_PORT:-9876}
BROKER_PORT=${BROKER_PORT:-10911}
ACTUATOR_PORT=${ACTUATOR_PORT:-8081}
WORK=${WORK:-$PWD/target/try-standalone}
mkdir -p "$WORK"

echo "== building (tests skipped; 'mvn -B verify' runs them)"
mvn -B -q -DskipTests package -pl mq-broker-boot,mq-tools -am

echo "== starting the standalone node (log: $WORK/node.log)"
java -Xmx512m -XX:MaxDirectMemorySize=256m -jar mq-broker-boot/target/mq-broker.jar --standalone \
    --courier.namesrv.listen-port="$NAMESRV_PORT" --courier.broker.listenPort="$BROKER_PORT" \
    --server.port="$ACTUATOR_PORT" --courier.broker.storePathRootDir="$WORK/store" >"$WORK/node.log" 2>&1 &
NODE_PID=$!
echo "$NODE_PID" >"$WORK/node.pid"

for _ in $(seq 1 120); do
    if ! kill -0 "$NODE_PID" 2>/dev/null; then
        echo "the node exited during start-up; its log says:" >&2
        tail -n 30 "$WORK/node.log" >&2
        exit 1
    fi
    if grep -q "registered with NameServer" "$WORK/node.log"; then
        break
    fi
    sleep 1
done
grep -E "NameServer ready|broker .* ready at|memory budget" "$WORK/node.log" | sed 's/^.*: //'

BENCH="java -jar mq-tools/target/mq-tools.jar bench"
echo "== producing for 10 s (1 KiB messages, 8 threads, sync sends)"
$BENCH produce-sync --namesrv "127.0.0.1:$NAMESRV_PORT" --topic TryCourier --threads 8 --duration 10s
echo "== draining everything that was produced"
$BENCH consume --namesrv "127.0.0.1:$NAMESRV_PORT" --topic TryCourier --threads 4

echo "== the node is still running (pid $NODE_PID)"
echo "   health:  curl -s localhost:$ACTUATOR_PORT/actuator/health"
echo "   topics:  curl -s localhost:$ACTUATOR_PORT/actuator/broker"
echo "   stop:    kill $NODE_PID"

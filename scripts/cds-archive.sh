#!/usr/bin/env bash
# Makes the broker jar start faster with class data sharing (AppCDS): extracts the executable jar into a
# plain classpath (Spring Boot's `-Djarmode=tools extract`; CDS cannot map classes out of nested jars),
# runs one training start (a standalone node on free ports and a throw-away store, stopped once the
# context has refreshed) and writes the archive of every class it loaded.
#   scripts/cds-archive.sh [broker jar] [output directory]
#   java -XX:SharedArchiveFile=<out>/mq-broker.jsa -jar <out>/app/mq-broker.jar --standalone ...
# The archive belongs to the JVM that wrote it and to this jar: make it again after either changes (the
# JVM refuses a stale archive with a warning and starts without it). docker/broker/Dockerfile does this
# at image build time. Defaults: mq-broker-boot/target/mq-broker.jar, mq-broker-boot/target/cds.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${1:-mq-broker-boot/target/mq-broker.jar}
OUT=${2:-mq-broker-boot/target/cds}
[[ -f $JAR ]] || { echo "no $JAR: build it with mvn -B -q -DskipTests package -pl mq-broker-boot -am" >&2; exit 1; }

rm -rf "$OUT"
mkdir -p "$OUT"
# absolute: the archive records the class path it was made with, and a start from any other directory with
# a relative one would find "mq-broker-boot/..." missing and run without the archive
OUT=$(cd "$OUT" && pwd)
java -Djarmode=tools -jar "$JAR" extract --destination "$OUT/app" >/dev/null
TRAINING=$(mktemp -d)
trap 'rm -rf "$TRAINING"' EXIT
# spring.context.exit=onRefresh ends the run once the context is refreshed; the broker has started by then
java -XX:ArchiveClassesAtExit="$OUT/mq-broker.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -Dspring.context.exit=onRefresh -jar "$OUT/app/mq-broker.jar" --standalone \
    --courier.namesrv.listen-port=0 --courier.namesrv.bind-address=127.0.0.1 \
    --courier.broker.listenPort=0 --courier.broker.bindAddress=127.0.0.1 --courier.broker.brokerIP1=127.0.0.1 \
    --courier.broker.storePathRootDir="$TRAINING/store" --server.port=0 --server.address=127.0.0.1 \
    >"$TRAINING/training.log" 2>&1 || { tail -n 30 "$TRAINING/training.log" >&2; exit 1; }
[[ -s $OUT/mq-broker.jsa ]] || { echo "no archive written; the training run said:" >&2; tail -n 30 "$TRAINING/training.log" >&2; exit 1; }
echo "archive: $OUT/mq-broker.jsa ($(du -h "$OUT/mq-broker.jsa" | cut -f1))"
echo "start:   java -XX:SharedArchiveFile=$OUT/mq-broker.jsa -jar $OUT/app/mq-broker.jar --standalone"

#!/usr/bin/env bash
# The load generator with the official Apache RocketMQ 5.2.0 producer as its transport: same options,
# runners and RESULT line as `java -jar mq-tools/target/mq-tools.jar bench <mode> ...`, producing modes only.
#   scripts/bench-official-client.sh produce-sync --namesrv 127.0.0.1:9876 --topic T --threads 32 --duration 20s
# It runs io.couriermq.compat.bench.OfficialClientBench from mq-compat-tests' test classes, whose classpath holds
# the official client (Netty 4.1) and the mq-tools jar without its dependencies. Builds what is missing first;
# MVN_ARGS is passed to every mvn call (e.g. MVN_ARGS=-Dmaven.repo.local=/path/to/repository). JAVA_OPTS is
# passed to the JVM.
set -euo pipefail
cd "$(dirname "$0")/.."

MVN_ARGS=${MVN_ARGS:-}
COMPAT=mq-tests/mq-compat-tests
if [[ ! -f $COMPAT/target/bench-classpath.txt || ! -d $COMPAT/target/test-classes/io/couriermq/compat/bench \
      || -n ${REBUILD:-} ]]; then
    echo "== building mq-tools and mq-process-harness (installed: mq-compat-tests depends on their jars) and the compat test classes" >&2
    mvn -B -q $MVN_ARGS -pl mq-tools,:mq-process-harness -am install -DskipTests >&2
    (cd $COMPAT && mvn -B -q $MVN_ARGS test-compile >&2)
fi

LOGS=${BENCH_LOGS:-$PWD/$COMPAT/target/bench-official-logs}
mkdir -p "$LOGS"
# The official client logs to ~/logs/rocketmqlogs unless told otherwise.
exec java ${JAVA_OPTS:-} -Drocketmq.client.logRoot="$LOGS" \
    -Drmq.logback.configurationFile=rmq.compat-client.logback.xml \
    -cp "$COMPAT/target/test-classes:$(cat $COMPAT/target/bench-classpath.txt)" \
    io.couriermq.compat.bench.OfficialClientBench "$@"

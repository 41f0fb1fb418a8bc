#!/usr/bin/env bash
# Issue 15's proof: CourierMQ and Apache RocketMQ 5.2.0 started in turn on this machine (each its own
# NameServer and broker processes, a fresh store per start), every figure of the issue's table measured
# --rounds times with the same client, alternating which system goes first; prints one markdown table of
# medians and CourierMQ/RocketMQ ratios with the raw RESULT lines, the machine and this command line, and
# writes it to target/side-by-side/<timestamp>.md (relative to the repository root, or --out DIR).
#   scripts/bench-vs-rocketmq.sh                                   # everything, 2 rounds: ~15-20 min
#   scripts/bench-vs-rocketmq.sh --size 16384                      # the same with 16 KiB bodies
#   scripts/bench-vs-rocketmq.sh --rounds 1 --only sync,launch --duration 2s --warmup 0s   # a quick look
# Options: --rounds N (2) --size BYTES (1024) --duration 20s --warmup 5s (an unreported run of the same load
# first; 0s skips it) --backlog N (1000000, the drain figure) --rate N (10000, the latency figure)
# --launches N (3 per system per round) --topics N (10000, the many-topics figure: sync sends spread over N topics
# x 8 queues) --only sync,async,batch,sync-flush,many-topics,drain,latency,rss,launch --out DIR.
# Measures mq-broker-boot/target/mq-broker.jar as it finds it. Builds what is missing first: both boot
# jars, the mq-tools jar, mq-process-harness (installed: mq-compat-tests depends on it), the compat test
# classes and their classpath files; REBUILD=1 rebuilds all but the boot jars. MVN_ARGS is passed to every
# mvn call (e.g. MVN_ARGS="-o -Dmaven.repo.local=/path/to/repository").
set -euo pipefail
cd "$(dirname "$0")/.."

MVN_ARGS=${MVN_ARGS:-}
COMPAT=mq-tests/mq-compat-tests
if [[ ! -f mq-broker-boot/target/mq-broker.jar || ! -f mq-namesrv-boot/target/mq-namesrv.jar ]]; then
    echo "== building our broker and NameServer jars" >&2
    # shellcheck disable=SC2086
    mvn -B -q $MVN_ARGS -pl mq-broker-boot,mq-namesrv-boot -am package -DskipTests >&2
fi
if [[ ! -f mq-tools/target/mq-tools.jar || ! -f $COMPAT/target/bench-classpath.txt \
      || ! -f $COMPAT/target/compat-classpath.txt \
      || ! -f $COMPAT/target/test-classes/io/couriermq/compat/bench/SideBySide.class || -n ${REBUILD:-} ]]; then
    echo "== building mq-tools and mq-process-harness (installed) and the compat test classes" >&2
    # shellcheck disable=SC2086
    mvn -B -q $MVN_ARGS -pl mq-tools,:mq-process-harness -am install -DskipTests >&2
    # shellcheck disable=SC2086
    (cd $COMPAT && mvn -B -q $MVN_ARGS test-compile >&2)
fi

# basedir: where the process harness finds its work directory and the official servers' classpath file.
exec java -Xmx512m -Dbasedir="$PWD/$COMPAT" \
    -Dsidebyside.command="scripts/bench-vs-rocketmq.sh" \
    -Drmq.logback.configurationFile=rmq.compat-client.logback.xml \
    -cp "$COMPAT/target/test-classes:$(cat $COMPAT/target/bench-classpath.txt)" \
    io.couriermq.compat.bench.SideBySide "$@"

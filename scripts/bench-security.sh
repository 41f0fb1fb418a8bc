#!/usr/bin/env bash
# Sync-send TPS with ACL on and with TLS on, as ratios of plain, same run. For each configuration a fresh
# standalone node (NameServer + broker in one process, free ports, empty store): plain; aclEnable with a
# plain_acl.yml (every request signed and verified); TLS permissive with certificates made here by openssl
# (the client on TLS, verifying the chain and the hostname). The same bench produce-sync (same messages,
# size, threads; an unreported warm-up first) runs against each; rounds alternate the order. Prints one
# line per run and the median TPS of each configuration with its ratio to plain's.
#   scripts/bench-security.sh [rounds=2] [messages=20000]
# Builds nothing: needs mq-broker-boot/target/mq-broker.jar and mq-tools/target/mq-tools.jar
# (mvn -B -q -DskipTests package -pl mq-broker-boot,mq-tools -am). THREADS, SIZE, WARMUP (messages before
# each measured run; 0 skips it) and OUT may be set.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${1:-2}
MESSAGES=${2:-20000}
THREADS=${THREADS:-16}
SIZE=${SIZE:-1024}
WARMUP=${WARMUP:-5000}
OUT=${OUT:-$PWD/target/bench-security}
NODE_JAR=mq-broker-boot/target/mq-broker.jar
TOOLS="java -Xmx512m -jar mq-tools/target/mq-tools.jar"
for jar in "$NODE_JAR" mq-tools/target/mq-tools.jar; do
    [[ -f $jar ]] || { echo "missing $jar: mvn -B -q -DskipTests package -pl mq-broker-boot,mq-tools -am" >&2; exit 1; }
done
command -v openssl >/dev/null || { echo "openssl is needed to make the TLS certificates" >&2; exit 1; }
rm -rf "$OUT" && mkdir -p "$OUT"

NODE_PID=
cleanup() { if [[ -n $NODE_PID ]]; then kill "$NODE_PID" 2>/dev/null || true; wait "$NODE_PID" 2>/dev/null || true; fi; }

free_port() { # a free port P whose P-2 (the broker's fast channel) is free too
    python3 - <<'PY'
import socket
def free(p):
    s = socket.socket()
    try:
        s.bind(("0.0.0.0", p)); return True
    except OSError:
        return False
    finally:
        s.close()
while True:
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close()
    if p > 1026 and free(p) and free(p - 2):
        print(p); break
PY
}

# A CA, and a server certificate for 127.0.0.1 and localhost signed by it (never kept: $OUT is scratch).
PKI=$OUT/pki
mkdir -p "$PKI"
(
    cd "$PKI"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj "/CN=bench CA"
    openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=localhost"
    printf "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n" >server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 \
        -extfile server.ext
) >"$OUT/openssl.log" 2>&1

# An admin account creates the topic; the sending account may only publish and subscribe (the usual case).
SECRET=bench-secret-1
cat >"$OUT/plain_acl.yml" <<YAML
accounts:
  - accessKey: BenchAdmin
    secretKey: '$SECRET'
    admin: true
  - accessKey: BenchUser
    secretKey: '$SECRET'
    admin: false
    defaultTopicPerm: PUB|SUB
    defaultGroupPerm: PUB|SUB
YAML

node_args() { # config -> the node's extra arguments
    case $1 in
        plain) ;;
        acl) echo "--courier.broker.aclEnable=true --courier.acl.file=$OUT/plain_acl.yml" ;;
        tls) echo "--courier.tls.server.mode=permissive --courier.tls.server.certPath=$PKI/server.pem" \
            "--courier.tls.server.keyPath=$PKI/server.key" ;;
    esac
}

client_args() { # config -> the global mq-tools options
    case $1 in
        plain) ;;
        acl) echo "--access-key BenchUser --secret-key $SECRET" ;;
        tls) echo "--tls-ca $PKI/ca.pem" ;;
    esac
}

run() { # config round
    local config=$1 round=$2 dir="$OUT/$1-$2"
    mkdir -p "$dir"
    local namesrv_port broker_port
    namesrv_port=$(free_port)
    broker_port=$(free_port)
    local namesrv=127.0.0.1:$namesrv_port topic=BenchSecurity
    # shellcheck disable=SC2046
    java -Xms1g -Xmx1g -XX:MaxDirectMemorySize=512m -jar "$NODE_JAR" --standalone \
        --courier.namesrv.listen-port="$namesrv_port" --courier.broker.listenPort="$broker_port" \
        --courier.broker.haListenPort="$(free_port)" --courier.broker.brokerIP1=127.0.0.1 \
        --courier.broker.storePathRootDir="$dir/store" --server.port=0 $(node_args "$config") \
        >"$dir/node.log" 2>&1 &
    NODE_PID=$!
    for _ in $(seq 1 90); do
        grep -qs "registered with NameServer" "$dir/node.log" && break
        kill -0 "$NODE_PID" 2>/dev/null || { echo "node ($config) exited:" >&2; tail -n 20 "$dir/node.log" >&2; exit 1; }
        sleep 1
    done
    # shellcheck disable=SC2046
    if [[ $config == acl ]]; then
        $TOOLS --access-key BenchAdmin --secret-key "$SECRET" topic create -n "$namesrv" -t "$topic" \
            -c DefaultCluster >"$dir/topic.log" 2>&1
    fi
    local bench=(bench produce-sync --namesrv "$namesrv" --topic "$topic" --threads "$THREADS" --size "$SIZE")
    if (( WARMUP > 0 )); then
        # shellcheck disable=SC2046
        $TOOLS $(client_args "$config") "${bench[@]}" --messages "$WARMUP" >"$dir/warmup.log" 2>&1 || true
    fi
    # shellcheck disable=SC2046
    $TOOLS $(client_args "$config") "${bench[@]}" --messages "$MESSAGES" >"$dir/bench.log" 2>&1 || true
    local result
    result=$(grep '^RESULT' "$dir/bench.log" || echo "RESULT failed: see $dir/bench.log")
    printf '%s\tround %s\tload %s\t%s\n' "$config" "$round" "$(uptime | sed 's/.*load average: //')" "$result"
    kill "$NODE_PID" 2>/dev/null || true
    wait "$NODE_PID" 2>/dev/null || true
    NODE_PID=
}

# The rounds run in a subshell (the pipe): it needs its own trap to stop a node left running by a failure.
{
    trap cleanup EXIT
    for round in $(seq 1 "$ROUNDS"); do
        if (( round % 2 )); then order=(plain acl tls); else order=(tls acl plain); fi
        for config in "${order[@]}"; do
            run "$config" "$round"
        done
    done
} | tee "$OUT/results.tsv"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
tps() { grep "^$1	" "$OUT/results.tsv" | grep -o 'tps=[0-9.]*' | cut -d= -f2 | median; }
PLAIN=$(tps plain)
ACL=$(tps acl)
TLS=$(tps tls)
awk -v p="$PLAIN" -v a="$ACL" -v t="$TLS" -v n="$MESSAGES" -v th="$THREADS" -v s="$SIZE" 'BEGIN {
    printf "median sync-send tps (%d messages, %d threads, %d bytes): plain %.1f, ACL %.1f (%.2f of plain), TLS %.1f (%.2f of plain)\n",
        n, th, s, p, a, (p > 0 ? a / p : 0), t, (p > 0 ? t / p : 0) }'

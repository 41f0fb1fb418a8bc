package io.couriermq.broker.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * RocketMQ broker.conf keys that CourierMQ cannot honour and whose silent ignoring would leave the broker
 * less durable or less safe than its operator asked: a broker given one of them with such a value does not
 * start, and the message names the key. Any other key CourierMQ does not know is only reported (see
 * {@link BrokerSettings#unknownKeys()}): a thread-pool size or a metrics exporter it ignores changes neither.
 * {@code aclEnable} and the {@code tls.*} keys are not listed here: they have their own readers.
 */
final class UnhonouredKeys {

    /** A key, when its value asks for what CourierMQ lacks, and what to do instead. */
    private record Rule(String key, BiPredicate<String, Path> refuses, String why) {}

    private static final List<Rule> RULES = List.of(
            new Rule(
                    "enableDLegerCommitLog",
                    (value, root) -> isTrue(value),
                    "CourierMQ has no DLedger (Raft) commit log; replicate with brokerRole=SYNC_MASTER and a SLAVE"),
            new Rule(
                    "enableControllerMode",
                    (value, root) -> isTrue(value),
                    "CourierMQ has no controller and no automatic master election; a slave never takes over"),
            new Rule(
                    "duplicationEnable",
                    (value, root) -> isTrue(value),
                    "CourierMQ's commit log has no duplication mode (it assigns every offset itself)"),
            new Rule(
                    "transientStorePoolEnable",
                    (value, root) -> isTrue(value),
                    "CourierMQ has no transient store pool; writes go straight to the mapped commit log"),
            new Rule(
                    "storePathCommitLog",
                    (value, root) -> !isDefaultCommitLogDir(value, root),
                    "CourierMQ keeps the commit log at <storePathRootDir>/commitlog; set storePathRootDir instead"),
            new Rule(
                    "readOnlyCommitLogStorePaths",
                    (value, root) -> !value.isBlank(),
                    "CourierMQ reads one commit log directory only; messages in other paths would not be served"),
            new Rule(
                    "inSyncReplicas",
                    (value, root) -> ConfigValues.parseInt("inSyncReplicas", value) > 2,
                    "a SYNC_MASTER of CourierMQ waits for one slave, so at most 2 replicas (master + 1) acknowledge"),
            new Rule(
                    "minInSyncReplicas",
                    (value, root) -> ConfigValues.parseInt("minInSyncReplicas", value) > 2,
                    "a SYNC_MASTER of CourierMQ waits for one slave, so at most 2 replicas (master + 1) acknowledge"),
            new Rule(
                    "rejectTransactionMessage",
                    (value, root) -> isTrue(value),
                    "CourierMQ always accepts transactional messages; it has no switch to refuse them"));

    private UnhonouredKeys() {}

    /** Keys whose every value CourierMQ honours as it is (so they are not reported as unknown). */
    static boolean honoured(String key, String value, Path storeRoot) {
        return key.equals("storePathCommitLog") && isDefaultCommitLogDir(value, storeRoot);
    }

    /** Fails, naming every offending key, when {@code entries} ask for something CourierMQ cannot do. */
    static void check(Map<String, String> entries, Path storeRoot) {
        List<String> refused = new ArrayList<>();
        for (Rule rule : RULES) {
            String value = entries.get(rule.key());
            if (value != null && rule.refuses().test(value.trim(), storeRoot)) {
                refused.add(rule.key() + "=" + value.trim() + " cannot be honoured: " + rule.why());
            }
        }
        if (!refused.isEmpty()) {
            throw new InvalidConfigException(String.join("; ", refused)
                    + (refused.size() == 1 ? ". Remove the key" : ". Remove these keys")
                    + " or give the value that CourierMQ can honour.");
        }
    }

    private static boolean isTrue(String value) {
        return value.equalsIgnoreCase("true");
    }

    private static boolean isDefaultCommitLogDir(String value, Path storeRoot) {
        if (value.isBlank()) {
            return true;
        }
        Path given = Path.of(value.trim()).toAbsolutePath().normalize();
        return given.equals(storeRoot.resolve("commitlog").toAbsolutePath().normalize());
    }
}

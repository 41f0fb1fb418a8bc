package io.couriermq.compat.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Valid requests the mutations start from: the codes clients, brokers and admin tools send most, with
 * the fields each one needs. Every name in them (cluster, broker, groups, topics) is the fuzzer's own,
 * so a mutated frame that stays valid cannot unregister, wipe or reconfigure the node under test.
 */
final class FrameCorpus {
    static final String TOPIC = "FuzzTopic";
    static final String BROKER_NAME = "fuzz-broker";
    static final String CLUSTER = "FuzzCluster";

    /** One request before encoding: its code, header ext fields and body (or null). */
    record Request(int code, Map<String, String> extFields, byte[] body) {
        Request withCode(int newCode) {
            return new Request(newCode, extFields, body);
        }

        Request withExtFields(Map<String, String> fields) {
            return new Request(code, fields, body);
        }

        Request withBody(byte[] newBody) {
            return new Request(code, extFields, newBody);
        }
    }

    private FrameCorpus() {}

    static List<Request> requests() {
        return List.of(
                request(105, "topic", TOPIC),
                request(
                                103,
                                "brokerName",
                                BROKER_NAME,
                                "brokerAddr",
                                "127.0.0.1:1",
                                "clusterName",
                                CLUSTER,
                                "brokerId",
                                "0",
                                "haServerAddr",
                                "127.0.0.1:2",
                                "compressed",
                                "false")
                        .withBody(json("{\"topicConfigSerializeWrapper\":{\"dataVersion\":{\"counter\":1,"
                                + "\"timestamp\":1},\"topicConfigTable\":{\"" + TOPIC + "\":{\"topicName\":\""
                                + TOPIC + "\",\"readQueueNums\":4,\"writeQueueNums\":4,\"perm\":6}}},"
                                + "\"filterServerList\":[]}")),
                request(
                                322,
                                "brokerName",
                                BROKER_NAME,
                                "brokerAddr",
                                "127.0.0.1:1",
                                "clusterName",
                                CLUSTER,
                                "brokerId",
                                "0")
                        .withBody(json("{\"counter\":1,\"timestamp\":1}")),
                request(904, "brokerAddr", "127.0.0.1:1", "clusterName", CLUSTER),
                request(219, "namespace", "ORDER_TOPIC_CONFIG"),
                request(106),
                request(
                                310,
                                "a",
                                "fuzz-pg",
                                "b",
                                TOPIC,
                                "c",
                                "TBW102",
                                "d",
                                "4",
                                "e",
                                "0",
                                "f",
                                "0",
                                "g",
                                "1700000000000",
                                "h",
                                "0",
                                "i",
                                "TAGS\u0001A\u0002KEYS\u0001k\u0002",
                                "j",
                                "0",
                                "k",
                                "false",
                                "m",
                                "false")
                        .withBody(json("fuzz body")),
                request(
                        11,
                        "consumerGroup",
                        "fuzz-cg",
                        "topic",
                        TOPIC,
                        "queueId",
                        "0",
                        "queueOffset",
                        "0",
                        "maxMsgNums",
                        "32",
                        "sysFlag",
                        "4",
                        "commitOffset",
                        "0",
                        "suspendTimeoutMillis",
                        "0",
                        "subscription",
                        "*",
                        "subVersion",
                        "0",
                        "expressionType",
                        "TAG"),
                request(34)
                        .withBody(json("{\"clientID\":\"fuzz@1\",\"producerDataSet\":[{\"groupName\":\"fuzz-pg\"}],"
                                + "\"consumerDataSet\":[{\"groupName\":\"fuzz-cg\",\"consumeType\":\"CONSUME_PASSIVELY\","
                                + "\"messageModel\":\"CLUSTERING\",\"consumeFromWhere\":\"CONSUME_FROM_LAST_OFFSET\","
                                + "\"subscriptionDataSet\":[{\"topic\":\"" + TOPIC + "\",\"subString\":\"*\","
                                + "\"expressionType\":\"TAG\",\"subVersion\":1}],\"unitMode\":false}]}")),
                request(41).withBody(lockBody()),
                request(42).withBody(lockBody()),
                request(14, "consumerGroup", "fuzz-cg", "topic", TOPIC, "queueId", "0"),
                request(15, "consumerGroup", "fuzz-cg", "topic", TOPIC, "queueId", "0", "commitOffset", "1"),
                request(30, "topic", TOPIC, "queueId", "0"),
                request(
                        36,
                        "offset",
                        "0",
                        "group",
                        "fuzz-cg",
                        "delayLevel",
                        "0",
                        "originMsgId",
                        "0A00000100002A9F0000000000000000",
                        "originTopic",
                        TOPIC),
                request(
                        17,
                        "topic",
                        TOPIC,
                        "defaultTopic",
                        "TBW102",
                        "readQueueNums",
                        "4",
                        "writeQueueNums",
                        "4",
                        "perm",
                        "6",
                        "topicFilterType",
                        "SINGLE_TAG",
                        "order",
                        "false"),
                request(38, "consumerGroup", "fuzz-cg"),
                request(
                        12,
                        "topic",
                        TOPIC,
                        "key",
                        "k",
                        "maxNum",
                        "32",
                        "beginTimestamp",
                        "0",
                        "endTimestamp",
                        "9999999999999"));
    }

    private static byte[] lockBody() {
        return json("{\"consumerGroup\":\"fuzz-cg\",\"clientId\":\"fuzz@1\",\"onlyThisBroker\":false,"
                + "\"mqSet\":[{\"topic\":\"" + TOPIC + "\",\"brokerName\":\"" + BROKER_NAME + "\",\"queueId\":0}]}");
    }

    private static Request request(int code, String... keysAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new Request(code, fields, null);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

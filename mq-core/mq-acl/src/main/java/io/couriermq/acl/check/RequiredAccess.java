package io.couriermq.acl.check;

import io.couriermq.acl.model.AccountConfig;
import io.couriermq.acl.model.AclPermission;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.body.ConsumerData;
import io.couriermq.remoting.protocol.body.HeartbeatData;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import java.util.HashMap;
import java.util.Map;

/**
 * The permissions a request needs, by resource, as RocketMQ 5.2.0's {@code PlainAccessResource.parse}
 * reads them: a topic by name, a consumer group as {@code %RETRY%<group>}. Codes not listed need only a
 * valid signature (and admin codes an admin account, decided by {@link AccessValidator}).
 *
 * <table>
 *   <caption>needs</caption>
 *   <tr><td>SEND_MESSAGE (10)</td><td>PUB on ext {@code topic}; a retry topic: SUB on group ext {@code group}</td></tr>
 *   <tr><td>SEND_MESSAGE_V2 / SEND_BATCH_MESSAGE (310/320)</td><td>PUB on {@code b}; a retry topic: SUB on group {@code a}</td></tr>
 *   <tr><td>CONSUMER_SEND_MSG_BACK (36)</td><td>SUB on group {@code group}</td></tr>
 *   <tr><td>PULL_MESSAGE (11), LITE_PULL_MESSAGE (361)</td><td>SUB on {@code topic} and on group {@code
 *       consumerGroup}</td></tr>
 *   <tr><td>QUERY_MESSAGE (12)</td><td>SUB on {@code topic}</td></tr>
 *   <tr><td>HEART_BEAT (34)</td><td>per consumer of the body: SUB on its group and each subscribed topic</td></tr>
 *   <tr><td>UNREGISTER_CLIENT / GET_CONSUMER_LIST_BY_GROUP (35/38)</td><td>SUB on group {@code consumerGroup}</td></tr>
 *   <tr><td>UPDATE_CONSUMER_OFFSET (15)</td><td>SUB on group {@code consumerGroup} and on {@code topic}</td></tr>
 * </table>
 */
public final class RequiredAccess {
    private RequiredAccess() {}

    /**
     * Needed permission by resource. A {@link HashMap}, as in RocketMQ, on purpose: when several resources
     * fail, the one reported is the first in this map's iteration order, which is then the same as the
     * official broker's. IllegalArgumentException when the request cannot be read.
     */
    public static Map<String, Byte> of(RemotingCommand request) {
        Map<String, Byte> needs = new HashMap<>();
        Map<String, String> ext = request.extFields();
        RequestCode code = RequestCode.of(request.code());
        if (code == null) {
            return needs;
        }
        switch (code) {
            case SEND_MESSAGE -> send(needs, ext.get("topic"), ext.get("group"));
            case SEND_MESSAGE_V2, SEND_BATCH_MESSAGE -> send(needs, ext.get("b"), ext.get("a"));
            case CONSUMER_SEND_MSG_BACK -> add(needs, group(ext.get("group")), AclPermission.SUB);
            case PULL_MESSAGE, LITE_PULL_MESSAGE -> {
                add(needs, ext.get("topic"), AclPermission.SUB);
                add(needs, group(ext.get("consumerGroup")), AclPermission.SUB);
            }
            case QUERY_MESSAGE -> add(needs, ext.get("topic"), AclPermission.SUB);
            case HEART_BEAT -> heartbeat(needs, request);
            case UNREGISTER_CLIENT, GET_CONSUMER_LIST_BY_GROUP ->
                add(needs, group(ext.get("consumerGroup")), AclPermission.SUB);
            case UPDATE_CONSUMER_OFFSET -> {
                add(needs, group(ext.get("consumerGroup")), AclPermission.SUB);
                add(needs, ext.get("topic"), AclPermission.SUB);
            }
            default -> {
                // a valid signature is enough
            }
        }
        return needs;
    }

    /** Whether {@code resource} stands for a consumer group ({@code %RETRY%<group>}). */
    public static boolean isGroup(String resource) {
        return resource != null && resource.startsWith(AccountConfig.RETRY_PREFIX);
    }

    /** How messages name a resource: {@code topic:T} or {@code group:G} (without {@code %RETRY%}). */
    public static String describe(String resource) {
        return isGroup(resource)
                ? "group:" + resource.substring(AccountConfig.RETRY_PREFIX.length())
                : "topic:" + resource;
    }

    private static void send(Map<String, Byte> needs, String topic, String group) {
        if (isGroup(topic)) {
            add(needs, group(group), AclPermission.SUB);
        } else {
            add(needs, topic, AclPermission.PUB);
        }
    }

    private static void heartbeat(Map<String, Byte> needs, RemotingCommand request) {
        HeartbeatData heartbeat;
        try {
            heartbeat = RemotingJson.decode(request.body(), HeartbeatData.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        for (ConsumerData consumer : heartbeat.consumerDataSet()) {
            add(needs, group(consumer.groupName()), AclPermission.SUB);
            for (SubscriptionData subscription : consumer.subscriptionDataSet()) {
                add(needs, subscription.topic(), AclPermission.SUB);
            }
        }
    }

    private static String group(String group) {
        return group == null ? null : AccountConfig.RETRY_PREFIX + group;
    }

    private static void add(Map<String, Byte> needs, String resource, byte permission) {
        if (resource != null) {
            needs.put(resource, permission);
        }
    }
}

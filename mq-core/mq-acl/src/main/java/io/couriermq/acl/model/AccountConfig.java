package io.couriermq.acl.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One account as written in plain_acl.yml (RocketMQ's {@code PlainAccessConfig}): the strings as
 * configured, so the file can be written back as it was. {@link #compile()} checks it and turns it into
 * the {@link Account} requests are checked against.
 *
 * @param topicPerms entries {@code topic=PERM}
 * @param groupPerms entries {@code group=PERM}
 */
public record AccountConfig(
        String accessKey,
        String secretKey,
        String whiteRemoteAddress,
        boolean admin,
        String defaultTopicPerm,
        String defaultGroupPerm,
        List<String> topicPerms,
        List<String> groupPerms) {

    /** RocketMQ's AclConstants: keys must be longer than this. */
    public static final int KEY_MIN_LENGTH = 6;

    public static final String RETRY_PREFIX = "%RETRY%";

    public AccountConfig {
        topicPerms = topicPerms == null ? List.of() : List.copyOf(topicPerms);
        groupPerms = groupPerms == null ? List.of() : List.copyOf(groupPerms);
    }

    /**
     * The checked account; IllegalArgumentException naming the problem (a key of 6 characters or fewer,
     * an unknown permission, an entry that is not {@code name=PERM}, a bad address pattern).
     */
    public Account compile() {
        checkKey("accessKey", accessKey);
        checkKey("secretKey", secretKey);
        Map<String, Byte> resources = new HashMap<>();
        topicPerms.forEach(entry -> put(resources, "topicPerms", entry, false));
        groupPerms.forEach(entry -> put(resources, "groupPerms", entry, true));
        return new Account(
                accessKey,
                secretKey,
                AddressPattern.parse(whiteRemoteAddress),
                admin,
                permission("defaultTopicPerm", defaultTopicPerm),
                permission("defaultGroupPerm", defaultGroupPerm),
                resources);
    }

    /** The same account with the fields {@code change} sets (non-null) replaced, as 5.2.0's update does. */
    public AccountConfig mergedWith(AccountConfig change) {
        return new AccountConfig(
                accessKey,
                blank(change.secretKey) ? secretKey : change.secretKey,
                change.whiteRemoteAddress != null ? change.whiteRemoteAddress : whiteRemoteAddress,
                change.admin,
                blank(change.defaultTopicPerm) ? defaultTopicPerm : change.defaultTopicPerm,
                blank(change.defaultGroupPerm) ? defaultGroupPerm : change.defaultGroupPerm,
                change.topicPerms.isEmpty() ? topicPerms : change.topicPerms,
                change.groupPerms.isEmpty() ? groupPerms : change.groupPerms);
    }

    private static boolean blank(String text) {
        return text == null || text.isEmpty();
    }

    /** Refuses an access or secret key of 6 characters or fewer (RocketMQ's minimum). */
    public static void checkKey(String name, String value) {
        if (value == null || value.length() <= KEY_MIN_LENGTH) {
            // the value is not shown: for the secret key that would put it into a log
            throw new IllegalArgumentException(name + " must be longer than " + KEY_MIN_LENGTH + " characters, was "
                    + (value == null ? "missing" : value.length() + " long"));
        }
    }

    private static byte permission(String name, String value) {
        try {
            return AclPermission.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a {@code topicPerms}/{@code groupPerms} entry that is not {@code name=PERM}. */
    public static void checkEntry(String name, String entry) {
        put(new HashMap<>(), name, entry, false);
    }

    private static void put(Map<String, Byte> resources, String name, String entry, boolean group) {
        String[] parts = entry == null ? new String[0] : entry.split("=", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException(
                    name + " entry '" + entry + "' is not name=PERM (for example TopicA=PUB|SUB)");
        }
        String resource = group ? RETRY_PREFIX + parts[0].trim() : parts[0].trim();
        resources.put(resource, permission(name + " entry '" + entry + "'", parts[1]));
    }

    /** Never shows the secret key. */
    @Override
    public String toString() {
        return "AccountConfig[accessKey=" + accessKey + ", admin=" + admin + ", whiteRemoteAddress="
                + whiteRemoteAddress + "]";
    }
}

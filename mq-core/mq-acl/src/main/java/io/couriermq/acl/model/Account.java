package io.couriermq.acl.model;

import java.util.Map;

/**
 * A checked account, as requests are judged against it.
 *
 * @param resourcePerms permission by resource: topic names, and consumer groups as {@code %RETRY%<group>}
 */
public record Account(
        String accessKey,
        String secretKey,
        AddressPattern whiteRemoteAddress,
        boolean admin,
        byte defaultTopicPerm,
        byte defaultGroupPerm,
        Map<String, Byte> resourcePerms) {

    public Account {
        resourcePerms = Map.copyOf(resourcePerms);
    }

    /** Never shows the secret key. */
    @Override
    public String toString() {
        return "Account[accessKey=" + accessKey + ", admin=" + admin + "]";
    }
}

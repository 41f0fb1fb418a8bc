package io.couriermq.console.admin;

import java.util.Set;

/** The consumer groups every broker creates for itself; the group list leaves them out. */
final class SystemNames {
    private static final Set<String> SYSTEM_GROUPS = Set.of(
            "TOOLS_CONSUMER",
            "FILTERSRV_CONSUMER",
            "SELF_TEST_C_GROUP",
            "CID_RMQ_SYS_TRANS",
            "CID_ONS-HTTP-PROXY",
            "CID_ONSAPI_PERMISSION",
            "CID_ONSAPI_OWNER",
            "CID_ONSAPI_PULL",
            "CID_SYS_RMQ_TRANS");

    private SystemNames() {}

    static boolean isSystemGroup(String group) {
        return SYSTEM_GROUPS.contains(group) || group.startsWith("CID_RMQ_SYS_");
    }
}

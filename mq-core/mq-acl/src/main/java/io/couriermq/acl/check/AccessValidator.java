package io.couriermq.acl.check;

import io.couriermq.acl.model.Account;
import io.couriermq.acl.model.Accounts;
import io.couriermq.acl.model.AclPermission;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.security.RequestSignature;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides one request against the accounts in force, in RocketMQ 5.2.0's order:
 *
 * <ol>
 *   <li>the resources the request needs are read ({@link RequiredAccess}); an unreadable request is refused;
 *   <li>a client address on the global white list is let through (no key needed);
 *   <li>no {@code AccessKey}: "No accessKey is configured";
 *   <li>an unknown key: "No acl config for K";
 *   <li>a client address on the account's white list is let through (no signature, no permission check);
 *   <li>the signature ({@link RequestSignature#verify}, constant time): "Check signature failed for accessKey=K";
 *   <li>a request that needs only PUB on {@code RMQ_SYS_TRACE_TOPIC} (message trace) is let through;
 *   <li>an admin account is let through; an admin code from another: "Need admin permission for request
 *       code=N, but accessKey=K is not";
 *   <li>each needed resource against its explicit permission, else the account's default for topics or
 *       groups: "No permission for topic:T" / "No default permission for group:G".
 * </ol>
 *
 * <p>Deliberate hardening: the ACL management codes 50-54 (create/update/delete accounts, versions, the
 * global white list) are admin codes here. RocketMQ 5.2.0 lets any signed account call them, so any
 * account could make itself admin; mqadmin with an admin account works the same on both.
 */
public final class AccessValidator {
    public static final String TRACE_TOPIC = "RMQ_SYS_TRACE_TOPIC";

    /** RocketMQ's admin codes, plus ACL management (50-54): see the class comment. */
    public static final Set<Integer> ADMIN_CODES = Set.of(
            RequestCode.UPDATE_AND_CREATE_TOPIC.code(),
            RequestCode.UPDATE_BROKER_CONFIG.code(),
            RequestCode.DELETE_TOPIC_IN_BROKER.code(),
            RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP.code(),
            RequestCode.DELETE_SUBSCRIPTIONGROUP.code(),
            RequestCode.UPDATE_AND_CREATE_ACL_CONFIG.code(),
            RequestCode.DELETE_ACL_CONFIG.code(),
            RequestCode.GET_BROKER_CLUSTER_ACL_INFO.code(),
            RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG.code(),
            RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG.code());

    private AccessValidator() {}

    /**
     * Null when {@code request} from {@code remoteAddress} ("ip:port" or "ip") may run; otherwise why not.
     */
    public static AccessDenial check(Accounts accounts, String remoteAddress, RemotingCommand request) {
        Map<String, Byte> needs;
        try {
            needs = request.extFields().isEmpty() ? Map.of() : RequiredAccess.of(request);
        } catch (IllegalArgumentException e) {
            return new AccessDenial(
                    DenialReason.UNREADABLE_REQUEST, e.getMessage(), request.extField(RequestSignature.ACCESS_KEY));
        }
        Identity identity = identify(accounts, remoteAddress, request);
        if (identity.account() == null) {
            return identity.denial();
        }
        Byte trace = needs.get(TRACE_TOPIC);
        if (trace != null && trace == AclPermission.PUB) {
            return null;
        }
        return permissions(identity.account(), request.code(), needs);
    }

    /**
     * The same identity checks as {@link #check} (white lists, key, signature), then an admin account is
     * required whatever the code: for requests that are all admin, such as the NameServer's writes. Null
     * when {@code request} may run; otherwise why not.
     */
    public static AccessDenial checkAdmin(Accounts accounts, String remoteAddress, RemotingCommand request) {
        Identity identity = identify(accounts, remoteAddress, request);
        if (identity.account() == null) {
            return identity.denial();
        }
        return identity.account().admin() ? null : needAdmin(identity.account(), request.code());
    }

    /**
     * Steps 2 to 6: who sent the request. Either a signed account, or no account with the denial (null
     * for a white-listed address, which skips every later check).
     */
    private static Identity identify(Accounts accounts, String remoteAddress, RemotingCommand request) {
        String accessKey = request.extField(RequestSignature.ACCESS_KEY);
        String ip = hostOf(remoteAddress);
        if (accounts.globallyWhiteListed(ip)) {
            return Identity.WHITE_LISTED;
        }
        if (accessKey == null) {
            return Identity.refused(new AccessDenial(DenialReason.NO_ACCESS_KEY, "No accessKey is configured", null));
        }
        Optional<Account> found = accounts.account(accessKey);
        if (found.isEmpty()) {
            return Identity.refused(
                    new AccessDenial(DenialReason.UNKNOWN_ACCESS_KEY, "No acl config for " + accessKey, accessKey));
        }
        Account account = found.get();
        if (account.whiteRemoteAddress().matches(ip)) {
            return Identity.WHITE_LISTED;
        }
        if (!RequestSignature.verify(request, account.secretKey())) {
            return Identity.refused(new AccessDenial(
                    DenialReason.BAD_SIGNATURE, "Check signature failed for accessKey=" + accessKey, accessKey));
        }
        return new Identity(account, null);
    }

    private record Identity(Account account, AccessDenial denial) {
        static final Identity WHITE_LISTED = new Identity(null, null);

        static Identity refused(AccessDenial denial) {
            return new Identity(null, denial);
        }
    }

    private static AccessDenial needAdmin(Account account, int code) {
        return new AccessDenial(
                DenialReason.NEED_ADMIN,
                "Need admin permission for request code=" + code + ", but accessKey=" + account.accessKey() + " is not",
                account.accessKey());
    }

    private static AccessDenial permissions(Account account, int code, Map<String, Byte> needs) {
        if (account.admin()) {
            return null;
        }
        if (ADMIN_CODES.contains(code)) {
            return needAdmin(account, code);
        }
        for (Map.Entry<String, Byte> need : needs.entrySet()) {
            String resource = need.getKey();
            Byte explicit = account.resourcePerms().get(resource);
            if (explicit == null) {
                byte owned = RequiredAccess.isGroup(resource) ? account.defaultGroupPerm() : account.defaultTopicPerm();
                if (!AclPermission.grants(owned, need.getValue())) {
                    return new AccessDenial(
                            DenialReason.NO_PERMISSION,
                            "No default permission for " + RequiredAccess.describe(resource),
                            account.accessKey());
                }
            } else if (!AclPermission.grants(explicit, need.getValue())) {
                return new AccessDenial(
                        DenialReason.NO_PERMISSION,
                        "No permission for " + RequiredAccess.describe(resource),
                        account.accessKey());
            }
        }
        return null;
    }

    /** The client's IP: the address without its {@code :port}. */
    static String hostOf(String remoteAddress) {
        if (remoteAddress == null) {
            return "";
        }
        int colon = remoteAddress.lastIndexOf(':');
        return colon < 0 ? remoteAddress : remoteAddress.substring(0, colon);
    }
}

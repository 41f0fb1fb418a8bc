package io.couriermq.compat.harness;

import io.couriermq.harness.process.WorkDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/**
 * The ACL 1.0 fixture of the research note's test plan (§4), shared by the ACL proofs: a ROCKETMQ_HOME
 * with {@code conf/plain_acl.yml} that the broker (ours or the official one) reads at start-up and
 * reloads when it changes, the accounts' credentials, and the official client hooks that sign with them.
 *
 * <ul>
 *   <li>{@value #USER} / {@value #SECRET}: topics DENY unless listed ({@code TopicOk=PUB|SUB},
 *       {@code TopicSubOnly=SUB}, {@code TopicPubOnly=PUB}, {@code TopicDenied=DENY}), groups SUB unless
 *       listed ({@code GroupDenied=DENY}, {@code GroupPubOnly=PUB});
 *   <li>{@value #ADMIN} / {@value #SECRET}: admin;
 *   <li>{@value #TRUSTED} / {@value #SECRET}: everything DENY, but white-listed for 127.0.0.1.
 * </ul>
 */
public final class AclFixture {

    public static final String USER = "RocketMQ";
    public static final String ADMIN = "rocketmq2";
    public static final String TRUSTED = "trustedip";
    public static final String SECRET = "12345678";
    public static final String WRONG_SECRET = "87654321";

    public static final String TOPIC_OK = "TopicOk";
    public static final String TOPIC_SUB_ONLY = "TopicSubOnly";
    public static final String TOPIC_PUB_ONLY = "TopicPubOnly";
    public static final String TOPIC_DENIED = "TopicDenied";
    /** Not listed: {@value #USER}'s defaultTopicPerm (DENY) applies. */
    public static final String TOPIC_OTHER = "TopicOther";

    public static final String GROUP_DENIED = "GroupDenied";
    public static final String GROUP_PUB_ONLY = "GroupPubOnly";

    /** The start of every ACL 1.0 refusal's remark; the stack frame the official broker appends follows the text. */
    public static final String ACL_EXCEPTION = "org.apache.rocketmq.acl.common.AclException: ";

    private final Path home;

    private AclFixture(Path home) {
        this.home = home;
    }

    /**
     * A fresh ROCKETMQ_HOME {@code <compat-work>/<name>-home} with the fixture's {@code conf/plain_acl.yml}.
     * Outside the cluster's own work directory, which {@link CompatCluster} empties when it starts.
     */
    public static AclFixture create(String name) {
        AclFixture fixture = new AclFixture(WorkDir.fresh(name + "-home").toAbsolutePath());
        fixture.writeAccounts(Variant.STANDARD);
        return fixture;
    }

    public Path home() {
        return home;
    }

    public Path aclFile() {
        return home.resolve("conf/plain_acl.yml");
    }

    /** Variations of the fixture that the hot-reload proofs switch to and back. */
    public enum Variant {
        /**
         * The fixture. Its global white list holds one address no test client has (192.0.2.1, reserved for
         * documentation) rather than none: Apache RocketMQ 5.2.0 never removes a global white list that a
         * reload added to a file that started without one, so {@link #LOCALHOST_GLOBALLY_WHITE} could not
         * be undone there.
         */
        STANDARD("SUB", "'192.0.2.1'"),
        /** {@code TopicSubOnly} made {@code PUB}. */
        SUB_ONLY_TOPIC_PUBLISHABLE("PUB", "'192.0.2.1'"),
        /** {@code 127.0.0.*} in globalWhiteRemoteAddresses: every local client passes unchecked. */
        LOCALHOST_GLOBALLY_WHITE("SUB", "'127.0.0.*'");

        private final String subOnlyTopicPerm;
        private final String globalWhite;

        Variant(String subOnlyTopicPerm, String globalWhite) {
            this.subOnlyTopicPerm = subOnlyTopicPerm;
            this.globalWhite = globalWhite;
        }
    }

    /** Rewrites {@code plain_acl.yml} in place, as an operator editing it would. */
    public void writeAccounts(Variant variant) {
        String yaml = """
                globalWhiteRemoteAddresses: [%s]
                accounts:
                  - accessKey: %s
                    secretKey: '%s'
                    whiteRemoteAddress:
                    admin: false
                    defaultTopicPerm: DENY
                    defaultGroupPerm: SUB
                    topicPerms:
                      - %s=PUB|SUB
                      - %s=%s
                      - %s=PUB
                      - %s=DENY
                    groupPerms:
                      - %s=DENY
                      - %s=PUB
                  - accessKey: %s
                    secretKey: '%s'
                    whiteRemoteAddress:
                    admin: true
                  - accessKey: %s
                    secretKey: '%s'
                    whiteRemoteAddress: 127.0.0.1
                    admin: false
                    defaultTopicPerm: DENY
                    defaultGroupPerm: DENY
                """.formatted(
                        variant.globalWhite,
                        USER,
                        SECRET,
                        TOPIC_OK,
                        TOPIC_SUB_ONLY,
                        variant.subOnlyTopicPerm,
                        TOPIC_PUB_ONLY,
                        TOPIC_DENIED,
                        GROUP_DENIED,
                        GROUP_PUB_ONLY,
                        ADMIN,
                        SECRET,
                        TRUSTED,
                        SECRET);
        write(aclFile(), yaml);
    }

    /**
     * Writes {@code <dir>/conf/tools.yml}, the file mqadmin takes its credentials from (keys
     * {@code accessKey}, {@code secretKey}), and returns its path.
     */
    public static Path writeToolsYml(Path dir, String accessKey, String secretKey) {
        Path file = dir.resolve("conf/tools.yml");
        write(file, "accessKey: " + accessKey + "\nsecretKey: '" + secretKey + "'\n");
        return file;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The official signing hook for {@code accessKey} / {@code secretKey}. */
    public static RPCHook hook(String accessKey, String secretKey) {
        return new AclClientRPCHook(new SessionCredentials(accessKey, secretKey));
    }

    /** A broken client: sends {@code AccessKey} but no {@code Signature}. */
    public static RPCHook accessKeyOnly(String accessKey) {
        return new RPCHook() {
            @Override
            public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
                request.addExtField(SessionCredentials.ACCESS_KEY, accessKey);
            }

            @Override
            public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {}
        };
    }
}

package io.couriermq.namesrv.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.acl.check.DenialReason;
import io.couriermq.acl.file.AccountsLoader;
import io.couriermq.acl.file.AclFileParser;
import io.couriermq.acl.model.Accounts;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.security.Credentials;
import io.couriermq.remoting.security.RequestSignature;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which NameServer requests need an admin account when its ACL is on. */
class NameServerAccessTest {
    private static final Path FILE = Path.of("/conf/plain_acl.yml");
    private static final String CLIENT = "10.0.0.9:52000";
    private static final Credentials USER = new Credentials("RocketMQ", "12345678");
    private static final Credentials ADMIN = new Credentials("rocketmq2", "12345678");
    private static final Accounts ACCOUNTS = AccountsLoader.compile(FILE, List.of(AclFileParser.parse(FILE, """
                    accounts:
                      - accessKey: RocketMQ
                        secretKey: 12345678
                        defaultTopicPerm: PUB|SUB
                      - accessKey: rocketmq2
                        secretKey: 12345678
                        admin: true
                    """)));

    private final NameServerAccess access = new NameServerAccess();

    @Test
    void theStateChangingCodesAreWritesAndTheLookupsAreReads() {
        assertThat(NameServerAccess.WRITES)
                .containsExactlyInAnyOrder(
                        RequestCode.PUT_KV_CONFIG,
                        RequestCode.DELETE_KV_CONFIG,
                        RequestCode.REGISTER_BROKER,
                        RequestCode.UNREGISTER_BROKER,
                        RequestCode.WIPE_WRITE_PERM_OF_BROKER,
                        RequestCode.ADD_WRITE_PERM_OF_BROKER,
                        RequestCode.DELETE_TOPIC_IN_NAMESRV,
                        RequestCode.REGISTER_TOPIC_IN_NAMESRV,
                        RequestCode.UPDATE_NAMESRV_CONFIG,
                        RequestCode.BROKER_HEARTBEAT,
                        RequestCode.QUERY_DATA_VERSION);
        assertThat(NameServerAccess.READS)
                .contains(
                        RequestCode.GET_ROUTEINFO_BY_TOPIC,
                        RequestCode.GET_BROKER_CLUSTER_INFO,
                        RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER,
                        RequestCode.GET_KV_CONFIG,
                        RequestCode.GET_KVLIST_BY_NAMESPACE,
                        RequestCode.GET_NAMESRV_CONFIG);
        Set<RequestCode> both = EnumSet.copyOf(NameServerAccess.READS);
        both.retainAll(NameServerAccess.WRITES);
        assertThat(both).isEmpty();
        assertThat(NameServerAccess.isWrite(216)).isTrue();
        assertThat(NameServerAccess.isWrite(105)).isFalse();
        assertThat(NameServerAccess.isWrite(99_999)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(
            value = RequestCode.class,
            names = {
                "GET_ROUTEINFO_BY_TOPIC",
                "GET_BROKER_CLUSTER_INFO",
                "GET_ALL_TOPIC_LIST_FROM_NAMESERVER",
                "GET_TOPICS_BY_CLUSTER",
                "GET_SYSTEM_TOPIC_LIST_FROM_NS",
                "GET_KV_CONFIG",
                "GET_KVLIST_BY_NAMESPACE",
                "GET_NAMESRV_CONFIG"
            })
    void readsNeedNothingNotEvenAValidSignature(RequestCode code) {
        RemotingCommand read =
                RemotingCommand.request(code).extField("topic", "TopicA").build();
        assertThat(access.check(ACCOUNTS, CLIENT, read)).isNull();
        RemotingCommand badlySigned = RequestSignature.sign(read, new Credentials("RocketMQ", "wrong-secret"));
        assertThat(access.check(ACCOUNTS, CLIENT, badlySigned)).isNull();
    }

    @ParameterizedTest
    @EnumSource(
            value = RequestCode.class,
            names = {
                "PUT_KV_CONFIG",
                "DELETE_KV_CONFIG",
                "REGISTER_BROKER",
                "UNREGISTER_BROKER",
                "WIPE_WRITE_PERM_OF_BROKER",
                "ADD_WRITE_PERM_OF_BROKER",
                "DELETE_TOPIC_IN_NAMESRV",
                "REGISTER_TOPIC_IN_NAMESRV",
                "UPDATE_NAMESRV_CONFIG",
                "BROKER_HEARTBEAT",
                "QUERY_DATA_VERSION"
            })
    void writesNeedAnAdminSignature(RequestCode code) {
        RemotingCommand write =
                RemotingCommand.request(code).extField("topic", "TopicA").build();
        assertThat(access.check(ACCOUNTS, CLIENT, write).reason()).isEqualTo(DenialReason.NO_ACCESS_KEY);
        assertThat(access.check(ACCOUNTS, CLIENT, RequestSignature.sign(write, USER))
                        .message())
                .isEqualTo("Need admin permission for request code=" + code.code() + ", but accessKey=RocketMQ is not");
        assertThat(access.check(ACCOUNTS, CLIENT, RequestSignature.sign(write, new Credentials("rocketmq2", "nope"))))
                .extracting(denial -> denial.reason())
                .isEqualTo(DenialReason.BAD_SIGNATURE);
        assertThat(access.check(ACCOUNTS, CLIENT, RequestSignature.sign(write, ADMIN)))
                .isNull();
    }
}

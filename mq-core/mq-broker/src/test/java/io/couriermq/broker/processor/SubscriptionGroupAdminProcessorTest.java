package io.couriermq.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.admin.AdminFixtures;
import io.couriermq.broker.offset.ConsumerOffsetManager;
import io.couriermq.broker.subscription.SubscriptionGroupManager;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.SubscriptionGroupConfig;
import io.couriermq.remoting.protocol.body.SubscriptionGroupWrapper;
import io.couriermq.remoting.protocol.header.broker.DeleteSubscriptionGroupRequestHeader;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionGroupAdminProcessorTest {
    @TempDir
    Path dir;

    private SubscriptionGroupManager groups;
    private ConsumerOffsetManager offsets;
    private SubscriptionGroupAdminProcessor processor;

    @BeforeEach
    void setUp() {
        groups = new SubscriptionGroupManager(AdminFixtures.config(), dir, new ManualClock(1_700_000_000_000L));
        offsets = new ConsumerOffsetManager(dir);
        processor = new SubscriptionGroupAdminProcessor(groups, offsets);
    }

    @Test
    void aGroupCanBeCreatedListedAndDeletedWithItsOffsets() throws Exception {
        RemotingCommand created = process(RemotingCommand.request(RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP)
                .body(RemotingJson.encode(SubscriptionGroupConfig.defaults("billing")))
                .build());
        assertThat(created.code()).isEqualTo(ResponseCode.SUCCESS.code());
        offsets.commit("billing", "Orders", 0, 9);

        RemotingCommand listed = process(RemotingCommand.request(RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG)
                .build());
        assertThat(RemotingJson.decode(listed.body(), SubscriptionGroupWrapper.class)
                        .subscriptionGroupTable())
                .containsKey("billing");

        RemotingCommand deleted = process(RemotingCommand.request(RequestCode.DELETE_SUBSCRIPTIONGROUP)
                .header(new DeleteSubscriptionGroupRequestHeader("billing", true))
                .build());
        assertThat(deleted.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(groups.find("billing")).isEmpty();
        assertThat(offsets.topicsOf("billing")).isEmpty();
    }

    @Test
    void deletingWithoutCleanOffsetKeepsTheOffsets() throws Exception {
        groups.createOrUpdate(SubscriptionGroupConfig.defaults("billing"));
        offsets.commit("billing", "Orders", 0, 9);

        process(RemotingCommand.request(RequestCode.DELETE_SUBSCRIPTIONGROUP)
                .header(new DeleteSubscriptionGroupRequestHeader("billing", false))
                .build());

        assertThat(offsets.committedOffset("billing", "Orders", 0)).hasValue(9);
    }

    @Test
    void anInvalidGroupNameIsRefusedWithTheReason() throws Exception {
        RemotingCommand refused = process(RemotingCommand.request(RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP)
                .body(RemotingJson.encode(SubscriptionGroupConfig.defaults("bad group")))
                .build());

        assertThat(refused.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(refused.remark()).contains("contains ' '");
    }

    private RemotingCommand process(RemotingCommand request) throws Exception {
        return processor.process(new AdminFixtures.DirectContext(), request);
    }
}

package io.couriermq.remoting.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** SubscriptionGroupConfig against the verified 5.2.0 output of doc §3.8 and the official defaults. */
class SubscriptionGroupConfigTest {
    private static final String V5_DEFAULT = "{\"attributes\":{},\"brokerId\":0,\"consumeBroadcastEnable\":true,"
            + "\"consumeEnable\":true,\"consumeFromMinEnable\":true,\"consumeMessageOrderly\":false,"
            + "\"consumeTimeoutMinute\":15,\"groupName\":\"cg\",\"groupRetryPolicy\":{\"type\":\"CUSTOMIZED\"},"
            + "\"groupSysFlag\":0,\"notifyConsumerIdsChangedEnable\":true,\"retryMaxTimes\":16,\"retryQueueNums\":1,"
            + "\"whichBrokerWhenConsumeSlowly\":1}";

    @Test
    void theVerifiedExampleIsTheDefaultGroup() {
        SubscriptionGroupConfig config = Json.read(V5_DEFAULT, SubscriptionGroupConfig.class);

        assertThat(config).isEqualTo(SubscriptionGroupConfig.defaults("cg"));
        assertThat(config.retryQueueNums()).isEqualTo(1);
        assertThat(config.retryMaxTimes()).isEqualTo(16);
        assertThat(config.consumeTimeoutMinute()).isEqualTo(15);
        assertThat(config.whichBrokerWhenConsumeSlowly()).isEqualTo(1);
        assertThat(config.groupRetryPolicy().type()).isEqualTo(GroupRetryPolicy.CUSTOMIZED);
    }

    @Test
    void theDefaultGroupIsWrittenExactlyLikeTheOfficialBroker() {
        assertThat(Json.write(SubscriptionGroupConfig.defaults("cg"))).isEqualTo(V5_DEFAULT);
    }

    @Test
    void absentPropertiesTakeTheOfficialDefaultsNotJavaZeros() {
        SubscriptionGroupConfig config = Json.read(
                "{\"groupName\":\"g\",\"consumeEnable\":false,\"retryMaxTimes\":3}", SubscriptionGroupConfig.class);

        assertThat(config.consumeEnable()).isFalse();
        assertThat(config.retryMaxTimes()).isEqualTo(3);
        assertThat(config.consumeBroadcastEnable()).isTrue();
        assertThat(config.consumeFromMinEnable()).isTrue();
        assertThat(config.notifyConsumerIdsChangedEnable()).isTrue();
        assertThat(config.retryQueueNums()).isEqualTo(1);
        assertThat(config.consumeTimeoutMinute()).isEqualTo(15);
        assertThat(config.whichBrokerWhenConsumeSlowly()).isEqualTo(1);
        assertThat(config.attributes()).isEmpty();
    }

    @Test
    void retryPolicyDetailsSurviveARoundTrip() {
        String exponential = V5_DEFAULT.replace(
                "{\"type\":\"CUSTOMIZED\"}",
                "{\"exponentialRetryPolicy\":{\"initial\":5000,\"max\":7200000,\"multiplier\":2},"
                        + "\"type\":\"EXPONENTIAL\"}");

        SubscriptionGroupConfig config = Json.read(exponential, SubscriptionGroupConfig.class);

        assertThat(config.groupRetryPolicy().type()).isEqualTo(GroupRetryPolicy.EXPONENTIAL);
        assertThat(Json.write(config)).isEqualTo(exponential);
    }

    @Test
    void theWrapperListsGroupsByNameWithTheirVersion() {
        SubscriptionGroupWrapper wrapper = new SubscriptionGroupWrapper(
                Map.of("cg", SubscriptionGroupConfig.defaults("cg")), new DataVersion(1_700_000_000_000L, 3, 0));

        String json = Json.write(wrapper);

        assertThat(json).startsWith("{\"subscriptionGroupTable\":{\"cg\":" + V5_DEFAULT + "}");
        assertThat(Json.read(json, SubscriptionGroupWrapper.class)).isEqualTo(wrapper);
    }
}

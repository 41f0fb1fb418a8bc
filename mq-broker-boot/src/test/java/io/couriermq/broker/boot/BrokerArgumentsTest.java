package io.couriermq.broker.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BrokerArgumentsTest {

    @Test
    void rocketMqOptionsBecomeSpringPropertiesAndTheRestPassesThrough() {
        String[] translated = BrokerArguments.translate(
                new String[] {"-c", "conf/broker.conf", "--standalone", "-n", "ns:9876", "--server.port=0"});

        assertThat(translated)
                .containsExactly(
                        "--courier.broker.config-file=conf/broker.conf",
                        "--courier.broker.standalone=true",
                        "--courier.broker.namesrvAddr=ns:9876",
                        "--server.port=0");
    }

    @Test
    void theEqualsFormIsAcceptedToo() {
        assertThat(BrokerArguments.translate(new String[] {"-c=/etc/broker.conf"}))
                .containsExactly("--courier.broker.config-file=/etc/broker.conf");
    }

    @Test
    void aMissingValueIsRefusedWithTheUsage() {
        assertThatThrownBy(() -> BrokerArguments.translate(new String[] {"--standalone", "-c"}))
                .hasMessageContaining("-c needs a value: -c <broker.conf>");
    }
}

package io.couriermq.broker.processor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.client.ClientIdentity;
import io.couriermq.broker.client.FakeRemotingChannel;
import io.couriermq.broker.client.FakeRequestContext;
import io.couriermq.broker.client.ProducerGroupRegistry;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.LanguageCode;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import org.junit.jupiter.api.Test;

class ProducerInfoProcessorTest {
    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final ProducerGroupRegistry producers = new ProducerGroupRegistry(clock);
    private final ProducerInfoProcessor processor = new ProducerInfoProcessor(producers);

    @Test
    void everyProducerIsListedByGroupInTheShape520Decodes() {
        producers.register(
                "pg", new ClientIdentity(new FakeRemotingChannel("10.0.0.2:1002"), "b", LanguageCode.JAVA, 453));
        clock.advanceMillis(5);
        producers.register("pg", new ClientIdentity(new FakeRemotingChannel("10.0.0.1:1001"), "a", LanguageCode.GO, 1));

        RemotingCommand response = processor.process(
                new FakeRequestContext(new FakeRemotingChannel("10.0.0.9:9")),
                RemotingCommand.request(RequestCode.GET_ALL_PRODUCER_INFO).build());

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(new String(response.body(), UTF_8))
                .isEqualTo("{\"data\":{\"pg\":["
                        + "{\"clientId\":\"a\",\"language\":\"GO\",\"lastUpdateTimestamp\":1700000000005,"
                        + "\"remoteIP\":\"/10.0.0.1:1001\",\"version\":1},"
                        + "{\"clientId\":\"b\",\"language\":\"JAVA\",\"lastUpdateTimestamp\":1700000000000,"
                        + "\"remoteIP\":\"/10.0.0.2:1002\",\"version\":453}]}}");
    }

    @Test
    void noProducersIsAnEmptyTable() {
        RemotingCommand response = processor.process(
                new FakeRequestContext(new FakeRemotingChannel("10.0.0.9:9")),
                RemotingCommand.request(RequestCode.GET_ALL_PRODUCER_INFO).build());

        assertThat(new String(response.body(), UTF_8)).isEqualTo("{\"data\":{}}");
    }
}

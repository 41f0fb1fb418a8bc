package io.couriermq.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.admin.AdminFixtures;
import io.couriermq.broker.pending.CompositePendingDeliveries;
import io.couriermq.broker.pending.PendingDeliveries;
import io.couriermq.broker.pending.PendingDelivery;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.header.broker.CancelPendingDeliveryRequestHeader;
import io.couriermq.remoting.protocol.header.broker.ListPendingDeliveriesRequestHeader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The pending-delivery admin codes over two schedulers combined, as the broker wires them. */
class PendingDeliveriesProcessorTest {
    private final FixedPending timers =
            new FixedPending(List.of(delivery("t-1", 3_000, "timer"), delivery("t-2", 9_000, "timer")));
    private final FixedPending levels = new FixedPending(List.of(delivery("d-1", 5_000, "delayLevel=2")));
    private final PendingDeliveriesProcessor processor =
            new PendingDeliveriesProcessor(new CompositePendingDeliveries(List.of(timers, levels)));

    @Test
    void theListMergesEverySchedulerEarliestFirstUpToTheLimit() {
        RemotingCommand response = process(list("Orders", 2));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        JsonNode body = RemotingJson.mapper().readTree(response.body());
        List<String> ids = new ArrayList<>();
        body.forEach(node -> ids.add(node.get("uniqueKey").asString()));
        assertThat(ids).containsExactly("t-1", "d-1");
        assertThat(body.get(1).get("schedule").asString()).isEqualTo("delayLevel=2");
        assertThat(body.get(0).get("dueAtMs").asLong()).isEqualTo(3_000);
    }

    @Test
    void aLimitOutOfRangeIsRefusedNamingIt() {
        RemotingCommand response = process(list("Orders", 0));

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(response.remark()).contains("limit");
    }

    @Test
    void cancelAsksEverySchedulerAndAnswersNotFoundWhenNoneHasTheId() {
        assertThat(process(cancel("d-1")).code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(levels.cancelled).containsExactly("d-1");

        RemotingCommand missing = process(cancel("nope"));
        assertThat(missing.code()).isEqualTo(ResponseCode.QUERY_NOT_FOUND.code());
        assertThat(missing.remark()).contains("nope");
    }

    private RemotingCommand process(RemotingCommand request) {
        return processor.process(new AdminFixtures.DirectContext(), request);
    }

    private static RemotingCommand list(String topic, int limit) {
        return RemotingCommand.request(RequestCode.LIST_PENDING_DELIVERIES)
                .header(new ListPendingDeliveriesRequestHeader(topic, limit))
                .build();
    }

    private static RemotingCommand cancel(String id) {
        return RemotingCommand.request(RequestCode.CANCEL_PENDING_DELIVERY)
                .header(new CancelPendingDeliveryRequestHeader(id))
                .build();
    }

    private static PendingDelivery delivery(String id, long dueMs, String schedule) {
        return new PendingDelivery("Orders", 0, id, "offset-" + id, dueMs, schedule, null, null);
    }

    private static final class FixedPending implements PendingDeliveries {
        final List<PendingDelivery> waiting;
        final List<String> cancelled = new ArrayList<>();

        FixedPending(List<PendingDelivery> waiting) {
            this.waiting = new ArrayList<>(waiting);
        }

        @Override
        public List<PendingDelivery> pending(String topic, int limit) {
            return waiting.stream()
                    .filter(p -> p.topic().equals(topic))
                    .limit(limit)
                    .toList();
        }

        @Override
        public boolean cancel(String messageId) {
            boolean found = waiting.removeIf(p -> p.uniqueKey().equals(messageId));
            if (found) {
                cancelled.add(messageId);
            }
            return found;
        }
    }
}

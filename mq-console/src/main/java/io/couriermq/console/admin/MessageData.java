package io.couriermq.console.admin;

import io.couriermq.admin.message.DirectConsumeResult;
import io.couriermq.admin.message.MessageView;
import io.couriermq.admin.message.PendingAdmin;
import io.couriermq.admin.message.PendingDelivery;
import io.couriermq.admin.message.ResendOutcome;
import io.couriermq.console.data.ActionOutcome;
import io.couriermq.console.data.MessageDetail;
import io.couriermq.console.data.MessageRow;
import io.couriermq.console.data.PendingRow;
import java.util.List;

/** Messages, dead letters and pending deliveries through the admin library. */
final class MessageData {
    private final ConsoleAdminClient admin;

    MessageData(ConsoleAdminClient admin) {
        this.admin = admin;
    }

    MessageDetail message(String topic, String msgId) {
        MessageView view = find(topic, msgId);
        return new MessageDetail(
                row(view),
                view.bornHost(),
                view.storeHost(),
                view.bornTimestampMs(),
                view.reconsumeTimes(),
                view.properties(),
                view.body());
    }

    List<MessageRow> byKey(String topic, String key, int max) {
        return admin.get().messages().byKey(topic, key, 0, Long.MAX_VALUE, max).stream()
                .map(MessageData::row)
                .toList();
    }

    List<MessageRow> byTime(String topic, long beginMs, long endMs, int max) {
        return admin.get().messages().byTime(topic, beginMs, endMs, max).stream()
                .map(MessageData::row)
                .toList();
    }

    /** CONSUME_MESSAGE_DIRECTLY to the first online consumer of the group, as the dashboard's resend does. */
    ActionOutcome resendToGroup(String topic, String msgId, String group) {
        DirectConsumeResult result = admin.get().messages().resendToConsumer(group, null, topic, msgId);
        String detail = "consumer " + result.clientId() + " of " + group + " answered " + result.consumeResult()
                + (result.remark() == null || result.remark().isBlank() ? "" : " (" + result.remark() + ")");
        return result.succeeded() ? ActionOutcome.ok(detail) : ActionOutcome.failed(detail);
    }

    List<MessageRow> deadLetters(String group, int max) {
        return admin.get().deadLetters().list(group, max).stream()
                .map(MessageData::row)
                .toList();
    }

    /** RESEND_DEAD_LETTER of a dead letter by its offset id, which names the broker holding it. */
    ActionOutcome resendDeadLetter(String group, String msgId) {
        ResendOutcome outcome = admin.get().deadLetters().resend(msgId);
        if (outcome.resent() > 0) {
            return ActionOutcome.ok("dead letter " + msgId + " re-sent to its original topic");
        }
        return ActionOutcome.failed(
                "dead letter " + msgId + " was not re-sent: " + String.join("; ", outcome.skipped()));
    }

    List<PendingRow> pending(String topic) {
        return admin.get().pending().list(topic, PendingAdmin.DEFAULT_LIMIT).stream()
                .map(MessageData::row)
                .toList();
    }

    ActionOutcome cancelPending(String topic, String msgId) {
        if (admin.get().pending().cancel(msgId)) {
            return ActionOutcome.ok("delivery of " + msgId + " to " + topic + " cancelled");
        }
        return ActionOutcome.failed("no broker holds a pending delivery of " + msgId + " (delivered already?)");
    }

    private MessageView find(String topic, String msgId) {
        return admin.get().messages().byId(topic, msgId).stream()
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no message " + msgId + " in topic " + topic));
    }

    private static MessageRow row(MessageView view) {
        return new MessageRow(
                view.msgId(),
                view.offsetMsgId(),
                view.topic(),
                view.tags() == null ? "" : view.tags(),
                String.join(" ", view.keys()),
                view.brokerName() == null ? "" : view.brokerName(),
                view.queueId(),
                view.queueOffset(),
                view.storeTimestampMs(),
                view.body().length);
    }

    private static PendingRow row(PendingDelivery pending) {
        String id = pending.uniqueKey() == null || pending.uniqueKey().isBlank()
                ? pending.offsetMessageId()
                : pending.uniqueKey();
        return new PendingRow(
                id,
                pending.topic(),
                pending.schedule(),
                pending.dueAtMs(),
                pending.keys() == null ? "" : pending.keys(),
                pending.tags() == null ? "" : pending.tags());
    }
}

package io.couriermq.console.admin;

import io.couriermq.console.data.ActionOutcome;
import io.couriermq.console.data.MessageDetail;
import io.couriermq.console.data.MessageRow;
import io.couriermq.console.data.PendingRow;
import java.util.List;

/** Messages, dead letters and pending deliveries: waiting for the admin library's message API. */
final class MessageData {
    MessageData(ConsoleAdminClient admin) {}

    private static UnsupportedOperationException missing() {
        return new UnsupportedOperationException("the admin library has no message API yet");
    }

    MessageDetail message(String topic, String msgId) {
        throw missing();
    }

    List<MessageRow> byKey(String topic, String key, int max) {
        throw missing();
    }

    List<MessageRow> byTime(String topic, long beginMs, long endMs, int max) {
        throw missing();
    }

    ActionOutcome resendToGroup(String topic, String msgId, String group) {
        throw missing();
    }

    List<MessageRow> deadLetters(String group, int max) {
        throw missing();
    }

    ActionOutcome resendDeadLetter(String group, String msgId) {
        throw missing();
    }

    List<PendingRow> pending(String topic) {
        throw missing();
    }

    ActionOutcome cancelPending(String topic, String msgId) {
        throw missing();
    }
}

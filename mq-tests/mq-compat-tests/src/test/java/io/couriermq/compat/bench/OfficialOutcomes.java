package io.couriermq.compat.bench;

import io.couriermq.tools.bench.transport.Outcome;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.remoting.exception.RemotingConnectException;
import org.apache.rocketmq.remoting.exception.RemotingTimeoutException;
import org.apache.rocketmq.remoting.exception.RemotingTooMuchRequestException;
import org.apache.rocketmq.remoting.protocol.ResponseCode;

/**
 * The official client's failures as the bench's outcomes, named like the tool names them: the broker's
 * response code ({@code SYSTEM_BUSY}, ...) or TIMEOUT / CONNECT_FAILED / SEND_FAILED.
 */
final class OfficialOutcomes {
    /** Code to constant name, read from the official ResponseCode (which inherits the system codes). */
    private static final Map<Integer, String> NAMES = names();

    private OfficialOutcomes() {}

    static Outcome failure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MQBrokerException broker) {
                return new Outcome(name(broker.getResponseCode()));
            }
            // Also an async send whose timeout ran out while it waited in the client's async executor
            // ("invokeAsync call the addr[...] timeout"): for the caller it is a send that timed out.
            if (cause instanceof RemotingTimeoutException || cause instanceof RemotingTooMuchRequestException) {
                return new Outcome("TIMEOUT");
            }
            if (cause instanceof RemotingConnectException) {
                return new Outcome("CONNECT_FAILED");
            }
            if (cause instanceof MQClientException client && client.getResponseCode() > 0 && cause.getCause() == null) {
                return new Outcome(name(client.getResponseCode()));
            }
        }
        return new Outcome("SEND_FAILED");
    }

    private static String name(int code) {
        return NAMES.getOrDefault(code, "CODE_" + code);
    }

    private static Map<Integer, String> names() {
        Map<Integer, String> names = new HashMap<>();
        for (Field field : ResponseCode.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                try {
                    names.putIfAbsent(field.getInt(null), field.getName());
                } catch (IllegalAccessException e) {
                    // public static fields: cannot happen; the code then shows as CODE_n
                }
            }
        }
        return names;
    }
}

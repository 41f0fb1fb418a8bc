package io.couriermq.compat.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.ResponseCode;

/**
 * A server's answer (response code and remark), however the official client surfaced it: a raw
 * response, an {@link MQBrokerException} somewhere in a producer's cause chain, or an admin call's
 * {@link MQClientException} ("CODE: 1 DESC: ...").
 */
public record BrokerAnswer(int code, String remark) {

    public static BrokerAnswer of(RemotingCommand response) {
        return new BrokerAnswer(response.getCode(), response.getRemark());
    }

    public static BrokerAnswer of(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof MQBrokerException broker) {
                return new BrokerAnswer(broker.getResponseCode(), broker.getErrorMessage());
            }
        }
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof MQClientException client && client.getResponseCode() != -1) {
                return new BrokerAnswer(client.getResponseCode(), client.getErrorMessage());
            }
        }
        throw new AssertionError("no server answer in " + thrown, thrown);
    }

    /**
     * An ACL 1.0 refusal as Apache RocketMQ 5.2.0 answers it: SYSTEM_ERROR (1), the remark the
     * {@code AclException}'s string form followed by {@code reason}; the stack frame the official broker
     * appends after that is not compared.
     */
    public BrokerAnswer assertAclRefusal(String reason) {
        assertThat(code).as("response code (remark: %s)", remark).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(remark).startsWith(AclFixture.ACL_EXCEPTION + reason);
        return this;
    }

    public BrokerAnswer assertSuccess() {
        assertThat(code).as("response code (remark: %s)", remark).isEqualTo(ResponseCode.SUCCESS);
        return this;
    }
}

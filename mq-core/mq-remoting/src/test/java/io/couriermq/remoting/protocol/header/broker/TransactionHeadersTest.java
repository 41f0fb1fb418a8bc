package io.couriermq.remoting.protocol.header.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import org.junit.jupiter.api.Test;

/** END_TRANSACTION's state constants and the defaults of fields older clients leave out (§2.3.6). */
class TransactionHeadersTest {

    @Test
    void commitOrRollbackValuesAreTheMessageSysFlagTransactionTypes() {
        assertThat(EndTransactionRequestHeader.TRANSACTION_NOT_TYPE).isZero();
        assertThat(EndTransactionRequestHeader.TRANSACTION_COMMIT_TYPE).isEqualTo(8);
        assertThat(EndTransactionRequestHeader.TRANSACTION_ROLLBACK_TYPE).isEqualTo(12);
    }

    @Test
    void anEndWithoutFromTransactionCheckIsAFirstEnd() {
        RemotingCommand request = RemotingCommand.request(RequestCode.END_TRANSACTION)
                .oneway()
                .extField("producerGroup", "pg")
                .extField("tranStateTableOffset", "7")
                .extField("commitLogOffset", "4096")
                .extField("commitOrRollback", "12")
                .extField("msgId", "UNIQ")
                .build();

        EndTransactionRequestHeader header = request.decodeHeader(EndTransactionRequestHeader::decode);

        assertThat(header.fromTransactionCheck()).isFalse();
        assertThat(header.commitOrRollback()).isEqualTo(EndTransactionRequestHeader.TRANSACTION_ROLLBACK_TYPE);
        assertThat(header.transactionId()).isNull();
    }

    @Test
    void sendBackWithoutUnitModeOrMaxReconsumeTimes() {
        RemotingCommand request = RemotingCommand.request(RequestCode.CONSUMER_SEND_MSG_BACK)
                .extField("offset", "4096")
                .extField("group", "cg")
                .extField("delayLevel", "-1")
                .build();

        assertThat(request.decodeHeader(ConsumerSendMsgBackRequestHeader::decode))
                .isEqualTo(new ConsumerSendMsgBackRequestHeader(
                        4096L, "cg", ConsumerSendMsgBackRequestHeader.DELAY_LEVEL_DLQ, null, null, false, null, null));
    }
}

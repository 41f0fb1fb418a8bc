package io.couriermq.admin.message;

import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageSysFlag;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.common.message.codec.MessageId;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Turns stored records (pull, query and view answers carry them as they are) into {@link MessageView}s. */
final class StoredRecords {
    private StoredRecords() {}

    static List<MessageView> decodeAll(byte[] records, String brokerName) {
        return MessageDecoder.decodeAll(ByteBuffer.wrap(records)).stream()
                .map(stored -> view(stored, brokerName))
                .toList();
    }

    static MessageView view(StoredMessage stored, String brokerName) {
        Message message = stored.message();
        String offsetMsgId = MessageId.encode(message.storeHost(), stored.commitLogOffset());
        String unique = message.uniqueKey();
        return new MessageView(
                message.topic(),
                brokerName,
                message.queueId(),
                stored.queueOffset(),
                stored.commitLogOffset(),
                unique != null ? unique : offsetMsgId,
                offsetMsgId,
                message.keys(),
                message.tags(),
                message.bornTimestampMs(),
                stored.storeTimestampMs(),
                address(message.bornHost()),
                address(message.storeHost()),
                message.reconsumeTimes(),
                message.properties(),
                body(message));
    }

    /** {@code host:port} with the numeric address, as broker addresses are written. */
    static String address(InetSocketAddress host) {
        return host == null ? null : host.getAddress().getHostAddress() + ":" + host.getPort();
    }

    private static byte[] body(Message message) {
        byte[] body = message.bodyBytes();
        if ((message.sysFlag() & MessageSysFlag.COMPRESSED) == 0) {
            return body;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(body);
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 4);
            byte[] chunk = new byte[8192];
            while (!inflater.finished()) {
                int read = inflater.inflate(chunk);
                if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(chunk, 0, read);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return body; // shown as stored rather than not at all
        } finally {
            inflater.end();
        }
    }
}

import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.producer.Producer;
import io.couriermq.client.producer.ProducerConfig;
import io.couriermq.client.producer.SendResult;
import io.couriermq.client.producer.SendStatus;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * Our producer (io.couriermq.client) in its own JVM for BrokerCrashIT, launched as a single source file
 * ({@code java -cp mq-tools.jar CourierCrashProducer.java ...}) because our client's Netty 4.2 must not
 * share a classpath with the official client's Netty 4.1. Sends keyed sync messages until killed and
 * appends {@code key crc32 length} for every SEND_OK to the acknowledgement file, flushed per line.
 * The body has the same shape as io.couriermq.compat.crash.CrashBody: {@code key|filler|crc32(key|filler)}.
 *
 * <p>Arguments: nameServerAddress topic ackFile keyPrefix
 */
public class CourierCrashProducer {
    public static void main(String[] args) throws Exception {
        String nameServers = args[0];
        String topic = args[1];
        Path ackFile = Path.of(args[2]);
        String prefix = args[3];
        ProducerConfig config = ProducerConfig.builder("courier-crash-producer")
                .sendTimeoutMs(3_000)
                .build();
        try (Producer producer = Producer.start(nameServers, config);
                BufferedWriter acks = Files.newBufferedWriter(
                        ackFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (long i = 0; ; i++) {
                String key = prefix + i;
                byte[] body = body(key);
                try {
                    SendResult result = producer.send(
                            OutgoingMessage.builder(topic, body).keys(key).build());
                    if (result.status() == SendStatus.SEND_OK) {
                        acks.write(key + " " + crc(body) + " " + body.length + "\n");
                        acks.flush();
                    }
                } catch (RuntimeException e) {
                    Thread.sleep(100); // the node is down or restarting: not acknowledged, try the next key
                }
            }
        }
    }

    static byte[] body(String key) {
        long state = key.hashCode() * 0x9E3779B97F4A7C15L;
        int length = 64 + (int) Math.floorMod(state, 1500L);
        StringBuilder filler = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            filler.append((char) ('a' + Math.floorMod(state >>> 33, 26L)));
        }
        String content = key + "|" + filler;
        return (content + "|" + crc(content.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
    }

    static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}

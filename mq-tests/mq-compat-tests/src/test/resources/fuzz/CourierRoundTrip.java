import io.couriermq.client.ClientConfig;
import io.couriermq.client.ClientRuntime;
import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.consumer.ConsumerConfig;
import io.couriermq.client.consumer.PushConsumer;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.producer.Producer;
import io.couriermq.client.producer.ProducerConfig;
import io.couriermq.client.producer.SendResult;
import io.couriermq.remoting.protocol.body.ConsumeFromWhere;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.zip.CRC32;

/**
 * Our client (io.couriermq.client) for NetworkFuzzIT, in a JVM of its own, launched as a single source file
 * ({@code java -cp mq-tools.jar CourierRoundTrip.java ...}) because our client's Netty 4.2 must not share a
 * classpath with the official client's Netty 4.1. Sends {@code count} keyed sync messages with our producer,
 * then consumes the topic from its first offset with our push consumer (a new group), and reports every
 * event as one line of the report file, flushed at once; it decides nothing, the test reads the lines:
 *
 * <pre>
 * sent STATUS key messageId crc32 length millisSinceStart
 * received key messageId crc32 length topic tags reconsumeTimes millisSinceStart
 * </pre>
 *
 * A send that throws ends the program with the stack trace in its log. It runs until killed.
 *
 * <p>Arguments: nameServerAddress topic consumerGroup count reportFile
 */
public class CourierRoundTrip {
    public static void main(String[] args) throws Exception {
        String nameServers = args[0];
        String topic = args[1];
        String group = args[2];
        int count = Integer.parseInt(args[3]);
        Path report = Path.of(args[4]);
        ClientConfig client = ClientConfig.builder(nameServers)
                .instanceName("courier-round-trip-" + ProcessHandle.current().pid())
                .build();
        try (BufferedWriter lines = Files.newBufferedWriter(report, StandardCharsets.UTF_8);
                ClientRuntime runtime = ClientRuntime.start(client)) {
            // 10 s, as the official producer's check in NetworkFuzzIT: a loaded build machine, not the fuzzer,
            // can make a first send (route lookup, new connection) take longer than the default 3 s
            ProducerConfig producerConfig = ProducerConfig.builder(group + "-producer")
                    .sendTimeoutMs(10_000)
                    .build();
            try (Producer producer = Producer.start(runtime, producerConfig)) {
                for (int i = 0; i < count; i++) {
                    String key = "round-trip-" + i;
                    byte[] body = body(key, i);
                    SendResult sent = producer.send(OutgoingMessage.builder(topic, body)
                            .keys(key)
                            .tags("RoundTrip")
                            .build());
                    write(lines, "sent " + sent.status() + " " + key + " " + sent.messageId() + " " + crc(body) + " "
                            + body.length + " " + millisSinceStart());
                }
            }
            ConsumerConfig config = ConsumerConfig.builder(group)
                    .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                    .consumeThreads(4)
                    .build();
            PushConsumer consumer = PushConsumer.create(runtime, config, (message, context) -> {
                String key = message.keys().isEmpty() ? "-" : message.keys().get(0);
                write(lines, "received " + key + " " + message.messageId() + " " + crc(message.body()) + " "
                        + message.body().length + " " + message.topic() + " " + message.tags() + " "
                        + message.reconsumeTimes() + " " + millisSinceStart());
                return ConsumeResult.SUCCESS;
            });
            consumer.subscribe(topic, "*").start();
            new CountDownLatch(1).await(); // the test kills this JVM once it has read the report
        }
    }

    /** The key, then filler up to a length between the key's and 3,000 bytes: bodies of many sizes. */
    static byte[] body(String key, int index) {
        int length = 1 + Math.floorMod(index * 7919, 3_000);
        StringBuilder text = new StringBuilder(key).append('|');
        for (int i = 0; text.length() < length; i++) {
            text.append((char) ('a' + Math.floorMod(index * 31 + i, 26)));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Since this JVM started: when each step happened, for a slow run's post-mortem. */
    static long millisSinceStart() {
        return System.currentTimeMillis() - ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
    }

    static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private static synchronized void write(BufferedWriter lines, String line) {
        try {
            lines.write(line);
            lines.write('\n');
            lines.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

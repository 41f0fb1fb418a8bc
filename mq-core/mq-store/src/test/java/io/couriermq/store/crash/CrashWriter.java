package io.couriermq.store.crash;

import io.couriermq.common.message.Message;
import io.couriermq.common.time.Clock;
import io.couriermq.store.FlushDiskType;
import io.couriermq.store.PutResult;
import io.couriermq.store.StoreTestSupport;
import io.couriermq.store.engine.FileMessageStore;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The process {@link StoreCrashIT} kills: opens the store (recovering it), then {@link #WRITERS} threads
 * append until the process dies, printing one {@code ACK} line per acknowledged put on stdout.
 *
 * <p>Arguments: store directory, flush disk type, cycle number.
 */
public final class CrashWriter {
    static final int WRITERS = 4;
    static final int QUEUES = 2;
    static final String TOPIC = "CrashTopic";

    private CrashWriter() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        FlushDiskType flushDiskType = FlushDiskType.valueOf(args[1]);
        int cycle = Integer.parseInt(args[2]);
        FileMessageStore store = FileMessageStore.open(config(dir, flushDiskType), Clock.system());
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("READY");
        for (int writer = 0; writer < WRITERS; writer++) {
            int id = writer;
            Thread thread = new Thread(() -> write(store, out, cycle, id), "writer-" + id);
            thread.start();
        }
        Thread.currentThread().join(); // until killed
    }

    static io.couriermq.store.StoreConfig config(Path dir, FlushDiskType flushDiskType) {
        return StoreTestSupport.smallConfig(dir).flushDiskType(flushDiskType).build();
    }

    private static void write(FileMessageStore store, PrintStream out, int cycle, int writer) {
        for (int n = 0; ; n++) {
            String body = body(cycle, writer, n);
            Message message = StoreTestSupport.message(TOPIC, writer % QUEUES, body);
            PutResult result = store.putMessage(message).join();
            if (result.isOk()) {
                out.println("ACK " + (writer % QUEUES) + " " + result.firstQueueOffset() + " " + cycle + " " + writer
                        + " " + n);
            }
        }
    }

    /** Deterministic bodies of varied length, so the checker knows what each acknowledged put stored. */
    static String body(int cycle, int writer, int n) {
        return "c" + cycle + "-w" + writer + "-n" + n + "|" + "x".repeat(100 + (n * 37) % 900);
    }
}

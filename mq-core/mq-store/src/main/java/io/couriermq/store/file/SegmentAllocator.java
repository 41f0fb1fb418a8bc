package io.couriermq.store.file;

import io.couriermq.common.lifecycle.BackgroundService;
import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, maps and optionally warms up the next commit-log segment while the current one is still being
 * written, so rolling to a new segment does not stall the append path on file creation and page faults.
 */
public final class SegmentAllocator extends BackgroundService {
    private static final Logger log = LoggerFactory.getLogger(SegmentAllocator.class);
    private static final long IDLE_INTERVAL_MS = 1_000;

    private final SegmentFiles files;
    private final boolean warmUp;
    private final Map<Path, CompletableFuture<MappedFile>> prepared = new ConcurrentHashMap<>();
    private final Queue<Request> requests = new ConcurrentLinkedQueue<>();

    public SegmentAllocator(SegmentFiles files, boolean warmUp) {
        super("segment-allocator", IDLE_INTERVAL_MS);
        this.files = files;
        this.warmUp = warmUp;
    }

    /** Asks for a segment to be made ready in the background. */
    public void prepare(Path path, long startOffset, int sizeBytes) {
        prepared.computeIfAbsent(path, p -> {
            CompletableFuture<MappedFile> future = new CompletableFuture<>();
            requests.add(new Request(path, startOffset, sizeBytes, future));
            return future;
        });
        wakeUp();
    }

    /** The prepared segment if there is one (waiting if it is being made), else one made here and now. */
    public MappedFile take(Path path, long startOffset, int sizeBytes) {
        CompletableFuture<MappedFile> ready = prepared.remove(path);
        if (ready != null) {
            try {
                return ready.join();
            } catch (CompletionException e) {
                log.warn(
                        "pre-allocation of {} failed ({}); creating it inline",
                        path,
                        e.getCause().toString());
            }
        }
        return MappedFile.open(files, path, startOffset, sizeBytes);
    }

    @Override
    protected void runOnce() {
        Request request;
        while ((request = requests.poll()) != null) {
            try {
                MappedFile segment = MappedFile.open(files, request.path(), request.startOffset(), request.sizeBytes());
                if (warmUp) {
                    segment.warmUp();
                }
                request.future().complete(segment);
            } catch (RuntimeException | InternalError e) {
                // InternalError: HotSpot's SIGBUS report; the append path waits on this future, so it
                // must complete whatever happens
                request.future().completeExceptionally(e);
            }
        }
    }

    /** Segments prepared but never taken are deleted so they do not look like data on the next start. */
    @Override
    protected void onStop() {
        prepared.values().forEach(future -> future.thenAccept(MappedFile::destroy));
        prepared.clear();
    }

    private record Request(Path path, long startOffset, int sizeBytes, CompletableFuture<MappedFile> future) {}
}

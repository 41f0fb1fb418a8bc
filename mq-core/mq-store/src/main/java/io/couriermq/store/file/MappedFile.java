package io.couriermq.store.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One memory-mapped segment file: the commit log, a consume queue and the index are made of these.
 *
 * <p><b>Positions.</b> {@code writePosition} is how many bytes are written and visible to readers; it is
 * volatile and advanced only after the bytes are in the buffer, so a reader that sees it sees the bytes.
 * {@code flushedPosition} is how many are forced to disk. One writer thread at a time (the caller's lock
 * or single thread) writes through {@link #writer()}.
 *
 * <p><b>Lifetime.</b> The file starts with one reference, its owner's. A reader {@link #retain()}s before
 * touching the buffer and {@link #release()}s after; {@link #destroy()} drops the owner's reference, and
 * the buffer is unmapped (and the file deleted) only when the last reference goes. A reader that comes
 * after destroy gets {@code false} from retain, never an unmapped buffer, which would crash the JVM.
 *
 * <p><b>Space.</b> Files are created sparse, and a write through the mapping into a page the file system
 * cannot back (the disk filled up since) raises SIGBUS, which HotSpot turns into an {@link InternalError}
 * that may surface only after later code has run. So the writer {@link #reserve}s (appending) or
 * {@link #allocate}s (random places) bytes before it puts them: bytes written through the channel make
 * the file system allocate the blocks, and a full disk is an {@code IOException} there and then, before
 * anything is written through the mapping or published.
 */
public final class MappedFile {
    private static final Logger log = LoggerFactory.getLogger(MappedFile.class);
    private static final int PAGE_BYTES = 4096;
    /** What {@link #reserve} writes from; read-only, so threads can share it through duplicates. */
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(1 << 20).asReadOnlyBuffer();
    /** The JDK's message for ENOSPC: the only sign that an IOException means a full disk. */
    private final SegmentFiles files;

    private final Path path;
    private final long startOffset;
    private final int sizeBytes;
    private final MappedByteBuffer mapped;
    private final ByteBuffer writer;
    private final AtomicInteger references = new AtomicInteger(1);
    private volatile int writePosition;
    private volatile int flushedPosition;
    private volatile boolean deleteOnRelease;
    private volatile boolean available = true;
    /** Bytes from the start that are known to have blocks; the writer's thread only. */
    private int reservedPosition;

    private MappedFile(SegmentFiles files, Path path, long startOffset, int sizeBytes, MappedByteBuffer mapped) {
        this.files = files;
        this.path = path;
        this.startOffset = startOffset;
        this.sizeBytes = sizeBytes;
        this.mapped = mapped;
        this.writer = mapped.duplicate();
    }

    /**
     * Opens (or creates) and maps a segment. The file is not kept open: the mapping outlives its channel,
     * and a broker with tens of thousands of consume queues would otherwise hold a descriptor for each
     * (20,000 on the development machine); the rare writes through a channel ({@link #reserve}) open one each.
     */
    public static MappedFile open(SegmentFiles files, Path path, long startOffset, int sizeBytes) {
        try (FileChannel channel = files.open(path, sizeBytes)) {
            if (channel.size() != sizeBytes) {
                throw new StoreIoException(
                        "segment " + path + " has " + channel.size() + " bytes, expected " + sizeBytes, null);
            }
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, sizeBytes);
            return new MappedFile(files, path, startOffset, sizeBytes, mapped);
        } catch (IOException | RuntimeException e) {
            if (e instanceof StoreIoException storeIo) {
                throw storeIo;
            }
            throw new StoreIoException("cannot open segment " + path + ": " + e, e);
        }
    }

    public Path path() {
        return path;
    }

    public long startOffset() {
        return startOffset;
    }

    public long endOffset() {
        return startOffset + sizeBytes;
    }

    public int sizeBytes() {
        return sizeBytes;
    }

    public int writePosition() {
        return writePosition;
    }

    public int flushedPosition() {
        return flushedPosition;
    }

    public int remainingBytes() {
        return sizeBytes - writePosition;
    }

    public boolean isFull() {
        return writePosition == sizeBytes;
    }

    /** The buffer the single writer writes through, with absolute puts. Never handed to readers. */
    public ByteBuffer writer() {
        return writer;
    }

    /**
     * Makes sure the file system has blocks for the bytes up to {@code endPosition}, allocating
     * {@code aheadBytes} more while at it so that most calls return at once. Called by the single writer
     * before it puts bytes there. Only bytes at or past the write position are written (zeros), so
     * nothing published changes; bytes below it were written, so they have their blocks.
     *
     * @throws StoreIoException if the disk is full (the message starts with "disk full") or failing
     */
    public void reserve(int endPosition, int aheadBytes) {
        if (endPosition <= reservedPosition) {
            return;
        }
        int from = Math.max(reservedPosition, writePosition);
        int to = roundUpToPage(Math.min(sizeBytes, Math.max(endPosition, (long) from + aheadBytes)));
        ByteBuffer zeros = ZEROS.duplicate();
        long position = from;
        try (FileChannel channel = files.open(path, sizeBytes)) {
            while (position < to) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), to - position));
                while (zeros.hasRemaining()) {
                    position += channel.write(zeros, position);
                }
            }
        } catch (IOException e) {
            throw noSpace(position, to, e);
        }
        reservedPosition = to;
    }

    /**
     * Makes sure the file system has blocks for bytes {@code from..to} whatever they hold: they are read
     * and written back through the channel, so their content stays. For files written at random places
     * (the index's slot table); called by the single writer before it puts bytes there.
     *
     * @throws StoreIoException as {@link #reserve}
     */
    public void allocate(int from, int to) {
        if (from < 0 || to > sizeBytes || from > to) {
            throw new IllegalArgumentException("bytes " + from + ".." + to + " outside " + path);
        }
        ByteBuffer chunk = ByteBuffer.allocate(Math.min(ZEROS.capacity(), to - from));
        long position = from;
        try (FileChannel channel = files.open(path, sizeBytes)) {
            while (position < to) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), to - position));
                while (chunk.hasRemaining()) {
                    if (channel.read(chunk, position + chunk.position()) < 0) {
                        throw new IOException("file ends before byte " + to);
                    }
                }
                chunk.flip();
                while (chunk.hasRemaining()) {
                    position += channel.write(chunk, position);
                }
            }
        } catch (IOException e) {
            throw noSpace(position, to, e);
        }
    }

    private StoreIoException noSpace(long position, int to, IOException e) {
        return StoreIoException.writing(path, position, to, e);
    }

    private int roundUpToPage(long position) {
        return (int) Math.min(sizeBytes, (position + PAGE_BYTES - 1L) / PAGE_BYTES * PAGE_BYTES);
    }

    /** Publishes bytes already put through {@link #writer()} up to {@code position}. */
    public void publishWritePosition(int position) {
        if (position < 0 || position > sizeBytes) {
            throw new IllegalArgumentException("write position " + position + " outside " + path);
        }
        writePosition = position;
    }

    /** Used by recovery: everything up to {@code position} is both written and on disk. */
    public void resetPositions(int position) {
        resetPositions(position, position);
    }

    /** A segment mapped again: {@code written} bytes hold data, of which {@code flushed} are on disk. */
    public void resetPositions(int written, int flushed) {
        publishWritePosition(written);
        flushedPosition = Math.min(flushed, written);
        // the page of the last byte written got its blocks when that byte was ({@link #reserve} takes whole
        // pages, and a page holding data is never a hole): a queue mapped again for one entry does not open
        // its file a second time to reserve what it has
        reservedPosition = written == 0 ? 0 : roundUpToPage(written);
    }

    /** A read-only slice of written bytes; the caller must hold a reference until it is done with it. */
    public ByteBuffer slice(int position, int length) {
        if (position < 0 || position + length > writePosition) {
            throw new IndexOutOfBoundsException("bytes " + position + ".." + (position + length) + " of " + path
                    + " are not written (write position " + writePosition + ")");
        }
        return mapped.slice(position, length).asReadOnlyBuffer();
    }

    /** A read-only view of the whole mapping for random access; the caller must hold a reference. */
    public ByteBuffer reader() {
        return mapped.asReadOnlyBuffer();
    }

    /** Forces written bytes to disk; returns the flushed position. */
    public int flush() {
        int target = writePosition;
        int from = flushedPosition;
        if (target <= from || !retain()) {
            return flushedPosition;
        }
        try {
            mapped.force(from, target - from);
            flushedPosition = target;
        } catch (RuntimeException e) {
            throw new StoreIoException("cannot force " + path + " bytes " + from + ".." + target, e);
        } finally {
            release();
        }
        return target;
    }

    /** Forces the whole mapping, for files written at random places (the index). */
    public void forceAll() {
        if (!retain()) {
            return;
        }
        try {
            mapped.force();
        } catch (RuntimeException e) {
            throw new StoreIoException("cannot force " + path, e);
        } finally {
            release();
        }
    }

    /**
     * Zeros bytes from {@code position} to the end that are not zero already, and forces them. Nothing is
     * forced when all were zero: only this method writes zeros over data, and it forces what it wrote, so a
     * zero read here is a zero on disk too. (A force of clean pages still costs a sync: after a crash,
     * recovery zeros the tail of every consume queue it trims, most of them already zero.)
     */
    public void zeroFrom(int position) {
        boolean written = false;
        for (int page = position; page < sizeBytes; page += PAGE_BYTES - (page % PAGE_BYTES)) {
            int end = Math.min(sizeBytes, page + PAGE_BYTES - (page % PAGE_BYTES));
            if (!isZero(page, end)) {
                for (int i = page; i < end; i++) {
                    writer.put(i, (byte) 0);
                }
                written = true;
            }
        }
        if (written) {
            mapped.force(position, sizeBytes - position);
        }
    }

    /**
     * Allocates the whole file, then touches every page so the first appends do not page-fault; optional
     * warm-up off the hot path. Touching alone would raise SIGBUS on a full disk; the reservation first
     * turns that into a {@link StoreIoException}.
     */
    public void warmUp() {
        reserve(sizeBytes, 0);
        for (int i = 0; i < sizeBytes; i += PAGE_BYTES) {
            writer.put(i, (byte) 0);
        }
    }

    /** Takes a reference for reading; false if the file is already destroyed or closed. */
    public boolean retain() {
        while (available) {
            int count = references.get();
            if (count <= 0) {
                return false;
            }
            if (references.compareAndSet(count, count + 1)) {
                return true;
            }
        }
        return false;
    }

    public void release() {
        int count = references.decrementAndGet();
        if (count == 0) {
            unmap();
        } else if (count < 0) {
            log.error("segment {} released more often than retained", path);
        }
    }

    /** Drops the owner's reference and deletes the file once no reader holds it any more. */
    public void destroy() {
        deleteOnRelease = true;
        close();
    }

    /** Drops the owner's reference and unmaps once no reader holds it; the file stays. */
    public void close() {
        if (available) {
            available = false;
            release();
        }
    }

    public boolean isAvailable() {
        return available;
    }

    private boolean isZero(int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            if (mapped.getLong(i) != 0) {
                return false;
            }
        }
        for (; i < to; i++) {
            if (mapped.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private void unmap() {
        BufferCleaner.clean(mapped);
        if (deleteOnRelease) {
            try {
                Files.deleteIfExists(path);
                log.info("deleted segment {}", path);
            } catch (IOException e) {
                log.warn("cannot delete segment {}: {}", path, e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "MappedFile[" + path + ", write=" + writePosition + ", flushed=" + flushedPosition + "]";
    }
}

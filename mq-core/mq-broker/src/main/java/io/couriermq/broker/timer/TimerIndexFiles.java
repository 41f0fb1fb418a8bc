package io.couriermq.broker.timer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The persisted half of the timing index: one append-only file per time window ({@code <20-digit window
 * start ms>.timer}), holding fixed-size entries (effective ms, due ms, commit-log offset, size, topic
 * hash). Far-future entries live only here; a window is read into memory shortly before it is due and
 * deleted once the delivery cursor has passed it. A torn last entry (crash mid-write) is ignored.
 *
 * <p>Not thread-safe: the {@link TimerWheel} serializes access.
 */
final class TimerIndexFiles implements AutoCloseable {
    private static final String SUFFIX = ".timer";
    private static final int MAX_OPEN_WINDOWS = 64;

    private final Path directory;
    private final NavigableSet<Long> windows = new TreeSet<>();
    private final Map<Long, FileChannel> open = new HashMap<>();
    private final Set<Long> unforced = new HashSet<>();
    /** Per window on disk, the lowest commit-log offset it names: what retention must keep. */
    private final Map<Long, Long> lowestOffsets = new HashMap<>();

    TimerIndexFiles(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    windows.add(Long.parseLong(name.substring(0, name.length() - SUFFIX.length())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the timer index in " + directory, e);
        }
        for (long window : windows) {
            read(window).forEach(entry -> noteOffset(window, entry.commitLogOffset()));
        }
    }

    /** The lowest commit-log offset any window on disk names, {@link Long#MAX_VALUE} when none. */
    long lowestOffset() {
        return lowestOffsets.values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
    }

    private void noteOffset(long window, long commitLogOffset) {
        lowestOffsets.merge(window, commitLogOffset, Math::min);
    }

    /** Appends entries to the window starting at {@code windowStartMs}; durable after {@link #force()}. */
    void append(long windowStartMs, List<TimerEntry> entries) {
        ByteBuffer buffer = ByteBuffer.allocate(entries.size() * TimerEntry.BYTES);
        for (TimerEntry entry : entries) {
            noteOffset(windowStartMs, entry.commitLogOffset());
            buffer.putLong(entry.effectiveMs())
                    .putLong(entry.dueMs())
                    .putLong(entry.commitLogOffset())
                    .putInt(entry.sizeBytes())
                    .putInt(entry.topicHash());
        }
        buffer.flip();
        try {
            FileChannel channel = channel(windowStartMs);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            unforced.add(windowStartMs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to timer window " + file(windowStartMs), e);
        }
    }

    /** Every entry of a window, in file order; empty when the window has none. */
    List<TimerEntry> read(long windowStartMs) {
        return read(windowStartMs, 0, Integer.MAX_VALUE);
    }

    /**
     * Up to {@code maxEntries} entries of a window, from its {@code fromEntry}-th on, in file order; fewer
     * than asked only when the window has no more (a torn last entry does not count).
     */
    List<TimerEntry> read(long windowStartMs, int fromEntry, int maxEntries) {
        Path file = file(windowStartMs);
        ByteBuffer buffer;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long from = (long) fromEntry * TimerEntry.BYTES;
            long available = Math.max(0, channel.size() - from) / TimerEntry.BYTES;
            int count = (int) Math.min(available, maxEntries);
            buffer = ByteBuffer.allocate(count * TimerEntry.BYTES);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, from + buffer.position()) < 0) {
                    throw new IOException("window shrank while being read");
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read timer window " + file, e);
        }
        buffer.flip();
        List<TimerEntry> entries = new ArrayList<>(buffer.remaining() / TimerEntry.BYTES);
        while (buffer.remaining() >= TimerEntry.BYTES) {
            entries.add(new TimerEntry(
                    buffer.getLong(), buffer.getLong(), buffer.getLong(), buffer.getInt(), buffer.getInt()));
        }
        return entries;
    }

    /** The start of the first window on disk at or after {@code fromMs}, if any. */
    OptionalLong firstWindowFrom(long fromMs) {
        Long first = windows.ceiling(fromMs);
        return first == null ? OptionalLong.empty() : OptionalLong.of(first);
    }

    /** Start times of the windows on disk from {@code fromMs} on, earliest first. */
    NavigableSet<Long> windowsFrom(long fromMs) {
        return new TreeSet<>(windows.tailSet(fromMs, true));
    }

    /** Forces every window written since the last call, so their entries survive a machine crash. */
    void force() {
        for (Long window : unforced) {
            FileChannel channel = open.get(window);
            if (channel != null) {
                try {
                    channel.force(false);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot force timer window " + file(window), e);
                }
            }
        }
        unforced.clear();
        if (open.size() > MAX_OPEN_WINDOWS) {
            open.values().forEach(TimerIndexFiles::closeQuietly);
            open.clear();
        }
    }

    /** Closes and deletes every window that starts before {@code windowStartMs}. */
    void deleteBefore(long windowStartMs) {
        Iterator<Long> old = windows.headSet(windowStartMs, false).iterator();
        while (old.hasNext()) {
            long window = old.next();
            closeQuietly(open.remove(window));
            unforced.remove(window);
            try {
                Files.deleteIfExists(file(window));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete timer window " + file(window), e);
            }
            old.remove();
            lowestOffsets.remove(window);
        }
    }

    @Override
    public void close() {
        force();
        open.values().forEach(TimerIndexFiles::closeQuietly);
        open.clear();
    }

    private FileChannel channel(long windowStartMs) throws IOException {
        FileChannel channel = open.get(windowStartMs);
        if (channel == null) {
            channel = FileChannel.open(file(windowStartMs), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long whole = channel.size() - channel.size() % TimerEntry.BYTES;
            if (whole != channel.size()) {
                channel.truncate(whole); // a torn entry from a crash: later appends must stay aligned
            }
            channel.position(whole);
            open.put(windowStartMs, channel);
            windows.add(windowStartMs);
        }
        return channel;
    }

    private Path file(long windowStartMs) {
        return directory.resolve(String.format("%020d%s", windowStartMs, SUFFIX));
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing a channel we only appended to; the data was already written
            }
        }
    }
}

package io.couriermq.compat.crash;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A segment roll, seen as a new file in a segment directory. In {@code commitlog/} the allocator
 * preallocates segment N+2 the moment the writer takes the preallocated N+1, so a new name means the writer
 * has just rolled. In a consume queue's directory ({@code consumequeue/<topic>/<queueId>/}, no
 * preallocation) the dispatcher creates the next file when it writes the entry past the last file's end.
 * Only directories that held a file when the watch began are watched: a queue's first file is its
 * creation, not a roll.
 */
final class NewFileProbe implements StoreProbe {
    /** The consume-queue entry layout (ConsumeQueue): commit-log offset 8, size 4, tags hash 8. */
    private static final int QUEUE_ENTRY_BYTES = 20;

    private static final int QUEUE_ENTRY_SIZE_FIELD = 8;

    private final Path root;
    private final boolean consumeQueues;
    private final Map<File, Set<String>> before = new LinkedHashMap<>();
    private File appeared;

    private NewFileProbe(Path root, List<File> directories, boolean consumeQueues) {
        this.root = root;
        this.consumeQueues = consumeQueues;
        for (File directory : directories) {
            String[] names = directory.list();
            if (names != null && names.length > 0) {
                before.put(directory, Set.of(names));
            }
        }
    }

    static NewFileProbe commitLog(Path directory) {
        return new NewFileProbe(directory, List.of(directory.toFile()), false);
    }

    static NewFileProbe consumeQueues(Path root) {
        List<File> queues = new ArrayList<>();
        for (File topic : listDirectories(root.toFile())) {
            queues.addAll(listDirectories(topic));
        }
        return new NewFileProbe(root, queues, true);
    }

    @Override
    public String poll() {
        for (Map.Entry<File, Set<String>> directory : before.entrySet()) {
            String[] names = directory.getKey().list();
            if (names == null) {
                continue; // a deleted topic
            }
            for (String name : names) {
                if (!directory.getValue().contains(name)) {
                    appeared = new File(directory.getKey(), name);
                    return "new file " + relative(appeared);
                }
            }
        }
        return null;
    }

    @Override
    public String leftOnDisk() {
        if (appeared == null) {
            return "no new file";
        }
        return consumeQueues ? queueFileState() : commitLogState();
    }

    /** How far the dispatcher had filled the new consume-queue file: the entries with a size. */
    private String queueFileState() {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(appeared.toPath()));
            int entries = 0;
            for (int at = 0; at + QUEUE_ENTRY_BYTES <= bytes.capacity(); at += QUEUE_ENTRY_BYTES) {
                if (bytes.getInt(at + QUEUE_ENTRY_SIZE_FIELD) != 0) {
                    entries++;
                }
            }
            return relative(appeared) + " holds " + entries + " entries";
        } catch (IOException e) {
            return relative(appeared) + " unreadable after the kill: " + e;
        }
    }

    /**
     * The new segment and the one before it, with how much of each was written: after a preallocation the
     * one before is the segment rolled into; when the writer created the new one itself (nothing was
     * preallocated, as at the first roll after a restart) the new one is.
     */
    private String commitLogState() {
        String[] names = appeared.getParentFile().list();
        if (names == null) {
            return "commitlog/ gone";
        }
        Arrays.sort(names);
        int index = Arrays.asList(names).indexOf(appeared.getName());
        String before = index > 0
                ? names[index - 1] + " holds about "
                        + writtenBytes(new File(appeared.getParentFile(), names[index - 1])) + " bytes, "
                : "";
        return before + "the new " + appeared.getName() + " about " + writtenBytes(appeared) + " bytes, " + names.length
                + " segments";
    }

    /** Up to the last non-zero byte: segments are created full size and zero-filled. -1 when unreadable. */
    private static long writtenBytes(File segment) {
        try {
            byte[] bytes = Files.readAllBytes(segment.toPath());
            int written = bytes.length;
            while (written > 0 && bytes[written - 1] == 0) {
                written--;
            }
            return written;
        } catch (IOException e) {
            return -1;
        }
    }

    private String relative(File file) {
        return root.getFileName() + "/" + root.relativize(file.toPath());
    }

    private static List<File> listDirectories(File directory) {
        File[] children = directory.listFiles(File::isDirectory);
        return children == null ? List.of() : List.of(children);
    }
}

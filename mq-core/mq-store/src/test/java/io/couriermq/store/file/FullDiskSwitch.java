package io.couriermq.store.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A disk that can be made full at will, for unit tests: while full, new files cannot be created and
 * positional writes through the channel (what {@link MappedFile#reserve} does) fail with ENOSPC's
 * message. Writes through a mapping are not intercepted; DiskFilledBetweenSamplesIT covers a real full
 * file system.
 */
public final class FullDiskSwitch {
    private static final String NO_SPACE = "No space left on device";

    private final AtomicBoolean full = new AtomicBoolean();
    private final AtomicInteger writes = new AtomicInteger();

    public void fill() {
        full.set(true);
    }

    public void free() {
        full.set(false);
    }

    /** Positional writes that reached the disk (refused ones do not count). */
    public int writes() {
        return writes.get();
    }

    public SegmentFiles files() {
        return (path, sizeBytes) -> {
            if (full.get() && !Files.exists(path)) {
                throw new IOException(NO_SPACE);
            }
            return new SwitchedChannel(SegmentFiles.standard().open(path, sizeBytes));
        };
    }

    private final class SwitchedChannel extends FileChannel {
        private final FileChannel delegate;

        SwitchedChannel(FileChannel delegate) {
            this.delegate = delegate;
        }

        @Override
        public int write(ByteBuffer source, long position) throws IOException {
            if (full.get()) {
                throw new IOException(NO_SPACE);
            }
            writes.incrementAndGet();
            return delegate.write(source, position);
        }

        @Override
        public int read(ByteBuffer target) throws IOException {
            return delegate.read(target);
        }

        @Override
        public long read(ByteBuffer[] targets, int offset, int length) throws IOException {
            return delegate.read(targets, offset, length);
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            throw new UnsupportedOperationException("the store writes at positions only");
        }

        @Override
        public long write(ByteBuffer[] sources, int offset, int length) throws IOException {
            throw new UnsupportedOperationException("the store writes at positions only");
        }

        @Override
        public long position() throws IOException {
            return delegate.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            delegate.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return delegate.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            delegate.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            delegate.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return delegate.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel source, long position, long count) throws IOException {
            throw new UnsupportedOperationException("the store writes at positions only");
        }

        @Override
        public int read(ByteBuffer target, long position) throws IOException {
            return delegate.read(target, position);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return delegate.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return delegate.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return delegate.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            delegate.close();
        }
    }
}

/**
 * The storage engine's contract: {@link io.couriermq.store.MessageStore} and its value types. Nothing in
 * this package depends on the implementation packages below it.
 *
 * <h2>Map</h2>
 *
 * <ul>
 *   <li>{@code store.file}: {@code MappedFile} (one mmap'ed, reference-counted segment),
 *       {@code MappedFileQueue} (segments named by 20-digit start offset), {@code SegmentAllocator}
 *       (next segment off the hot path), {@code SegmentFiles}/{@code DiskSpace} (file-system seams),
 *       {@code StorageHealth} (may puts be accepted).
 *   <li>{@code store.commitlog}: the append path (one lock assigns physical and queue offsets) and
 *       record reads.
 *   <li>{@code store.flush}: SYNC_FLUSH group commit and ASYNC_FLUSH interval forcing.
 *   <li>{@code store.queue}: consume queues (20-byte entries) and the {@code Dispatcher} that writes
 *       them and the index from the commit log.
 *   <li>{@code store.index}: hash-slot index files of KEYS and UNIQ_KEY.
 *   <li>{@code store.checkpoint}: checkpoint file, abort marker, checkpoint service.
 *   <li>{@code store.recovery}: validation and repair after a restart.
 *   <li>{@code store.retention}: expiry by age and disk usage.
 *   <li>{@code store.read}: the queue read path and key queries.
 *   <li>{@code store.engine}: {@code FileMessageStore}, the facade that wires the parts.
 *   <li>{@code store.memory}: an in-memory {@code MessageStore} for tests above the store.
 * </ul>
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>The store never sees the network and never parses a byte offset itself: the record layout lives
 *       in {@code io.couriermq.common.message.codec}.
 *   <li>A record's physical offset and its queue offset are assigned under the same lock, so the order
 *       of a queue is the order of the commit log.
 *   <li>A mapped buffer is never unmapped while a reader holds its segment; such a reader's later reads
 *       answer OFFSET_TOO_SMALL instead.
 *   <li>A SYNC_FLUSH put never reports PUT_OK before a force covered its bytes.
 *   <li>No write through a mapping goes into a page the file system has not allocated: files are created
 *       sparse, so writers first reserve (append-only files) or allocate (the index) the bytes through
 *       the channel. A disk that filled up since the last usage sample is an I/O error there, before
 *       anything is written (the put gets SERVICE_NOT_AVAILABLE), never a SIGBUS in the mapping.
 *   <li>Recovery trusts what the checkpoint vouches for and checks only what came after it.
 * </ul>
 *
 * <h2>Files under {@code storePathRootDir}</h2>
 *
 * <pre>
 * commitlog/&lt;20-digit offset&gt;            records in the stored-message layout, blank marker at the end
 * consumequeue/&lt;topic&gt;/&lt;queueId&gt;/&lt;offset&gt;  20-byte entries: commit-log offset 8, size 4, tag hash 8
 * index/&lt;20-digit offset&gt;                40-byte header, 4-byte hash slots, 20-byte chained entries
 * checkpoint (+ .bak)                    JSON: flushed and dispatched commit-log offsets
 * abort                                  exists while the store runs
 * </pre>
 */
package io.couriermq.store;

package io.couriermq.broker.processor;

import io.couriermq.broker.admin.QueueLookup;
import io.couriermq.common.message.codec.MalformedRecordException;
import io.couriermq.common.message.codec.RecordView;
import io.couriermq.remoting.protocol.BufferBody;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.header.broker.QueryMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.QueryMessageResponseHeader;
import io.couriermq.remoting.protocol.header.broker.ViewMessageRequestHeader;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import io.couriermq.store.MessageStore;
import io.couriermq.store.QueryResult;
import io.couriermq.store.RecordSlice;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Messages looked up by key (QUERY_MESSAGE, from the index) and by commit-log offset (VIEW_MESSAGE_BY_ID,
 * the offset an offsetMsgId encodes). Found records go out as stored, without a copy: the response
 * body holds the store's slices and releasing it (after the write, or when it is dropped) closes them.
 */
public final class QueryMessageProcessor implements RequestProcessor {
    public static final List<RequestCode> CODES = List.of(RequestCode.QUERY_MESSAGE, RequestCode.VIEW_MESSAGE_BY_ID);

    /** The official broker's cap for a key query (maxMsgsNumBatch). */
    static final int MAX_KEY_RESULTS = 64;

    /** The official broker's answer size for a unique-key query (defaultQueryMaxNum). */
    static final int MAX_UNIQUE_KEY_RESULTS = 32;

    private final MessageStore store;

    public QueryMessageProcessor(MessageStore store) {
        this.store = store;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        return switch (RequestCode.of(request.code())) {
            case QUERY_MESSAGE -> queryByKey(request);
            case VIEW_MESSAGE_BY_ID -> viewById(request);
            default -> throw new IllegalArgumentException("not a message query request: " + request);
        };
    }

    /**
     * Newest first, at most maxNum (capped at 64; a unique-key query always gets up to 32, since the
     * client keeps only exact matches itself). QUERY_NOT_FOUND, with the index header, when none match.
     */
    private RemotingCommand queryByKey(RemotingCommand request) {
        QueryMessageRequestHeader header = request.decodeHeader(QueryMessageRequestHeader::decode);
        int maxCount = header.uniqueKeyQuery() ? MAX_UNIQUE_KEY_RESULTS : Math.min(header.maxNum(), MAX_KEY_RESULTS);
        if (maxCount < 1) {
            return QueueLookup.systemError(
                    request, "QUERY_MESSAGE maxNum must be positive, was " + header.maxNum() + " for " + header.key());
        }
        QueryResult result = store.queryByKey(
                header.topic(), header.key(), maxCount, header.beginTimestamp(), header.endTimestamp());
        QueryMessageResponseHeader indexState = new QueryMessageResponseHeader(
                result.indexLastUpdateTimestampMs(), result.indexLastUpdateCommitLogOffset());
        if (result.records().isEmpty()) {
            result.close();
            return RemotingCommand.responseTo(request, ResponseCode.QUERY_NOT_FOUND)
                    .header(indexState)
                    .remark("no message of topic " + header.topic() + " with key " + header.key()
                            + " in the time range")
                    .build();
        }
        List<ByteBuffer> buffers =
                result.records().stream().map(RecordSlice::buffer).toList();
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .header(indexState)
                .bufferBody(new BufferBody(buffers, result::close))
                .build();
    }

    /** The one record starting at the offset; SYSTEM_ERROR when no record starts there. */
    private RemotingCommand viewById(RemotingCommand request) {
        long offset = request.decodeHeader(ViewMessageRequestHeader::decode).offset();
        Optional<RecordSlice> record = offset < 0 ? Optional.empty() : store.readRecord(offset);
        if (record.isPresent() && !startsAt(record.get(), offset)) {
            record.get().close();
            record = Optional.empty();
        }
        if (record.isEmpty()) {
            return QueueLookup.systemError(request, "no message at offset " + offset);
        }
        RecordSlice slice = record.get();
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .bufferBody(new BufferBody(List.of(slice.buffer()), slice::close))
                .build();
    }

    /** Guards against an offset inside a record: the record found must say it is stored there. */
    private static boolean startsAt(RecordSlice slice, long offset) {
        try {
            return RecordView.at(slice.buffer(), 0).physicalOffset() == offset;
        } catch (IndexOutOfBoundsException | MalformedRecordException e) {
            return false;
        }
    }
}

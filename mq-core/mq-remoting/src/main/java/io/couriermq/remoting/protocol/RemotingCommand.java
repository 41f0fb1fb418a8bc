package io.couriermq.remoting.protocol;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One request or response of the remoting protocol: the header fields every command has, the custom
 * header flattened to string {@code extFields}, and an opaque body. Immutable; build one with {@link
 * #request(int)} or {@link #responseTo(RemotingCommand, ResponseCode)}.
 *
 * <p>A response carries the request's opaque and is written in the request's serialize type, which is
 * what both official client generations accept.
 */
public final class RemotingCommand {
    /** The version ordinal we stamp on everything we send: RocketMQ V5_2_0. Clients gate SQL92 on it. */
    public static final int PROTOCOL_VERSION = 453;

    private static final int FLAG_RESPONSE = 0x1;
    private static final int FLAG_ONEWAY = 0x2;
    private static final byte[] NO_BODY = new byte[0];
    private static final AtomicInteger NEXT_OPAQUE = new AtomicInteger();

    private final int code;
    private final LanguageCode language;
    private final int version;
    private final int opaque;
    private final int flag;
    private final String remark;
    private final Map<String, String> extFields;
    private final byte[] body;
    private final BufferBody bufferBody;
    private final SerializeType serializeType;

    private RemotingCommand(Builder builder) {
        this.code = builder.code;
        this.language = builder.language;
        this.version = builder.version;
        this.opaque = builder.opaque;
        this.flag = builder.flag;
        this.remark = builder.remark;
        this.extFields = builder.extFields == null ? Map.of() : Collections.unmodifiableMap(builder.extFields);
        this.body = builder.body == null ? NO_BODY : builder.body;
        this.bufferBody = builder.bufferBody;
        if (bufferBody != null && body.length > 0) {
            throw new IllegalArgumentException("a command has either a byte[] body or a buffer body, not both");
        }
        this.serializeType = builder.serializeType;
    }

    /** A new request with a fresh opaque. */
    public static Builder request(int code) {
        return new Builder(code, NEXT_OPAQUE.incrementAndGet(), 0);
    }

    public static Builder request(RequestCode code) {
        return request(code.code());
    }

    /** A response to {@code request}: same opaque and serialize type, response flag set. */
    public static Builder responseTo(RemotingCommand request, ResponseCode code) {
        return responseTo(request, code.code());
    }

    public static Builder responseTo(RemotingCommand request, int code) {
        return new Builder(code, request.opaque, FLAG_RESPONSE).serializeType(request.serializeType);
    }

    /** A builder for a decoder that has read every field off the wire. */
    public static Builder decoded(int code, int opaque, int flag) {
        return new Builder(code, opaque, flag);
    }

    public int code() {
        return code;
    }

    public LanguageCode language() {
        return language;
    }

    public int version() {
        return version;
    }

    public int opaque() {
        return opaque;
    }

    public int flag() {
        return flag;
    }

    public boolean isResponse() {
        return (flag & FLAG_RESPONSE) != 0;
    }

    public boolean isOneway() {
        return (flag & FLAG_ONEWAY) != 0;
    }

    public String remark() {
        return remark;
    }

    /** The custom header as sent; never null, unmodifiable. */
    public Map<String, String> extFields() {
        return extFields;
    }

    /** Shortcut for one ext field; null when absent. */
    public String extField(String name) {
        return extFields.get(name);
    }

    /** The body bytes; empty, never null (and empty for a {@link #bufferBody()}). Callers must not modify the array. */
    public byte[] body() {
        return body;
    }

    public boolean hasBody() {
        return bodyLength() > 0;
    }

    /** A zero-copy body, or null when the body is {@link #body()}. */
    public BufferBody bufferBody() {
        return bufferBody;
    }

    public int bodyLength() {
        return bufferBody != null ? bufferBody.length() : body.length;
    }

    /** Releases a zero-copy body, if any; call once the command will not be written (again). */
    public void releaseBody() {
        if (bufferBody != null) {
            bufferBody.release();
        }
    }

    public SerializeType serializeType() {
        return serializeType;
    }

    /** Decodes the custom header with a header type's own decoder, e.g. {@code SomeHeader::decode}. */
    public <H> H decodeHeader(Function<HeaderFields, H> decoder) {
        return decoder.apply(new HeaderFields(this));
    }

    /** The same command marked as oneway (the receiver must not answer). */
    public RemotingCommand asOneway() {
        return toBuilder().flag(flag | FLAG_ONEWAY).build();
    }

    public Builder toBuilder() {
        Builder builder = new Builder(code, opaque, flag)
                .language(language)
                .version(version)
                .remark(remark)
                .body(body)
                .bufferBody(bufferBody)
                .serializeType(serializeType);
        if (!extFields.isEmpty()) {
            builder.extFields = new HashMap<>(extFields);
        }
        return builder;
    }

    /** A short description for logs: never the body, which may be large or binary. */
    @Override
    public String toString() {
        String name = isResponse() ? ResponseCode.nameOf(code) : RequestCode.nameOf(code);
        return (isResponse() ? "response " : "request ") + name + "(" + code + ") opaque=" + opaque + " flag=" + flag
                + (remark == null ? "" : " remark=" + remark) + " ext=" + extFields + " body=" + bodyLength() + "B";
    }

    /** Collects the fields of one command. Not thread-safe; build once. */
    public static final class Builder {
        private final int code;
        private final int opaque;
        private int flag;
        private LanguageCode language = LanguageCode.JAVA;
        private int version = PROTOCOL_VERSION;
        private String remark;
        private HashMap<String, String> extFields;
        private byte[] body;
        private BufferBody bufferBody;
        private SerializeType serializeType = SerializeType.JSON;

        private Builder(int code, int opaque, int flag) {
            this.code = code;
            this.opaque = opaque;
            this.flag = flag;
        }

        public Builder flag(int flag) {
            this.flag = flag;
            return this;
        }

        public Builder oneway() {
            this.flag |= FLAG_ONEWAY;
            return this;
        }

        public Builder language(LanguageCode language) {
            this.language = language == null ? LanguageCode.JAVA : language;
            return this;
        }

        public Builder version(int version) {
            this.version = version;
            return this;
        }

        public Builder remark(String remark) {
            this.remark = remark;
            return this;
        }

        /** Adds the header's fields to the ext fields; null-valued fields are left out. */
        public Builder header(CommandHeader header) {
            header.writeTo(extFieldsForWriting());
            return this;
        }

        /** Adds one ext field; a null value is left out, as the protocol does. */
        public Builder extField(String name, String value) {
            if (value != null) {
                extFieldsForWriting().put(name, value);
            }
            return this;
        }

        public Builder extFields(Map<String, String> fields) {
            if (fields != null) {
                fields.forEach(this::extField);
            }
            return this;
        }

        public Builder body(byte[] body) {
            this.body = body;
            return this;
        }

        /** A body written without copying; see {@link BufferBody}. */
        public Builder bufferBody(BufferBody body) {
            this.bufferBody = body;
            return this;
        }

        public Builder serializeType(SerializeType serializeType) {
            this.serializeType = serializeType == null ? SerializeType.JSON : serializeType;
            return this;
        }

        public RemotingCommand build() {
            return new RemotingCommand(this);
        }

        private Map<String, String> extFieldsForWriting() {
            if (extFields == null) {
                extFields = new HashMap<>();
            }
            return extFields;
        }
    }
}

package io.couriermq.remoting.protocol.codec;

import io.couriermq.remoting.protocol.LanguageCode;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON header (serialize type 0), read and written with Jackson's streaming API: one pass, no
 * reflection, unknown keys skipped. Values inside {@code extFields} are accepted as strings, numbers
 * or booleans (fastjson senders are lenient there) and always written as strings.
 */
public final class JsonHeaderCodec {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonHeaderCodec() {}

    /** Writes the header of {@code command} to {@code out}; returns the number of bytes written. */
    public static int encode(RemotingCommand command, ByteBuf out) {
        int start = out.writerIndex();
        try (JsonGenerator json =
                FACTORY.createGenerator(ObjectWriteContext.empty(), (OutputStream) new ByteBufOutputStream(out))) {
            json.writeStartObject();
            json.writeNumberProperty("code", command.code());
            if (!command.extFields().isEmpty()) {
                json.writeName("extFields");
                json.writeStartObject();
                for (Map.Entry<String, String> field : command.extFields().entrySet()) {
                    json.writeStringProperty(field.getKey(), field.getValue());
                }
                json.writeEndObject();
            }
            json.writeNumberProperty("flag", command.flag());
            json.writeStringProperty("language", command.language().name());
            json.writeNumberProperty("opaque", command.opaque());
            if (command.remark() != null) {
                json.writeStringProperty("remark", command.remark());
            }
            json.writeStringProperty("serializeTypeCurrentRPC", "JSON");
            json.writeNumberProperty("version", command.version());
            json.writeEndObject();
        }
        return out.writerIndex() - start;
    }

    /** Parses a JSON header of {@code length} bytes at the reader index of {@code in}. */
    public static RemotingCommand.Builder decode(ByteBuf in, int length) {
        byte[] bytes;
        int offset;
        if (in.hasArray()) {
            bytes = in.array();
            offset = in.arrayOffset() + in.readerIndex();
        } else {
            bytes = new byte[length];
            in.getBytes(in.readerIndex(), bytes);
            offset = 0;
        }
        try (JsonParser json = FACTORY.createParser(ObjectReadContext.empty(), bytes, offset, length)) {
            RemotingCommand.Builder command = parseObject(json);
            if (json.nextToken() != null) {
                throw new RemotingDecodingException("JSON header has trailing content after the object");
            }
            return command;
        } catch (JacksonException e) {
            throw new RemotingDecodingException("JSON header does not parse: " + e.getOriginalMessage(), e);
        }
    }

    private static RemotingCommand.Builder parseObject(JsonParser json) {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            throw new RemotingDecodingException("JSON header is not an object");
        }
        Integer code = null;
        int opaque = 0;
        int flag = 0;
        int version = 0;
        String language = null;
        String remark = null;
        Map<String, String> extFields = null;
        String name;
        while ((name = json.nextName()) != null) {
            JsonToken value = json.nextToken();
            switch (name) {
                case "code" -> code = intValue(json, value, name);
                case "opaque" -> opaque = intValue(json, value, name);
                case "flag" -> flag = intValue(json, value, name);
                case "version" -> version = intValue(json, value, name);
                case "language" -> language = value == JsonToken.VALUE_NULL ? null : json.getString();
                case "remark" -> remark = value == JsonToken.VALUE_NULL ? null : json.getString();
                case "extFields" -> extFields = value == JsonToken.VALUE_NULL ? null : parseExtFields(json, value);
                default -> json.skipChildren();
            }
        }
        if (code == null) {
            throw new RemotingDecodingException("JSON header has no 'code'");
        }
        return RemotingCommand.decoded(code, opaque, flag)
                .version(version)
                .language(LanguageCode.ofName(language))
                .remark(remark)
                .extFields(extFields);
    }

    private static int intValue(JsonParser json, JsonToken token, String name) {
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return json.getIntValue();
        }
        if (token == JsonToken.VALUE_STRING) {
            try {
                return Integer.parseInt(json.getString().trim());
            } catch (NumberFormatException e) {
                throw new RemotingDecodingException("JSON header '" + name + "' is not a number");
            }
        }
        throw new RemotingDecodingException("JSON header '" + name + "' is not a number but " + token);
    }

    private static Map<String, String> parseExtFields(JsonParser json, JsonToken start) {
        if (start != JsonToken.START_OBJECT) {
            throw new RemotingDecodingException("JSON header 'extFields' is not an object");
        }
        Map<String, String> fields = new HashMap<>();
        String key;
        while ((key = json.nextName()) != null) {
            JsonToken value = json.nextToken();
            if (value.isScalarValue()) {
                if (value != JsonToken.VALUE_NULL) {
                    fields.put(key, json.getString());
                }
            } else {
                throw new RemotingDecodingException("JSON header extFields['" + key + "'] is not a scalar");
            }
        }
        return fields;
    }
}

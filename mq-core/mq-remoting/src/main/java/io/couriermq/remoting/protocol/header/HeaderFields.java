package io.couriermq.remoting.protocol.header;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RemotingCommandException;
import io.couriermq.remoting.protocol.RequestCode;
import java.util.Map;

/**
 * Typed, validating access to a command's ext fields for header decoders. A missing required field
 * or a malformed number raises {@link RemotingCommandException} naming the field and the command, so
 * the sender gets an answer it can act on instead of a null deep inside a processor.
 */
public final class HeaderFields {
    private final Map<String, String> fields;
    private final RemotingCommand command;

    public HeaderFields(RemotingCommand command) {
        this.fields = command.extFields();
        this.command = command;
    }

    public String requireString(String name) {
        String value = fields.get(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    public String optionalString(String name) {
        return fields.get(name);
    }

    public int requireInt(String name) {
        return parseInt(name, requireString(name));
    }

    /** A count such as PULL_MESSAGE's maxMsgNums: zero or less is refused here, naming the field. */
    public int requirePositiveInt(String name) {
        int value = requireInt(name);
        if (value <= 0) {
            throw malformed(name, Integer.toString(value), "a positive int");
        }
        return value;
    }

    public Integer optionalInt(String name) {
        String value = fields.get(name);
        return value == null ? null : parseInt(name, value);
    }

    public int intOr(String name, int fallback) {
        Integer value = optionalInt(name);
        return value == null ? fallback : value;
    }

    public long requireLong(String name) {
        return parseLong(name, requireString(name));
    }

    public Long optionalLong(String name) {
        String value = fields.get(name);
        return value == null ? null : parseLong(name, value);
    }

    public long longOr(String name, long fallback) {
        Long value = optionalLong(name);
        return value == null ? fallback : value;
    }

    public boolean requireBoolean(String name) {
        return parseBoolean(name, requireString(name));
    }

    public Boolean optionalBoolean(String name) {
        String value = fields.get(name);
        return value == null ? null : parseBoolean(name, value);
    }

    public boolean booleanOr(String name, boolean fallback) {
        Boolean value = optionalBoolean(name);
        return value == null ? fallback : value;
    }

    private int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw malformed(name, value, "an int");
        }
    }

    private long parseLong(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw malformed(name, value, "a long");
        }
    }

    private boolean parseBoolean(String name, String value) {
        String trimmed = value.trim();
        if (trimmed.equalsIgnoreCase("true")) {
            return true;
        }
        if (trimmed.equalsIgnoreCase("false")) {
            return false;
        }
        throw malformed(name, value, "a boolean");
    }

    private RemotingCommandException missing(String name) {
        return new RemotingCommandException("the header field '" + name + "' is required in " + describe());
    }

    private RemotingCommandException malformed(String name, String value, String expected) {
        return new RemotingCommandException(
                "the header field '" + name + "' must be " + expected + " in " + describe() + ", was '" + value + "'");
    }

    private String describe() {
        return RequestCode.nameOf(command.code()) + "(" + command.code() + ")";
    }
}

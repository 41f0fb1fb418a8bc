package io.couriermq.remoting.protocol.body;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RemotingCommandException;
import io.couriermq.remoting.protocol.RequestCode;

/**
 * Checks on the fields of a decoded JSON body, the body's counterpart of {@code HeaderFields}: JSON
 * leaves any field out, so a processor states which ones it needs and the sender hears which is
 * missing instead of the processor failing on a null.
 */
public final class BodyFields {
    private BodyFields() {}

    /** {@code value}, or a {@link RemotingCommandException} naming {@code field} and the command. */
    public static <T> T require(T value, String field, RemotingCommand command) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new RemotingCommandException("the " + RequestCode.nameOf(command.code()) + "(" + command.code()
                    + ") body has no '" + field + "'");
        }
        return value;
    }
}

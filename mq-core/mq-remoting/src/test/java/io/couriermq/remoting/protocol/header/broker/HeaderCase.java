package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One header under test: a sample value, how it is written and read, the exact ext keys the sample
 * writes (the wire names of the doc's tables) and which of them are required.
 */
record HeaderCase(
        String name,
        int code,
        Object header,
        CommandHeader writer,
        Function<HeaderFields, ?> decoder,
        Set<String> writtenKeys,
        List<String> requiredKeys) {

    static <H extends CommandHeader> HeaderCase of(
            String name,
            RequestCode code,
            H header,
            Function<HeaderFields, H> decoder,
            Set<String> writtenKeys,
            String... requiredKeys) {
        return new HeaderCase(name, code.code(), header, header, decoder, writtenKeys, List.of(requiredKeys));
    }

    RemotingCommand.Builder command() {
        return RemotingCommand.request(code).header(writer);
    }

    @Override
    public String toString() {
        return name;
    }
}

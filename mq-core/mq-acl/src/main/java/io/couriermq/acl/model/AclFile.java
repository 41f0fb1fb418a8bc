package io.couriermq.acl.model;

import java.nio.file.Path;
import java.util.List;

/**
 * One accounts file as read (RocketMQ's {@code PlainAccessData}).
 *
 * @param dataVersion null when the file has none
 */
public record AclFile(
        Path path, List<String> globalWhiteRemoteAddresses, List<AccountConfig> accounts, FileVersion dataVersion) {

    public AclFile {
        globalWhiteRemoteAddresses = List.copyOf(globalWhiteRemoteAddresses);
        accounts = List.copyOf(accounts);
    }

    public static AclFile empty(Path path) {
        return new AclFile(path, List.of(), List.of(), null);
    }
}

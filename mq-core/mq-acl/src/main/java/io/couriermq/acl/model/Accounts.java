package io.couriermq.acl.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts in force: every file's content, compiled. Immutable; a reload or an admin change
 * replaces the whole snapshot, so a request is always judged against one consistent version.
 *
 * @param mainFile plain_acl.yml (where new accounts go)
 * @param files every file read, main file first
 * @param globalWhiteList the global white-list patterns of all files
 * @param byAccessKey the first definition of each access key
 * @param fileOf which file defines each access key
 */
public record Accounts(
        Path mainFile,
        List<AclFile> files,
        List<AddressPattern> globalWhiteList,
        Map<String, Account> byAccessKey,
        Map<String, Path> fileOf) {

    public Accounts {
        files = List.copyOf(files);
        globalWhiteList = List.copyOf(globalWhiteList);
        byAccessKey = Map.copyOf(byAccessKey);
        fileOf = Map.copyOf(fileOf);
    }

    public Optional<Account> account(String accessKey) {
        return Optional.ofNullable(byAccessKey.get(accessKey));
    }

    public boolean globallyWhiteListed(String ip) {
        for (AddressPattern pattern : globalWhiteList) {
            if (pattern.matches(ip)) {
                return true;
            }
        }
        return false;
    }

    public Optional<AclFile> file(Path path) {
        return files.stream().filter(file -> file.path().equals(path)).findFirst();
    }
}

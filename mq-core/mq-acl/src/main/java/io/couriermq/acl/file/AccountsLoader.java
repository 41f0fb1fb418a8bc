package io.couriermq.acl.file;

import io.couriermq.acl.model.Account;
import io.couriermq.acl.model.AccountConfig;
import io.couriermq.acl.model.Accounts;
import io.couriermq.acl.model.AclFile;
import io.couriermq.acl.model.AddressPattern;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every accounts file into one {@link Accounts} snapshot. A missing main file is created empty, as
 * RocketMQ 5.2.0 does; an access key defined in two files keeps its first definition (the main file comes
 * first, then the others in path order) and the second is reported. Any file that cannot be used fails the
 * whole load with an {@link AclFileException}: a half-applied set of accounts is never put in force.
 */
public final class AccountsLoader {
    private static final Logger log = LoggerFactory.getLogger(AccountsLoader.class);

    private AccountsLoader() {}

    public static Accounts load(AclFileLocations locations) {
        createIfMissing(locations.mainFile());
        List<AclFile> files = new ArrayList<>();
        for (Path path : locations.files()) {
            files.add(read(path));
        }
        return compile(locations.mainFile(), files);
    }

    /** One file as it is on disk now. */
    public static AclFile read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return AclFile.empty(path);
        } catch (IOException e) {
            throw new AclFileException(path, 0, "cannot be read: " + e.getMessage(), e);
        }
        return AclFileParser.parse(path, text);
    }

    /** The snapshot of files already parsed (checked again by the parser, so compiling cannot fail). */
    public static Accounts compile(Path mainFile, List<AclFile> files) {
        List<AddressPattern> whiteList = new ArrayList<>();
        Map<String, Account> byAccessKey = new HashMap<>();
        Map<String, Path> fileOf = new HashMap<>();
        for (AclFile file : files) {
            file.globalWhiteRemoteAddresses().forEach(pattern -> whiteList.add(AddressPattern.parse(pattern)));
            for (AccountConfig account : file.accounts()) {
                Path first = fileOf.putIfAbsent(account.accessKey(), file.path());
                if (first != null) {
                    log.warn(
                            "accessKey {} is defined in {} and again in {}: the definition in {} is used",
                            account.accessKey(),
                            first,
                            file.path(),
                            first);
                    continue;
                }
                byAccessKey.put(account.accessKey(), account.compile());
            }
        }
        return new Accounts(mainFile, files, whiteList, byAccessKey, fileOf);
    }

    /** Creates an empty main file if there is none, as RocketMQ 5.2.0 does. */
    public static void createIfMissing(Path mainFile) {
        if (Files.exists(mainFile)) {
            return;
        }
        try {
            Files.createDirectories(mainFile.toAbsolutePath().getParent());
            Files.createFile(mainFile);
            log.info("accounts file {} did not exist: created it empty (no account can sign in yet)", mainFile);
        } catch (IOException e) {
            throw new AclFileException(mainFile, 0, "does not exist and cannot be created: " + e.getMessage(), e);
        }
    }
}

package io.couriermq.acl;

import io.couriermq.acl.file.AccountsLoader;
import io.couriermq.acl.file.AclFileWriter;
import io.couriermq.acl.model.AccountConfig;
import io.couriermq.acl.model.Accounts;
import io.couriermq.acl.model.AclFile;
import io.couriermq.acl.model.AddressPattern;
import io.couriermq.common.time.Clock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ACL management operations mqadmin sends (RocketMQ's codes 50, 51, 53): each rewrites one accounts
 * file atomically with its dataVersion bumped (counter + 1, timestamp now) and puts the result in force
 * at once. Input is checked before anything is written: IllegalArgumentException names the problem.
 * Operations are serialized by the service.
 */
public final class AclEditor {
    private static final Logger log = LoggerFactory.getLogger(AclEditor.class);

    private final AclService service;
    private final Clock clock;

    AclEditor(AclService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    /**
     * Creates the account in the main file, or updates it where it is defined: the fields {@code change}
     * sets replace the old ones (a blank secret or permission, or empty lists, keep them), as 5.2.0 does.
     */
    public void createOrUpdate(AccountConfig change) {
        synchronized (service) {
            AccountConfig.checkKey("accessKey", change.accessKey());
            Accounts accounts = service.accounts();
            Path path = accounts.fileOf().getOrDefault(change.accessKey(), accounts.mainFile());
            AclFile file = AccountsLoader.read(path);
            List<AccountConfig> updated = new ArrayList<>();
            boolean found = false;
            for (AccountConfig account : file.accounts()) {
                if (account.accessKey().equals(change.accessKey())) {
                    updated.add(account.mergedWith(change));
                    found = true;
                } else {
                    updated.add(account);
                }
            }
            if (!found) {
                updated.add(change);
            }
            updated.forEach(AccountConfig::compile);
            save(new AclFile(path, file.globalWhiteRemoteAddresses(), updated, file.dataVersion()));
            log.info("account {} {} in {}", change.accessKey(), found ? "updated" : "created", path);
        }
    }

    /** Removes the account; false when no file defines it. */
    public boolean delete(String accessKey) {
        synchronized (service) {
            Path path = service.accounts().fileOf().get(accessKey);
            if (path == null) {
                return false;
            }
            AclFile file = AccountsLoader.read(path);
            List<AccountConfig> kept = file.accounts().stream()
                    .filter(account -> !account.accessKey().equals(accessKey))
                    .toList();
            if (kept.size() == file.accounts().size()) {
                return false;
            }
            save(new AclFile(path, file.globalWhiteRemoteAddresses(), kept, file.dataVersion()));
            log.info("account {} deleted from {}", accessKey, path);
            return true;
        }
    }

    /**
     * Replaces the global white list of one accounts file: {@code fileFullPath} if it names one of the
     * files in use, the main file when blank. Any other path is refused: a remote request never chooses
     * where the broker writes.
     */
    public void replaceGlobalWhiteList(List<String> patterns, String fileFullPath) {
        synchronized (service) {
            patterns.forEach(AddressPattern::parse);
            Accounts accounts = service.accounts();
            Path path = fileFullPath == null || fileFullPath.isBlank()
                    ? accounts.mainFile()
                    : Path.of(fileFullPath.trim()).toAbsolutePath().normalize();
            if (accounts.file(path).isEmpty()) {
                throw new IllegalArgumentException(
                        "aclFileFullPath " + fileFullPath + " is not one of this broker's accounts files");
            }
            AclFile file = AccountsLoader.read(path);
            List<String> trimmed = patterns.stream()
                    .map(String::trim)
                    .filter(pattern -> !pattern.isEmpty())
                    .toList();
            save(new AclFile(path, trimmed, file.accounts(), file.dataVersion()));
            log.info("global white list of {} set to {}", path, trimmed);
        }
    }

    /** Writes {@code file} with its dataVersion counted on, and puts it in force. */
    private void save(AclFile file) {
        AclFile versioned = new AclFile(
                file.path(),
                file.globalWhiteRemoteAddresses(),
                file.accounts(),
                service.versionOf(file).next(clock.millis()));
        AclFileWriter.write(versioned);
        service.reloadNow();
    }
}

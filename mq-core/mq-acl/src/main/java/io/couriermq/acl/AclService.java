package io.couriermq.acl;

import io.couriermq.acl.file.AccountsLoader;
import io.couriermq.acl.file.AclFileException;
import io.couriermq.acl.file.AclFileLocations;
import io.couriermq.acl.model.Accounts;
import io.couriermq.acl.model.AclFile;
import io.couriermq.acl.model.FileVersion;
import io.couriermq.common.lifecycle.BackgroundService;
import io.couriermq.common.time.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts in force and their files. Opening fails when a file cannot be used (the server must not
 * start open or half-configured). While running, the files are polled: when one changes (content, or a
 * file added to or removed from {@code conf/acl/}) all are read again; a version that cannot be used is
 * logged with its file and line and the accounts in force stay as they were.
 */
public final class AclService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AclService.class);

    private final AclFileLocations locations;
    private final Clock clock;
    private final AclEditor editor;
    private final Watcher watcher;
    private volatile Accounts accounts;
    private volatile long loadedAtMs;
    private Map<Path, Long> stamps = Map.of();

    private AclService(AclFileLocations locations, Clock clock, long reloadIntervalMs) {
        this.locations = locations;
        this.clock = clock;
        this.editor = new AclEditor(this, clock);
        this.watcher = reloadIntervalMs > 0 ? new Watcher(reloadIntervalMs) : null;
    }

    /** Reads the accounts (AclFileException naming file and line if they cannot be used) and starts watching. */
    public static AclService open(AclFileLocations locations, Clock clock, long reloadIntervalMs) {
        AclService service = new AclService(locations, clock, reloadIntervalMs);
        service.reloadNow();
        Accounts loaded = service.accounts;
        log.info(
                "ACL on: {} account(s), {} global white-list pattern(s), from {} file(s) (main file {})",
                loaded.byAccessKey().size(),
                loaded.globalWhiteList().size(),
                loaded.files().size(),
                locations.mainFile());
        if (service.watcher != null) {
            service.watcher.start();
        }
        return service;
    }

    /** The accounts in force: one consistent snapshot. */
    public Accounts accounts() {
        return accounts;
    }

    public AclFileLocations locations() {
        return locations;
    }

    /** The ACL management operations (RocketMQ's codes 50-54). */
    public AclEditor editor() {
        return editor;
    }

    /** Each file's dataVersion; a file without one counts as counter 0 at the time it was read. */
    public Map<Path, FileVersion> versions() {
        Map<Path, FileVersion> versions = new LinkedHashMap<>();
        for (AclFile file : accounts.files()) {
            versions.put(file.path(), versionOf(file));
        }
        return versions;
    }

    FileVersion versionOf(AclFile file) {
        return file.dataVersion() != null ? file.dataVersion() : new FileVersion(0, loadedAtMs);
    }

    /**
     * Reads the files again if any changed since the last read; true when new accounts were put in force.
     * A version that cannot be used is logged and changes nothing.
     */
    public synchronized boolean reloadIfChanged() {
        Map<Path, Long> current = stampsOf(locations.files());
        if (current.equals(stamps)) {
            return false;
        }
        stamps = current;
        try {
            install(AccountsLoader.load(locations));
            log.info(
                    "accounts reloaded: {} account(s) now in force",
                    accounts.byAccessKey().size());
            return true;
        } catch (AclFileException | UncheckedIOException e) {
            log.warn("accounts not reloaded, the previous ones stay in force: {}", e.getMessage());
            return false;
        }
    }

    /** Reads every file now; AclFileException when one cannot be used (nothing changes then). */
    synchronized void reloadNow() {
        AccountsLoader.createIfMissing(locations.mainFile());
        // fingerprints first: a change made while reading is seen by the next poll
        Map<Path, Long> current = stampsOf(locations.files());
        install(AccountsLoader.load(locations));
        stamps = current;
    }

    private void install(Accounts loaded) {
        loadedAtMs = clock.millis();
        accounts = loaded;
    }

    /** A fingerprint of each file's content (a CRC: a rewrite within one mtime tick is still seen). */
    private static Map<Path, Long> stampsOf(List<Path> files) {
        Map<Path, Long> stamps = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                CRC32 crc = new CRC32();
                crc.update(Files.readAllBytes(file));
                stamps.put(file, crc.getValue());
            } catch (IOException e) {
                stamps.put(file, -1L);
            }
        }
        return stamps;
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.shutdown();
        }
    }

    private final class Watcher extends BackgroundService {
        Watcher(long intervalMs) {
            super("acl-reload", intervalMs);
        }

        @Override
        protected void runOnce() {
            reloadIfChanged();
        }
    }
}

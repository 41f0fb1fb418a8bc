package io.couriermq.acl.file;

import io.couriermq.acl.model.AccountConfig;
import io.couriermq.acl.model.AclFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes an accounts file in plain_acl.yml's shape (comments are not kept, as in RocketMQ). The new
 * content goes to a temporary file beside it, is forced to disk and renamed over the old one, so a reader
 * (or the reload watcher) sees the old file or the new one, never half of it.
 */
public final class AclFileWriter {
    private AclFileWriter() {}

    public static void write(AclFile file) {
        Path target = file.path().toAbsolutePath();
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        byte[] bytes = render(file).getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(target.getParent());
            try (FileChannel channel = FileChannel.open(
                    temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write accounts file " + target + ": " + e.getMessage(), e);
        }
    }

    /** The YAML text of {@code file}. */
    public static String render(AclFile file) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("globalWhiteRemoteAddresses", file.globalWhiteRemoteAddresses());
        root.put(
                "accounts", file.accounts().stream().map(AclFileWriter::account).toList());
        if (file.dataVersion() != null) {
            Map<String, Object> version = new LinkedHashMap<>();
            version.put("counter", file.dataVersion().counter());
            version.put("timestamp", file.dataVersion().timestamp());
            root.put("dataVersion", List.of(version));
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        return new Yaml(options).dump(root);
    }

    private static Map<String, Object> account(AccountConfig account) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("accessKey", account.accessKey());
        fields.put("secretKey", account.secretKey());
        if (account.whiteRemoteAddress() != null) {
            fields.put("whiteRemoteAddress", account.whiteRemoteAddress());
        }
        fields.put("admin", account.admin());
        if (account.defaultTopicPerm() != null) {
            fields.put("defaultTopicPerm", account.defaultTopicPerm());
        }
        if (account.defaultGroupPerm() != null) {
            fields.put("defaultGroupPerm", account.defaultGroupPerm());
        }
        if (!account.topicPerms().isEmpty()) {
            fields.put("topicPerms", account.topicPerms());
        }
        if (!account.groupPerms().isEmpty()) {
            fields.put("groupPerms", account.groupPerms());
        }
        return fields;
    }
}

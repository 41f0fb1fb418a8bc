package io.couriermq.acl.file;

import io.couriermq.acl.model.AccountConfig;
import io.couriermq.acl.model.AclFile;
import io.couriermq.acl.model.AclPermission;
import io.couriermq.acl.model.AddressPattern;
import io.couriermq.acl.model.FileVersion;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one file in RocketMQ's plain_acl.yml format. The YAML is only composed into nodes (no objects are
 * constructed from tags), so every problem is reported with its line: bad YAML, an unknown key, a key of
 * 6 characters or fewer, an unknown permission, a duplicate access key, a bad address pattern.
 */
public final class AclFileParser {
    private static final Set<String> TOP_KEYS = Set.of("globalWhiteRemoteAddresses", "accounts", "dataVersion");
    private static final Set<String> ACCOUNT_KEYS = Set.of(
            "accessKey",
            "secretKey",
            "whiteRemoteAddress",
            "admin",
            "defaultTopicPerm",
            "defaultGroupPerm",
            "topicPerms",
            "groupPerms");

    private final Path file;

    private AclFileParser(Path file) {
        this.file = file;
    }

    /** The content of {@code file}; an empty text is a file without accounts. */
    public static AclFile parse(Path file, String text) {
        return new AclFileParser(file).parse(text);
    }

    private AclFile parse(String text) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new AclFileException(file, line, "not valid YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new AclFileException(file, 0, "not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || isNull(root)) {
            return AclFile.empty(file);
        }
        List<String> whiteList = new ArrayList<>();
        List<AccountConfig> accounts = new ArrayList<>();
        FileVersion version = null;
        for (NodeTuple entry : mapping(root, "the file").getValue()) {
            String key = scalar(entry.getKeyNode(), "a key");
            Node value = entry.getValueNode();
            switch (key) {
                case "globalWhiteRemoteAddresses" -> whiteList.addAll(whiteList(value));
                case "accounts" -> accounts.addAll(accounts(value));
                case "dataVersion" -> version = version(value);
                default ->
                    throw error(entry.getKeyNode(), "unknown key '" + key + "' (expected one of " + TOP_KEYS + ")");
            }
        }
        return new AclFile(file, whiteList, accounts, version);
    }

    private List<String> whiteList(Node node) {
        List<String> patterns = new ArrayList<>();
        for (Node item : sequence(node, "globalWhiteRemoteAddresses")) {
            String pattern = scalar(item, "an address pattern");
            check(item, () -> AddressPattern.parse(pattern));
            if (pattern != null && !pattern.isBlank()) {
                patterns.add(pattern.trim());
            }
        }
        return patterns;
    }

    private List<AccountConfig> accounts(Node node) {
        List<AccountConfig> accounts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node item : sequence(node, "accounts")) {
            AccountConfig account = account(item);
            if (!seen.add(account.accessKey())) {
                throw error(item, "duplicate accessKey '" + account.accessKey() + "'");
            }
            accounts.add(account);
        }
        return accounts;
    }

    private AccountConfig account(Node node) {
        Map<String, Node> fields = new HashMap<>();
        for (NodeTuple entry : mapping(node, "an account").getValue()) {
            String key = scalar(entry.getKeyNode(), "a key");
            if (!ACCOUNT_KEYS.contains(key)) {
                throw error(
                        entry.getKeyNode(), "unknown account key '" + key + "' (expected one of " + ACCOUNT_KEYS + ")");
            }
            fields.put(key, entry.getValueNode());
        }
        checkFields(fields);
        AccountConfig account = new AccountConfig(
                text(fields, "accessKey"),
                text(fields, "secretKey"),
                text(fields, "whiteRemoteAddress"),
                bool(fields.get("admin")),
                text(fields, "defaultTopicPerm"),
                text(fields, "defaultGroupPerm"),
                list(fields.get("topicPerms"), "topicPerms"),
                list(fields.get("groupPerms"), "groupPerms"));
        check(node, account::compile);
        return account;
    }

    /** Each field on its own first, so a problem is reported on the line of the field. */
    private void checkFields(Map<String, Node> fields) {
        for (String key :
                List.of("accessKey", "secretKey", "whiteRemoteAddress", "defaultTopicPerm", "defaultGroupPerm")) {
            Node node = fields.get(key);
            if (node == null) {
                continue;
            }
            String value = scalar(node, key);
            switch (key) {
                case "whiteRemoteAddress" -> check(node, () -> AddressPattern.parse(value));
                case "defaultTopicPerm", "defaultGroupPerm" -> check(node, () -> permission(key, value));
                default -> check(node, () -> AccountConfig.checkKey(key, value));
            }
        }
        for (String key : List.of("topicPerms", "groupPerms")) {
            Node node = fields.get(key);
            for (Node item : node == null ? List.<Node>of() : sequence(node, key)) {
                String entry = scalar(item, "a " + key + " entry");
                check(item, () -> AccountConfig.checkEntry(key, entry));
            }
        }
    }

    private static void permission(String key, String value) {
        try {
            AclPermission.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    private FileVersion version(Node node) {
        List<Node> items = sequence(node, "dataVersion");
        if (items.isEmpty()) {
            return null;
        }
        long counter = 0;
        long timestamp = 0;
        for (NodeTuple entry : mapping(items.get(0), "a dataVersion").getValue()) {
            String key = scalar(entry.getKeyNode(), "a key");
            Node value = entry.getValueNode();
            switch (key) {
                case "counter" -> counter = number(value);
                case "timestamp" -> timestamp = number(value);
                default -> {
                    // 5.x writes only counter and timestamp; anything else is carried by nothing and ignored
                }
            }
        }
        return new FileVersion(counter, timestamp);
    }

    private String text(Map<String, Node> fields, String key) {
        Node node = fields.get(key);
        return node == null ? null : scalar(node, key);
    }

    private boolean bool(Node node) {
        String value = node == null ? null : scalar(node, "admin");
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(node, "admin must be true or false, was '" + value + "'");
        };
    }

    private long number(Node node) {
        String value = scalar(node, "a number");
        try {
            return Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw error(node, "'" + value + "' is not a number");
        }
    }

    private List<String> list(Node node, String what) {
        List<String> values = new ArrayList<>();
        if (node != null) {
            for (Node item : sequence(node, what)) {
                values.add(scalar(item, "a " + what + " entry"));
            }
        }
        return values;
    }

    private MappingNode mapping(Node node, String what) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw error(node, what + " must be a mapping of key: value");
    }

    private List<Node> sequence(Node node, String what) {
        if (isNull(node)) {
            return List.of();
        }
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        throw error(node, what + " must be a list");
    }

    private String scalar(Node node, String what) {
        if (isNull(node)) {
            return null;
        }
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw error(node, what + " must be a single value");
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar
                && scalar.getTag().getValue().endsWith(":null")
                && (scalar.getValue().isEmpty()
                        || scalar.getValue().equals("~")
                        || scalar.getValue().equals("null"));
    }

    private void check(Node node, Runnable validation) {
        try {
            validation.run();
        } catch (IllegalArgumentException e) {
            throw error(node, e.getMessage());
        }
    }

    private AclFileException error(Node node, String problem) {
        return new AclFileException(file, node.getStartMark().getLine() + 1, problem);
    }
}

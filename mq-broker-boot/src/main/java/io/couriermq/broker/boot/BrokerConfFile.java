package io.couriermq.broker.boot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Reads a RocketMQ broker.conf: java.util.Properties format, read as bytes as RocketMQ reads it. */
final class BrokerConfFile {
    private BrokerConfFile() {}

    static Map<String, String> read(Path path) {
        if (Files.isDirectory(path)) {
            throw new BrokerConfigFileException(path, "it is a directory", null);
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            throw new BrokerConfigFileException(path, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new BrokerConfigFileException(path, "permission denied", e);
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: a malformed \\uXXXX escape in the file.
            throw new BrokerConfigFileException(path, e.toString(), e);
        }
        Map<String, String> entries = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> entries.put(key, properties.getProperty(key)));
        return entries;
    }
}

package io.couriermq.remoting.protocol.header;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every typed header decoder: each public static method of a class in this package (and below) that takes
 * a {@link HeaderFields}, found by scanning the compiled classes, so a header added later is fuzzed
 * without being listed anywhere.
 */
final class HeaderDecoders {
    private static final String PACKAGE = HeaderFields.class.getPackageName();

    private HeaderDecoders() {}

    /** One decoder, e.g. {@code PullMessageRequestHeader.decode}. */
    record Decoder(Method method) {
        String name() {
            return method.getDeclaringClass().getSimpleName() + "." + method.getName();
        }

        /** Decodes; the decoder's own exception is rethrown as it is. */
        Object decode(HeaderFields fields) {
            try {
                return method.invoke(null, fields);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new AssertionError(name() + " threw " + e.getCause(), e.getCause());
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public String toString() {
            return name();
        }
    }

    static List<Decoder> all() {
        List<Decoder> decoders = new ArrayList<>();
        for (String className : classNames()) {
            Class<?> type;
            try {
                type = Class.forName(className, false, HeaderFields.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isStatic(method.getModifiers())
                        && Modifier.isPublic(method.getModifiers())
                        && method.getParameterCount() == 1
                        && method.getParameterTypes()[0] == HeaderFields.class) {
                    decoders.add(new Decoder(method));
                }
            }
        }
        decoders.sort(Comparator.comparing(Decoder::name));
        return decoders;
    }

    private static List<String> classNames() {
        URI location;
        try {
            location = HeaderFields.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
        String folder = PACKAGE.replace('.', '/');
        try {
            if (Files.isDirectory(Path.of(location))) {
                return classNames(Path.of(location), Path.of(location).resolve(folder));
            }
            try (FileSystem jar = FileSystems.newFileSystem(Path.of(location), Map.of())) {
                return classNames(jar.getPath("/"), jar.getPath(folder));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> classNames(Path root, Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(file -> root.relativize(file).toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length())
                            .replace('/', '.')
                            .replace('\\', '.'))
                    .toList();
        }
    }
}

package io.couriermq.broker.boot.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What an image must get right: it copies the jar its module's POM really produces (the name comes from
 * {@code <finalName>}, else artifactId-version) and starts that jar, as a non-root user, with
 * {@code JAVA_OPTS}, and says how Docker can tell it is healthy. COPY sources are read against
 * {@code repoRoot}: the images are built with the repository as context.
 */
final class DockerfileCheck {
    private final Path repoRoot;

    DockerfileCheck(Path repoRoot) {
        this.repoRoot = repoRoot;
    }

    List<String> problems(Dockerfile dockerfile) {
        List<String> problems = new ArrayList<>();
        String where = repoRoot.relativize(dockerfile.path()) + ": ";
        List<Dockerfile.Copy> jars = dockerfile.jarCopies();
        if (jars.isEmpty()) {
            problems.add(where + "copies no jar from a module's target directory");
        }
        String entrypoint = String.join(" ", dockerfile.all("ENTRYPOINT"));
        for (Dockerfile.Copy jar : jars) {
            String module = jar.source().substring(0, jar.source().indexOf('/'));
            String copied = jar.source().substring(jar.source().lastIndexOf('/') + 1);
            Path pom = repoRoot.resolve(module).resolve("pom.xml");
            if (!Files.isRegularFile(pom)) {
                problems.add(where + "copies " + jar.source() + " but there is no module " + module);
                continue;
            }
            Document document = parse(pom);
            String produced = producedJar(document);
            if (!produced.equals(copied)) {
                problems.add(where + "copies " + copied + " but " + module + " builds " + produced);
            }
            String pomText = text(pom);
            if (!pomText.contains("<artifactId>spring-boot-maven-plugin</artifactId>")
                    || !pomText.contains("<goal>repackage</goal>")) {
                problems.add(where + module + " does not repackage an executable jar (spring-boot-maven-plugin)");
            }
            if (!entrypoint.contains(jar.destination())) {
                problems.add(where + "ENTRYPOINT does not start the copied jar " + jar.destination());
            }
        }
        String user = dockerfile.user();
        if (user.equals("root") || user.equals("0") || user.startsWith("0:")) {
            problems.add(where + "runs as root");
        }
        if (dockerfile.all("ENV").stream().noneMatch(env -> env.contains("JAVA_OPTS"))
                || !entrypoint.contains("$JAVA_OPTS")) {
            problems.add(where + "does not pass JAVA_OPTS to the JVM");
        }
        if (!dockerfile.hasHealthcheck()) {
            problems.add(where + "has no HEALTHCHECK");
        }
        return problems;
    }

    /** The module a Dockerfile's first jar comes from, e.g. {@code mq-broker-boot}; empty if none. */
    static String module(Dockerfile dockerfile) {
        return dockerfile.jarCopies().stream()
                .map(copy -> copy.source().substring(0, copy.source().indexOf('/')))
                .findFirst()
                .orElse("");
    }

    /** {@code <finalName>.jar}, else {@code <artifactId>-<version>.jar} (version inherited from the parent). */
    private static String producedJar(Document pom) {
        Element project = pom.getDocumentElement();
        Element build = child(project, "build");
        if (build != null && child(build, "finalName") != null) {
            return child(build, "finalName").getTextContent().trim() + ".jar";
        }
        Element version = child(project, "version");
        if (version == null && child(project, "parent") != null) {
            version = child(child(project, "parent"), "version");
        }
        return child(project, "artifactId").getTextContent().trim() + "-"
                + (version == null ? "?" : version.getTextContent().trim()) + ".jar";
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static Document parse(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(pom.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }

    private static String text(Path pom) {
        try {
            return Files.readString(pom);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

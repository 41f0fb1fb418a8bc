package io.couriermq.compat.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PKI for TLS tests, made with the openssl command line (the commands of the research
 * note, with EC keys for speed): a CA, a server certificate for localhost + 127.0.0.1 and a client
 * certificate, all PEM, keys PKCS#8 as RocketMQ's TlsHelper reads them. Nothing is committed.
 */
public final class OpensslCertificates {
    private final Path dir;

    private OpensslCertificates(Path dir) {
        this.dir = dir;
    }

    /** Whether an openssl binary runs here; tests needing certificates skip without one. */
    public static boolean available() {
        try {
            Process process = new ProcessBuilder("openssl", "version")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static OpensslCertificates createIn(Path dir) throws IOException {
        Files.createDirectories(dir);
        OpensslCertificates pki = new OpensslCertificates(dir);
        pki.run(
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem",
                "-days",
                "2",
                "-subj",
                "/CN=CourierMQ Test CA");
        Files.writeString(
                dir.resolve("server.ext"),
                "subjectAltName=DNS:localhost,IP:127.0.0.1\n" + "extendedKeyUsage=serverAuth\n");
        Files.writeString(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
        pki.signed("server", "/CN=localhost");
        pki.signed("client", "/CN=test-client");
        return pki;
    }

    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    public Path certPem(String name) {
        return dir.resolve(name + ".pem");
    }

    public Path keyPem(String name) {
        return dir.resolve(name + ".key");
    }

    private void signed(String name, String subject) throws IOException {
        run(
                "req",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                name + ".key",
                "-out",
                name + ".csr",
                "-subj",
                subject);
        run(
                "x509",
                "-req",
                "-in",
                name + ".csr",
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-out",
                name + ".pem",
                "-days",
                "2",
                "-extfile",
                name + ".ext");
    }

    private void run(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running openssl", e);
        }
    }
}

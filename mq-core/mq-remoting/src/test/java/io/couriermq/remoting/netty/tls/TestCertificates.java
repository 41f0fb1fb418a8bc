package io.couriermq.remoting.netty.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI made in memory for TLS tests and written to a directory: a CA, a server certificate
 * for localhost + 127.0.0.1, one for wrong.example signed by the same CA, a client certificate, and a
 * second, unrelated CA. EC P-256 keys: quick to make. Nothing here is ever committed.
 */
public final class TestCertificates {
    public static final String PASSWORD = "changeit";
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** Makes every file under {@code dir}; see the accessors for their names. */
    public static TestCertificates createIn(Path dir) {
        try {
            Files.createDirectories(dir);
            TestCertificates pki = new TestCertificates(dir);
            KeyPair ca = newKeyPair();
            X509Certificate caCert = ca(ca, "CN=CourierMQ Test CA");
            pki.writePem("ca.pem", caCert);
            pki.trustStore("ca-truststore.p12", caCert);
            KeyPair other = newKeyPair();
            pki.writePem("other-ca.pem", ca(other, "CN=Unrelated Test CA"));
            pki.entity("server", ca, caCert, "CN=localhost", KeyPurposeId.id_kp_serverAuth, "localhost", "127.0.0.1");
            pki.entity("wrong-host", ca, caCert, "CN=wrong.example", KeyPurposeId.id_kp_serverAuth, "wrong.example");
            pki.entity("client", ca, caCert, "CN=test-client", KeyPurposeId.id_kp_clientAuth);
            return pki;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make test certificates", e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    public Path caTrustStore() {
        return dir.resolve("ca-truststore.p12");
    }

    public Path otherCaPem() {
        return dir.resolve("other-ca.pem");
    }

    /** {@code name}.pem (chain, leaf first), .key (PKCS#8), -encrypted.key (PASSWORD), .p12 (PASSWORD). */
    public KeySource.Pem pem(String name) {
        return new KeySource.Pem(dir.resolve(name + ".pem"), dir.resolve(name + ".key"), null);
    }

    public KeySource.Pem encryptedPem(String name) {
        return new KeySource.Pem(dir.resolve(name + ".pem"), dir.resolve(name + "-encrypted.key"), PASSWORD);
    }

    public KeySource.Pkcs12 pkcs12(String name) {
        return new KeySource.Pkcs12(dir.resolve(name + ".p12"), PASSWORD);
    }

    private void entity(
            String name, KeyPair caKey, X509Certificate caCert, String subject, KeyPurposeId purpose, String... names)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        KeyPair pair = newKeyPair();
        X509v3CertificateBuilder builder =
                builder(caCert.getSubjectX500Principal().getName(), subject, pair);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        if (names.length > 0) {
            GeneralName[] alternatives = new GeneralName[names.length];
            for (int i = 0; i < names.length; i++) {
                boolean ip = Character.isDigit(names[i].charAt(0));
                alternatives[i] = new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, names[i]);
            }
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives));
        }
        X509Certificate cert = sign(builder, caKey.getPrivate());
        writePem(name + ".pem", cert, caCert);
        writeKey(name + ".key", new JcaPKCS8Generator(pair.getPrivate(), null));
        writeKey(
                name + "-encrypted.key",
                new JcaPKCS8Generator(
                        pair.getPrivate(),
                        new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.PBE_SHA1_3DES)
                                .setPassword(PASSWORD.toCharArray())
                                .build()));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(name, pair.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {cert, caCert});
        save(store, name + ".p12");
    }

    private void trustStore(String file, X509Certificate caCert) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", caCert);
        save(store, file);
    }

    private static X509Certificate ca(KeyPair pair, String subject)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        X509v3CertificateBuilder builder = builder(subject, subject, pair);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return sign(builder, pair.getPrivate());
    }

    private static X509v3CertificateBuilder builder(String issuer, String subject, KeyPair pair) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(
                new X500Name(issuer),
                BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(2))),
                new X500Name(subject),
                pair.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private void writePem(String file, Object... objects) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        }
        Files.writeString(dir.resolve(file), text.toString(), StandardCharsets.US_ASCII);
    }

    private void writeKey(String file, PKCS8Generator generator) throws IOException {
        try (Writer out = Files.newBufferedWriter(dir.resolve(file), StandardCharsets.US_ASCII);
                JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(generator);
        }
    }

    private void save(KeyStore store, String file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(dir.resolve(file))) {
            store.store(out, PASSWORD.toCharArray());
        }
    }
}

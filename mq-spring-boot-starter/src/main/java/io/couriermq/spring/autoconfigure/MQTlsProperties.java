package io.couriermq.spring.autoconfigure;

import java.nio.file.Path;

/**
 * TLS of every connection the starter's clients open ({@code courier.tls.*}): NameServers and brokers
 * alike, for the shared runtime and every runtime of another account. A separate class so {@link
 * MQProperties} stays one screen per concern; {@link ClientTlsSettings} checks and maps it.
 */
public class MQTlsProperties {

    /**
     * Whether connections use TLS. Any other courier.tls key set while this is false fails start-up, so
     * certificates configured without enabling TLS never mean plain text.
     */
    private boolean enabled;

    /** PEM bundle of the CA certificates trusted for the servers; neither this nor trust-store: the JDK's. */
    private Path trustCertPath;

    /** PKCS12 trust store of the CA certificates trusted for the servers; instead of trust-cert-path. */
    private Path trustStore;

    /** Password of trust-store; never logged or shown. */
    private String trustStorePassword;

    /** PEM certificate chain (leaf first) presented for mutual TLS, with key-path. */
    private Path certPath;

    /** PKCS#8 PEM private key of cert-path (BEGIN PRIVATE KEY, or BEGIN ENCRYPTED PRIVATE KEY with key-password). */
    private Path keyPath;

    /** Password of an encrypted key-path; never logged or shown. */
    private String keyPassword;

    /** PKCS12 key store holding the client key and chain for mutual TLS; instead of cert-path and key-path. */
    private Path keyStore;

    /** Password of key-store (and of its key); never logged or shown. */
    private String keyStorePassword;

    /**
     * Whether a server's certificate must name the host connected to (a DNS or IP subject alternative
     * name). The official RocketMQ client never checks hostnames; we do unless this is false.
     */
    private boolean hostnameVerification = true;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Path getTrustCertPath() {
        return trustCertPath;
    }

    public void setTrustCertPath(Path trustCertPath) {
        this.trustCertPath = trustCertPath;
    }

    public Path getTrustStore() {
        return trustStore;
    }

    public void setTrustStore(Path trustStore) {
        this.trustStore = trustStore;
    }

    public String getTrustStorePassword() {
        return trustStorePassword;
    }

    public void setTrustStorePassword(String trustStorePassword) {
        this.trustStorePassword = trustStorePassword;
    }

    public Path getCertPath() {
        return certPath;
    }

    public void setCertPath(Path certPath) {
        this.certPath = certPath;
    }

    public Path getKeyPath() {
        return keyPath;
    }

    public void setKeyPath(Path keyPath) {
        this.keyPath = keyPath;
    }

    public String getKeyPassword() {
        return keyPassword;
    }

    public void setKeyPassword(String keyPassword) {
        this.keyPassword = keyPassword;
    }

    public Path getKeyStore() {
        return keyStore;
    }

    public void setKeyStore(Path keyStore) {
        this.keyStore = keyStore;
    }

    public String getKeyStorePassword() {
        return keyStorePassword;
    }

    public void setKeyStorePassword(String keyStorePassword) {
        this.keyStorePassword = keyStorePassword;
    }

    public boolean isHostnameVerification() {
        return hostnameVerification;
    }

    public void setHostnameVerification(boolean hostnameVerification) {
        this.hostnameVerification = hostnameVerification;
    }
}

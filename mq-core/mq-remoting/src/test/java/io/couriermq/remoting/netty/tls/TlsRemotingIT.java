package io.couriermq.remoting.netty.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.NettyRemotingServer;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.protocol.BufferBody;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.rpc.RemotingConnectException;
import io.couriermq.remoting.rpc.RemotingException;
import io.couriermq.remoting.rpc.RemotingTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our client against our server over real sockets, in every TLS mode. A refused connection must fail
 * the call as a closed connection or failed handshake, never by running into the request timeout.
 */
class TlsRemotingIT {
    private static final Logger log = LoggerFactory.getLogger(TlsRemotingIT.class);
    private static final int ECHO = 105;
    private static final int BIG_BODY = 11;
    private static final int BIG_BYTES = 4 * 1024 * 1024;
    private static final long TIMEOUT_MS = 5_000;

    @TempDir
    static Path dir;

    private static TestCertificates pki;
    private static byte[] big;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final AtomicInteger bigReleases = new AtomicInteger();

    @BeforeAll
    static void makeCertificates() {
        pki = TestCertificates.createIn(dir);
        big = new byte[BIG_BYTES];
        ThreadLocalRandom.current().nextBytes(big);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void permissiveAnswersPlainAndTlsClientsOnOnePort() {
        String address = server(TlsServerSettings.of(TlsMode.PERMISSIVE, pki.pem("server")));

        assertEchoes(client(TlsClientSettings.disabled()), address);
        assertEchoes(client(trustingCa()), address);
    }

    @Test
    void enforcingClosesAPlainClientAtOnceAndAnswersTls() {
        String address = server(TlsServerSettings.of(TlsMode.ENFORCING, pki.pem("server")));

        assertRefusedWithoutTimeout(client(TlsClientSettings.disabled()), address);
        assertEchoes(client(trustingCa()), address);
    }

    @Test
    void disabledClosesATlsClientAtOnceAndAnswersPlain() {
        String address = server(TlsServerSettings.disabled());

        assertThatThrownBy(() -> echo(client(trustingCa()), address))
                .isInstanceOf(RemotingConnectException.class)
                .hasMessageContaining("TLS handshake with " + address + " failed");
        assertEchoes(client(TlsClientSettings.disabled()), address);
    }

    @Test
    void mutualTlsRequiresAClientCertificateFromTheTrustedCa() {
        String address = server(TlsServerSettings.of(TlsMode.ENFORCING, pki.pem("server"))
                .withClientAuth(ClientAuthMode.REQUIRE, new TrustSource.PemBundle(pki.caPem())));

        assertEchoes(client(trustingCa().withClientKey(pki.pem("client"))), address);
        assertEchoes(client(trustingCa().withClientKey(pki.pkcs12("client"))), address);
        // TLS 1.3: the client may finish its handshake before the server rejects it, so the call fails
        // either at the handshake or as a closed connection; never by timing out
        assertRefusedWithoutTimeout(client(trustingCa()), address);
    }

    @Test
    void aServerCertificateFromAnotherCaFailsTheHandshake() {
        String address = server(TlsServerSettings.of(TlsMode.ENFORCING, pki.pem("server")));

        assertThatThrownBy(() -> echo(client(trusting(new TrustSource.PemBundle(pki.otherCaPem()))), address))
                .isInstanceOf(RemotingConnectException.class)
                .hasMessageContaining("TLS handshake");
    }

    @Test
    void hostnameVerificationRefusesACertificateForAnotherNameUnlessTurnedOff() {
        String address = server(TlsServerSettings.of(TlsMode.ENFORCING, pki.pem("wrong-host")));

        assertThatThrownBy(() -> echo(client(trustingCa()), address))
                .isInstanceOf(RemotingConnectException.class)
                .hasMessageContaining("TLS handshake");
        assertEchoes(client(trustingCa().withHostnameVerification(false)), address);
    }

    @Test
    void serverKeysFromPkcs12AndEncryptedPemAndATrustStoreOnTheClient() {
        String fromPkcs12 = server(TlsServerSettings.of(TlsMode.ENFORCING, pki.pkcs12("server")));
        String fromEncryptedPem = server(TlsServerSettings.of(TlsMode.ENFORCING, pki.encryptedPem("server")));
        NettyRemotingClient client =
                client(trusting(new TrustSource.Pkcs12Store(pki.caTrustStore(), TestCertificates.PASSWORD)));

        assertEchoes(client, fromPkcs12);
        assertEchoes(client, fromEncryptedPem);
    }

    @Test
    void aFourMebibyteZeroCopyBodyCrossesTlsWholeAndIsReleasedOnce() {
        String address = server(TlsServerSettings.of(TlsMode.ENFORCING, pki.pem("server")));

        RemotingCommand response = client(trustingCa())
                .invokeSync(address, RemotingCommand.request(BIG_BODY).build(), TIMEOUT_MS);

        assertThat(response.body()).isEqualTo(big);
        await().atMost(Duration.ofSeconds(5)).until(() -> bigReleases.get() == 1);
    }

    private static TlsClientSettings trustingCa() {
        return trusting(new TrustSource.PemBundle(pki.caPem()));
    }

    private static TlsClientSettings trusting(TrustSource trust) {
        return TlsClientSettings.verifyingServer().withTrust(trust);
    }

    private String server(TlsServerSettings tls) {
        NettyRemotingServer server = new NettyRemotingServer(
                RemotingServerConfig.defaults(0).withBindAddress("127.0.0.1").withTls(tls),
                new ChannelEventListener() {});
        var executor = server.newProcessorExecutor("tls-test", 2, 64);
        server.registerProcessor(
                ECHO,
                (context, request) -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                        .body(request.body())
                        .build(),
                executor);
        server.registerProcessor(
                BIG_BODY,
                (context, request) -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                        .bufferBody(new BufferBody(
                                List.of(
                                        ByteBuffer.wrap(big, 0, BIG_BYTES / 2),
                                        ByteBuffer.wrap(big, BIG_BYTES / 2, BIG_BYTES / 2)),
                                bigReleases::incrementAndGet))
                        .build(),
                executor);
        server.start();
        open.add(server);
        return "127.0.0.1:" + server.localPort();
    }

    private NettyRemotingClient client(TlsClientSettings tls) {
        NettyRemotingClient client =
                new NettyRemotingClient(RemotingClientConfig.defaults().withTls(tls), new ChannelEventListener() {});
        open.add(client);
        return client;
    }

    private static RemotingCommand echo(NettyRemotingClient client, String address) {
        byte[] body = "over tls?".getBytes(StandardCharsets.UTF_8);
        return client.invokeSync(
                address, RemotingCommand.request(ECHO).body(body).build(), TIMEOUT_MS);
    }

    private static void assertEchoes(NettyRemotingClient client, String address) {
        long start = System.nanoTime();
        RemotingCommand first = echo(client, address);
        long connectMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        echo(client, address);
        log.info(
                "first call (connect + handshake) {} ms, second call {} µs",
                connectMs,
                (System.nanoTime() - start) / 1_000);
        assertThat(first.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("over tls?");
    }

    private static void assertRefusedWithoutTimeout(NettyRemotingClient client, String address) {
        assertThatThrownBy(() -> echo(client, address))
                .isInstanceOf(RemotingException.class)
                .isNotInstanceOf(RemotingTimeoutException.class);
    }
}

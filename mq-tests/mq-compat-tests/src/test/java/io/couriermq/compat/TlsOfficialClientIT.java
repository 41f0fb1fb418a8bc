package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.couriermq.compat.harness.AclFixture;
import io.couriermq.compat.harness.BrokerAnswer;
import io.couriermq.compat.harness.Clients;
import io.couriermq.compat.harness.OpensslCertificates;
import io.couriermq.harness.process.Broker;
import io.couriermq.harness.process.CourierBroker;
import io.couriermq.harness.process.FreePorts;
import io.couriermq.harness.process.Jvm;
import io.couriermq.harness.process.ManagedProcess;
import io.couriermq.harness.process.WorkDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.netty.TlsSystemConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official 5.2.0 client with {@code setUseTLS(true)} against our standalone nodes (broker + NameServer
 * in one process) in TLS permissive and enforcing modes, with and without client certificates: permissive
 * with client certificates required (plain clients still served, TLS ones only with a certificate),
 * enforcing with client certificates asked for (TLS clients with and without one served, plain refused);
 * and TLS with ACL together (enforcing and {@code aclEnable=true} with the {@link AclFixture} accounts): over
 * TLS, correct credentials send and consume, a wrong secret is refused as without TLS.
 *
 * <p>How the official client is configured: its TLS settings are static fields of {@code TlsSystemConfig},
 * filled from system properties once, when the class loads. In this shared failsafe JVM other tests have
 * usually loaded it already, so setting {@code -Dtls.*} here would come too late. The fields themselves are
 * public and read again by {@code TlsHelper.buildSslContext} each time a client instance starts (only a
 * {@code tls.config.file} that exists overrides them; the default /etc/rocketmq/tls.properties does not
 * exist here), so each client is started with the fields set for it, and they are restored afterwards.
 */
class TlsOfficialClientIT {
    private static final Duration READY = Duration.ofSeconds(60);
    private static final Object TLS_FIELDS = new Object();

    private static Path dir;
    private static OpensslCertificates pki;
    private static Node permissive;
    private static Node enforcing;
    private static Node enforcingWithAcl;
    private static Map<String, Object> savedFields;

    private final List<Runnable> shutdowns = new ArrayList<>();

    /** A standalone node: its NameServer and broker ports, and its process. */
    private record Node(String nameServer, int brokerPort, ManagedProcess process) {}

    @BeforeAll
    static void startNodes() throws Exception {
        Assumptions.assumeTrue(OpensslCertificates.available(), "openssl is needed to make test certificates");
        Assumptions.assumeTrue(
                Files.isRegularFile(CourierBroker.jar()),
                "our broker jar is needed: mvn -pl mq-broker-boot -am package -DskipTests");
        savedFields = saveFields();
        dir = WorkDir.fresh("tls-official-client");
        pki = OpensslCertificates.createIn(dir.resolve("pki"));
        // permissive requires a certificate from TLS clients (plain ones are still served), enforcing only asks
        Map<String, String> permissiveRequired = Map.of(
                "tls.server.mode", "permissive",
                "tls.server.need.client.auth", "require",
                "tls.server.authClient", "true",
                "tls.server.trustCertPath", pki.caPem().toString());
        Map<String, String> enforcingOptional = Map.of(
                "tls.server.mode",
                "enforcing",
                "tls.server.need.client.auth",
                "optional",
                "tls.server.authClient",
                "true",
                "tls.server.trustCertPath",
                pki.caPem().toString(),
                // the broker's own client registers with the NameServer over TLS, presenting this certificate
                "tls.client.certPath",
                pki.certPem("client").toString(),
                "tls.client.keyPath",
                pki.keyPem("client").toString());
        AclFixture acl = AclFixture.create("tls-official-client-acl");
        Map<String, String> enforcingAcl = new LinkedHashMap<>(enforcingOptional);
        enforcingAcl.put("aclEnable", "true");
        // all JVMs start at once: Spring Boot start-up is the slow part of this class
        permissive = launch("permissive", permissiveRequired, List.of());
        enforcing = launch("enforcing", enforcingOptional, List.of());
        enforcingWithAcl = launch("enforcing-acl", enforcingAcl, List.of("--courier.acl.file=" + acl.aclFile()));
        for (Node node : new Node[] {permissive, enforcing, enforcingWithAcl}) {
            node.process().awaitPortOpen(node.brokerPort(), READY);
            // the port opens before Spring has built the rest: three of those at once slow TLS handshakes
            node.process().awaitSpringStarted(Broker.START_TIMEOUT);
        }
    }

    @AfterAll
    static void stopNodes() {
        for (Node node : new Node[] {permissive, enforcing, enforcingWithAcl}) {
            if (node != null) {
                node.process().close();
            }
        }
        if (savedFields != null) {
            restoreFields(savedFields);
        }
        if (dir != null) {
            WorkDir.deleteRecursively(dir);
        }
    }

    @AfterEach
    void shutdownClients() {
        shutdowns.forEach(Runnable::run);
    }

    @Test
    void permissiveServesPlainClientsAndTlsClientsWithACertificate() throws Exception {
        String topic = Clients.unique("TlsPermissive");
        DefaultMQProducer plain = producer(permissive, false, false);
        DefaultMQProducer tlsWithCert = producer(permissive, true, true);

        Set<String> sent = ConcurrentHashMap.newKeySet();
        sent.add(sendWhenRouted(plain, topic, "plain"));
        sent.add(sendWhenRouted(tlsWithCert, topic, "tls with certificate"));

        assertThat(consumeAll(permissive, topic, true, null, sent.size())).containsExactlyInAnyOrderElementsOf(sent);
        assertThatThrownBy(() -> producer(permissive, true, false).send(message(topic, "no certificate")))
                .as("a TLS client without a certificate where one is required")
                .isInstanceOf(Exception.class);
    }

    @Test
    void enforcingServesTlsClientsWithAndWithoutACertificateAndRefusesPlainOnes() throws Exception {
        String topic = Clients.unique("TlsEnforcing");
        DefaultMQProducer tlsNoCert = producer(enforcing, true, false);
        DefaultMQProducer tlsWithCert = producer(enforcing, true, true);

        Set<String> sent = ConcurrentHashMap.newKeySet();
        sent.add(sendWhenRouted(tlsNoCert, topic, "tls without certificate"));
        sent.add(sendWhenRouted(tlsWithCert, topic, "tls with certificate"));

        assertThat(consumeAll(enforcing, topic, false, null, sent.size())).containsExactlyInAnyOrderElementsOf(sent);
        assertThatThrownBy(() -> producer(enforcing, false, false).send(message(topic, "plain")))
                .as("a plain client against an enforcing node")
                .isInstanceOf(Exception.class);
    }

    /** Research note §4 T8: A1 and A2 of the ACL plan over TLS give the same answers as without TLS. */
    @Test
    void tlsAndAclTogetherCorrectCredentialsSendAndConsumeAndAWrongSecretIsRefused() throws Exception {
        RPCHook user = AclFixture.hook(AclFixture.USER, AclFixture.SECRET);
        DefaultMQProducer producer = producer(enforcingWithAcl, true, false, user);
        String sent = sendWhenRouted(producer, AclFixture.TOPIC_OK, "tls with acl");

        assertThat(consumeAll(enforcingWithAcl, AclFixture.TOPIC_OK, false, user, 1))
                .containsExactly(sent);
        DefaultMQProducer wrongSecret =
                producer(enforcingWithAcl, true, false, AclFixture.hook(AclFixture.USER, AclFixture.WRONG_SECRET));
        Throwable refused = catchThrowable(() -> wrongSecret.send(message(AclFixture.TOPIC_OK, "wrong secret")));
        assertThat(refused).as("a send signed with a wrong secret").isNotNull();
        BrokerAnswer.of(refused).assertAclRefusal("Check signature failed for accessKey=" + AclFixture.USER);
    }

    private static Node launch(String name, Map<String, String> tls, List<String> arguments) throws IOException {
        Path nodeDir = dir.resolve(name);
        int brokerPort = FreePorts.brokerListenPort();
        int nameServerPort = FreePorts.any();
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("brokerClusterName", "TlsCluster");
        conf.put("brokerName", "broker-" + name);
        conf.put("brokerId", "0");
        conf.put("brokerIP1", "127.0.0.1");
        conf.put("listenPort", Integer.toString(brokerPort));
        conf.put("haListenPort", Integer.toString(FreePorts.any()));
        conf.put("storePathRootDir", nodeDir.resolve("store").toString());
        conf.put("mappedFileSizeCommitLog", Integer.toString(16 * 1024 * 1024));
        conf.put("autoCreateTopicEnable", "true");
        conf.put("autoCreateSubscriptionGroup", "true");
        conf.put("tls.server.certPath", pki.certPem("server").toString());
        conf.put("tls.server.keyPath", pki.keyPem("server").toString());
        conf.putAll(tls);
        Path confFile = nodeDir.resolve("broker.conf");
        StringBuilder text = new StringBuilder();
        conf.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.createDirectories(nodeDir);
        Files.writeString(confFile, text);
        List<String> nodeArguments = new ArrayList<>(List.of(
                "-c",
                confFile.toString(),
                "--standalone",
                "--courier.namesrv.listen-port=" + nameServerPort,
                "--server.port=0"));
        nodeArguments.addAll(arguments);
        List<String> command = Jvm.jar(CourierBroker.jar(), nodeArguments);
        ManagedProcess process = ManagedProcess.start("tls-" + name, command, nodeDir, nodeDir.resolve("stdout.log"));
        return new Node("127.0.0.1:" + nameServerPort, brokerPort, process);
    }

    private DefaultMQProducer producer(Node node, boolean tls, boolean clientCertificate) throws Exception {
        return producer(node, tls, clientCertificate, null);
    }

    /** A started producer; {@code hook} (null: none) signs its requests. */
    private DefaultMQProducer producer(Node node, boolean tls, boolean clientCertificate, RPCHook hook)
            throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer(Clients.unique("tls-producer"), hook);
        producer.setNamesrvAddr(node.nameServer());
        producer.setVipChannelEnabled(false);
        producer.setInstanceName(Clients.unique("tls-producer"));
        producer.setUseTLS(tls);
        producer.setSendMsgTimeout(3_000);
        producer.setRetryTimesWhenSendFailed(0);
        shutdowns.add(producer::shutdown);
        synchronized (TLS_FIELDS) {
            configureOfficialClient(clientCertificate);
            producer.start(); // builds the client's SslContext from TlsSystemConfig now
        }
        return producer;
    }

    /** Consumes over TLS until {@code count} messages arrived; {@code hook} (null: none) signs the requests. */
    private List<String> consumeAll(Node node, String topic, boolean clientCertificate, RPCHook hook, int count)
            throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer =
                new DefaultMQPushConsumer(Clients.unique("tls-consumer"), hook, new AllocateMessageQueueAveragely());
        consumer.setNamesrvAddr(node.nameServer());
        consumer.setVipChannelEnabled(false);
        consumer.setInstanceName(Clients.unique("tls-consumer"));
        consumer.setUseTLS(true);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        shutdowns.add(0, consumer::shutdown);
        synchronized (TLS_FIELDS) {
            configureOfficialClient(clientCertificate);
            consumer.start();
        }
        await("messages consumed over TLS").atMost(READY).until(() -> received.size() >= count);
        return received;
    }

    /** Sends once the node's broker has registered (the route may not exist yet right after start-up). */
    private static String sendWhenRouted(DefaultMQProducer producer, String topic, String text) {
        String body = text + " " + Clients.unique("m");
        SendResult[] result = new SendResult[1];
        await("send " + text)
                .atMost(READY)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    result[0] = producer.send(message(topic, body));
                    return result[0].getSendStatus() == SendStatus.SEND_OK;
                });
        return body;
    }

    private static Message message(String topic, String body) {
        return new Message(topic, "TagA", body.getBytes(StandardCharsets.UTF_8));
    }

    /** The server's chain checked against our CA; a client certificate only when asked for. */
    private static void configureOfficialClient(boolean clientCertificate) {
        TlsSystemConfig.tlsTestModeEnable = false;
        TlsSystemConfig.tlsClientAuthServer = true;
        TlsSystemConfig.tlsClientTrustCertPath = pki.caPem().toString();
        TlsSystemConfig.tlsClientCertPath =
                clientCertificate ? pki.certPem("client").toString() : null;
        TlsSystemConfig.tlsClientKeyPath =
                clientCertificate ? pki.keyPem("client").toString() : null;
        TlsSystemConfig.tlsClientKeyPassword = null;
    }

    private static Map<String, Object> saveFields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("testMode", TlsSystemConfig.tlsTestModeEnable);
        fields.put("authServer", TlsSystemConfig.tlsClientAuthServer);
        fields.put("trust", TlsSystemConfig.tlsClientTrustCertPath);
        fields.put("cert", TlsSystemConfig.tlsClientCertPath);
        fields.put("key", TlsSystemConfig.tlsClientKeyPath);
        fields.put("password", TlsSystemConfig.tlsClientKeyPassword);
        return fields;
    }

    private static void restoreFields(Map<String, Object> fields) {
        TlsSystemConfig.tlsTestModeEnable = (Boolean) fields.get("testMode");
        TlsSystemConfig.tlsClientAuthServer = (Boolean) fields.get("authServer");
        TlsSystemConfig.tlsClientTrustCertPath = (String) fields.get("trust");
        TlsSystemConfig.tlsClientCertPath = (String) fields.get("cert");
        TlsSystemConfig.tlsClientKeyPath = (String) fields.get("key");
        TlsSystemConfig.tlsClientKeyPassword = (String) fields.get("password");
    }
}

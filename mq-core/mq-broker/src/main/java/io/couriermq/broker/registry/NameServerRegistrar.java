package io.couriermq.broker.registry;

import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.common.lifecycle.BackgroundService;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.protocol.Permission;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.body.TopicConfigSerializeWrapper;
import io.couriermq.remoting.protocol.header.namesrv.BrokerIdentityHeader;
import io.couriermq.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader;
import io.couriermq.remoting.protocol.header.namesrv.RegisterBrokerResponseHeader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the broker registered with every NameServer: the whole topic table every period, and again at
 * once when a topic changes (clients refresh routes only every 30 s, so waiting would hide new topics).
 * Registrations to different NameServers run in parallel; one slow or dead NameServer delays no other.
 */
public final class NameServerRegistrar extends BackgroundService {
    private static final Logger log = LoggerFactory.getLogger(NameServerRegistrar.class);
    private static final long REQUEST_TIMEOUT_MS = 3_000;

    private final BrokerConfig config;
    private final TopicConfigManager topics;
    private final NettyRemotingClient client;
    private final Clock clock;
    private final String brokerAddress;
    private final String haServerAddress;
    private final IntSupplier brokerPermission;
    private final Map<String, Long> lastSuccessMillis = new ConcurrentHashMap<>();
    private final RegistrationParts partsOfTable;
    private volatile String masterAddress;
    private volatile String masterHaAddress;
    /** The table of the last round every NameServer accepted in full. */
    private volatile Map<String, TopicConfig> lastRegistered = Map.of();
    /** The registrar's thread only (rounds do not overlap). */
    private int loggedPartCount = 1;

    /**
     * @param haPort the HA port slaves connect to, registered as {@code haServerAddr} (a slave registers
     *     the port it would open as master, as RocketMQ's do)
     */
    public NameServerRegistrar(
            BrokerConfig config,
            TopicConfigManager topics,
            NettyRemotingClient client,
            Clock clock,
            int actualPort,
            int haPort) {
        this(config, topics, client, clock, actualPort, haPort, config::brokerPermission);
    }

    /**
     * @param brokerPermission the broker's permission in force (it may change at run time); while it
     *     withholds read or write, every topic is registered with its permission masked by it, as RocketMQ
     *     registers, so clients stop routing there
     */
    public NameServerRegistrar(
            BrokerConfig config,
            TopicConfigManager topics,
            NettyRemotingClient client,
            Clock clock,
            int actualPort,
            int haPort,
            IntSupplier brokerPermission) {
        super("broker-namesrv-registrar", config.registerNameServerPeriod());
        this.config = config;
        this.brokerPermission = brokerPermission;
        this.topics = topics;
        this.client = client;
        this.clock = clock;
        this.brokerAddress = config.brokerAddress(actualPort);
        this.haServerAddress = config.brokerIP1() + ":" + haPort;
        this.partsOfTable = new RegistrationParts(
                config.compressedRegister(), config.enableSplitRegistration() ? config.splitRegistrationSize() : 0);
        topics.addChangeListener(this::wakeUp);
    }

    /** For a slave: its master's client address as the NameServers last answered; null while unknown. */
    public String masterAddress() {
        return masterAddress;
    }

    /** For a slave: its master's HA address as the NameServers last answered; null while unknown. */
    public String masterHaAddress() {
        return masterHaAddress;
    }

    @Override
    protected void runOnce() {
        registerAll().join();
    }

    /**
     * Registers with every NameServer; completes when each has answered or failed. The parts of a split
     * registration go to one NameServer one after the other, the topics changed since the last round
     * first: a NameServer that already holds the round's data version takes from later parts only the
     * topics it lacks.
     */
    public CompletableFuture<Void> registerAll() {
        List<String> nameServers = config.nameServerAddresses();
        if (nameServers.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        TopicConfigSerializeWrapper table = masked(topics.snapshot());
        List<RegistrationParts.Part> parts =
                partsOfTable.of(changedFirst(table.topicConfigTable()), table.dataVersion());
        logPartsIfChanged(table.topicConfigTable().size(), parts);
        // One request per part and NameServer: each needs its own opaque to be matched with its response.
        CompletableFuture<?>[] calls = nameServers.stream()
                .map(address -> registerParts(address, parts))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(calls).thenRun(() -> {
            if (Arrays.stream(calls).allMatch(call -> Boolean.TRUE.equals(call.join()))) {
                lastRegistered = table.topicConfigTable();
            }
        });
    }

    private CompletableFuture<Boolean> registerParts(String address, List<RegistrationParts.Part> parts) {
        CompletableFuture<Boolean> chain = CompletableFuture.completedFuture(true);
        for (RegistrationParts.Part part : parts) {
            chain = chain.thenCompose(
                    allSucceeded -> client.invokeAsync(address, registrationRequest(part), REQUEST_TIMEOUT_MS)
                            .handle((response, failure) -> recordOutcome(address, response, failure) && allSucceeded));
        }
        return chain;
    }

    /** The topics that differ from the last round every NameServer accepted, then the others. */
    private List<TopicConfig> changedFirst(Map<String, TopicConfig> table) {
        Map<String, TopicConfig> previous = lastRegistered;
        List<TopicConfig> ordered = new ArrayList<>(table.size());
        List<TopicConfig> unchanged = new ArrayList<>();
        for (TopicConfig topic : table.values()) {
            (topic.equals(previous.get(topic.topicName())) ? unchanged : ordered).add(topic);
        }
        ordered.addAll(unchanged);
        return ordered;
    }

    private void logPartsIfChanged(int topicCount, List<RegistrationParts.Part> parts) {
        if (parts.size() != loggedPartCount) {
            loggedPartCount = parts.size();
            if (parts.size() > 1) {
                log.info(
                        "registering {} topics in {} parts of at most {} bytes ({})",
                        topicCount,
                        parts.size(),
                        parts.stream()
                                .mapToInt(part -> part.body().length)
                                .max()
                                .orElse(0),
                        config.compressedRegister() ? "compressed" : "JSON");
            }
        }
    }

    private TopicConfigSerializeWrapper masked(TopicConfigSerializeWrapper table) {
        int permission = brokerPermission.getAsInt();
        if (Permission.isReadable(permission) && Permission.isWritable(permission)) {
            return table;
        }
        Map<String, TopicConfig> masked = new TreeMap<>();
        table.topicConfigTable().forEach((name, topic) -> masked.put(name, withPerm(topic, topic.perm() & permission)));
        return new TopicConfigSerializeWrapper(masked, table.dataVersion());
    }

    private static TopicConfig withPerm(TopicConfig topic, int perm) {
        return new TopicConfig(
                topic.topicName(),
                topic.readQueueNums(),
                topic.writeQueueNums(),
                perm,
                topic.topicFilterType(),
                topic.topicSysFlag(),
                topic.order(),
                topic.attributes());
    }

    /** Says goodbye to every NameServer so routes disappear at once rather than after the expiry. */
    public void unregisterAll() {
        BrokerIdentityHeader identity = new BrokerIdentityHeader(
                config.brokerName(), brokerAddress, config.brokerClusterName(), config.brokerId());
        for (String address : config.nameServerAddresses()) {
            try {
                client.invokeSync(
                        address,
                        RemotingCommand.request(RequestCode.UNREGISTER_BROKER)
                                .header(identity)
                                .build(),
                        REQUEST_TIMEOUT_MS);
            } catch (RuntimeException e) {
                log.warn("could not unregister from NameServer {}: {}", address, e.getMessage());
            }
        }
    }

    /** When each NameServer last accepted a registration (epoch ms); absent if never. */
    public Map<String, Long> lastSuccessMillis() {
        return Map.copyOf(lastSuccessMillis);
    }

    public String brokerAddress() {
        return brokerAddress;
    }

    private RemotingCommand registrationRequest(RegistrationParts.Part part) {
        return RemotingCommand.request(RequestCode.REGISTER_BROKER)
                .header(new RegisterBrokerRequestHeader(
                        config.brokerName(),
                        brokerAddress,
                        config.brokerClusterName(),
                        haServerAddress,
                        config.brokerId(),
                        null,
                        false,
                        part.compressed(),
                        part.bodyCrc32()))
                .body(part.body())
                .build();
    }

    /** Logs the outcome of one request; returns whether the NameServer accepted it. */
    private boolean recordOutcome(String address, RemotingCommand response, Throwable failure) {
        if (failure != null) {
            log.warn("registration with NameServer {} failed: {}", address, failure.getMessage());
            return false;
        }
        if (response.code() != ResponseCode.SUCCESS.code()) {
            log.warn(
                    "NameServer {} refused the registration: {} {}",
                    address,
                    ResponseCode.nameOf(response.code()),
                    response.remark());
            return false;
        }
        learnMaster(response);
        if (lastSuccessMillis.put(address, clock.millis()) == null) {
            log.info("registered with NameServer {} as {} ({})", address, brokerAddress, config.brokerName());
        }
        return true;
    }

    /** A slave's registration answer names its live master; a master's names nobody. */
    private void learnMaster(RemotingCommand response) {
        if (config.brokerId() == 0) {
            return;
        }
        RegisterBrokerResponseHeader answer = response.decodeHeader(RegisterBrokerResponseHeader::decode);
        if (answer.masterAddr() != null && !answer.masterAddr().equals(masterAddress)) {
            log.info("master of {} is at {} (HA {})", config.brokerName(), answer.masterAddr(), answer.haServerAddr());
        }
        masterAddress = answer.masterAddr();
        if (answer.haServerAddr() != null) {
            masterHaAddress = answer.haServerAddr();
        }
    }
}

package io.couriermq.compat.harness;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Apache RocketMQ 5.2.0's NameServer ({@code NamesrvStartup -c file}) in its own JVM. */
public final class OfficialNameServer implements NameServer {

    private final int port;
    private final ManagedProcess process;

    private OfficialNameServer(int port, ManagedProcess process) {
        this.port = port;
        this.process = process;
    }

    public static OfficialNameServer start(Path dir) {
        int port = FreePorts.any();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("listenPort", Integer.toString(port));
        config.put("bindAddress", "127.0.0.1");
        config.put("scanNotActiveBrokerInterval", Long.toString(EXPIRY_SCAN_INTERVAL.toMillis()));
        config.put("kvConfigPath", dir.resolve("kvConfig.json").toString());
        Path configFile = dir.resolve("namesrv.properties");
        WorkDir.writeProperties(configFile, config);

        List<String> command = Jvm.officialMain(
                "org.apache.rocketmq.namesrv.NamesrvStartup",
                List.of(
                        "-Drocketmq.home.dir=" + dir,
                        "-Duser.home=" + dir,
                        // Broker and NameServer jars share this classpath: without this the
                        // NameServer would pick up the broker's logback configuration.
                        "-Drmq.logback.configurationFile=rmq.namesrv.logback.xml"),
                List.of("-c", configFile.toString()));
        ManagedProcess process = ManagedProcess.start("official-namesrv", command, dir, dir.resolve("stdout.log"));
        OfficialNameServer nameServer = new OfficialNameServer(port, process);
        try {
            process.awaitPortOpen(port, START_TIMEOUT);
        } catch (RuntimeException | AssertionError e) {
            process.close();
            throw e;
        }
        return nameServer;
    }

    @Override
    public String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public Kind kind() {
        return Kind.OFFICIAL;
    }

    @Override
    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}

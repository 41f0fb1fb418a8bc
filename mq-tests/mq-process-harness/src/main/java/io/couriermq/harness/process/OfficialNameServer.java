package io.couriermq.harness.process;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Apache RocketMQ 5.2.0's NameServer ({@code NamesrvStartup -c file}) in its own JVM. */
public final class OfficialNameServer extends NameServerProcess {

    private OfficialNameServer(int port, List<String> command, Path dir) {
        super("official-namesrv", port, command, dir);
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
        return new OfficialNameServer(port, command, dir);
    }

    @Override
    public ServerKind kind() {
        return ServerKind.OFFICIAL;
    }
}

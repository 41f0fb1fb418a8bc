package io.couriermq.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.remoting.netty.NettyRemotingServer;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.security.RequestSignature;
import io.couriermq.tools.Console;
import io.couriermq.tools.bench.transport.ToolTransports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The global {@code --access-key}/{@code --secret-key} (or COURIER_ACCESS_KEY/COURIER_SECRET_KEY) sign
 * the requests of the admin commands and of {@code bench}, against a server on a real socket that, as an
 * ACL broker, refuses a bad signature with code 1 and records what it let through.
 */
class CredentialOptionsIT {
    private static final String SECRET = "cli-secret-42";

    private final List<RemotingCommand> received = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private NettyRemotingServer server;
    private String address;

    @BeforeEach
    void start() {
        server = new NettyRemotingServer(
                RemotingServerConfig.defaults(0).withBindAddress("127.0.0.1"), new ChannelEventListener() {});
        // the guard only sees codes with a processor; both answer "no such topic" to whatever passes
        for (RequestCode code :
                List.of(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, RequestCode.GET_ROUTEINFO_BY_TOPIC)) {
            server.registerProcessor(
                    code,
                    (context, request) -> RemotingCommand.responseTo(request, ResponseCode.TOPIC_NOT_EXIST)
                            .remark("no topics here")
                            .build(),
                    server.newProcessorExecutor("recording-" + code.code(), 1, 16));
        }
        server.requestGuard((channel, request) -> {
            received.add(request);
            String accessKey = request.extField(RequestSignature.ACCESS_KEY);
            if (accessKey != null && !RequestSignature.verify(request, SECRET)) {
                return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                        .remark("org.apache.rocketmq.acl.common.AclException: Check signature failed for accessKey="
                                + accessKey)
                        .build();
            }
            return null;
        });
        server.start();
        address = "127.0.0.1:" + server.localPort();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theKeysAreAcceptedBeforeOrAfterTheSubcommandAndSignEveryRequest() {
        run(Map.of(), "--access-key", "CliUser", "--secret-key", SECRET, "topic", "list", "-n", address);
        run(Map.of(), "topic", "list", "-n", address, "--access-key", "CliUser", "--secret-key", SECRET);

        assertThat(received).hasSize(2).allSatisfy(request -> {
            assertThat(request.extField(RequestSignature.ACCESS_KEY)).isEqualTo("CliUser");
            assertThat(RequestSignature.verify(request, SECRET)).isTrue();
        });
        assertThat(output()).doesNotContain(SECRET);
    }

    @Test
    void theEnvironmentVariablesStandInForTheOptionsAndTheOptionsWin() {
        Map<String, String> env = Map.of("COURIER_ACCESS_KEY", "EnvUser", "COURIER_SECRET_KEY", SECRET);
        run(env, "topic", "list", "-n", address);
        run(env, "--access-key", "OptionUser", "topic", "list", "-n", address);

        assertThat(received).hasSize(2);
        assertThat(received.get(0).extField(RequestSignature.ACCESS_KEY)).isEqualTo("EnvUser");
        assertThat(received.get(1).extField(RequestSignature.ACCESS_KEY)).isEqualTo("OptionUser");
        assertThat(received).allSatisfy(request -> assertThat(RequestSignature.verify(request, SECRET))
                .isTrue());
    }

    @Test
    void withoutCredentialsRequestsGoUnsigned() {
        run(Map.of(), "topic", "list", "-n", address);

        assertThat(received).singleElement().satisfies(request -> assertThat(request.extFields())
                .doesNotContainKeys(RequestSignature.ACCESS_KEY, RequestSignature.SIGNATURE));
    }

    @Test
    void aWrongSecretFailsWithTheBrokersRemarkAndNeverPrintsTheSecret() {
        int exit = run(
                Map.of(), "--access-key", "CliUser", "--secret-key", "wrong-secret-9", "topic", "list", "-n", address);

        assertThat(exit).isEqualTo(1);
        assertThat(output())
                .contains("SYSTEM_ERROR (1)")
                .contains("Check signature failed for accessKey=CliUser")
                .doesNotContain("wrong-secret-9");
    }

    @Test
    void oneKeyWithoutTheOtherIsAUsageErrorNamingTheMissingOne() {
        assertThat(run(Map.of(), "--access-key", "CliUser", "topic", "list", "-n", address))
                .isEqualTo(2);
        assertThat(output()).contains("--access-key CliUser needs --secret-key (or $COURIER_SECRET_KEY)");
        assertThat(run(Map.of("COURIER_SECRET_KEY", SECRET), "topic", "list", "-n", address))
                .isEqualTo(2);
        assertThat(output()).contains("needs --access-key").doesNotContain(SECRET);
        assertThat(received).isEmpty();
    }

    @Test
    void theHelpNamesTheOptionsButNeverShowsASecretFromTheEnvironment() {
        run(Map.of("COURIER_ACCESS_KEY", "EnvUser", "COURIER_SECRET_KEY", SECRET), "topic", "list", "--help");

        assertThat(output())
                .contains("--access-key=AK")
                .contains("--secret-key=SK")
                .doesNotContain(SECRET);
    }

    @Test
    void benchSignsItsRequestsToo() {
        // the route lookup is signed; this server knows no topics, so the run stops there
        run(
                Map.of(),
                "--access-key",
                "BenchUser",
                "--secret-key",
                SECRET,
                "bench",
                "consume",
                "-n",
                address,
                "--topic",
                "T",
                "--messages",
                "1");

        assertThat(received).isNotEmpty().allSatisfy(request -> {
            assertThat(request.extField(RequestSignature.ACCESS_KEY)).isEqualTo("BenchUser");
            assertThat(RequestSignature.verify(request, SECRET)).isTrue();
        });
        assertThat(output()).doesNotContain(SECRET);
    }

    private int run(Map<String, String> environment, String... args) {
        Console console = new Console(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = MqToolsCommand.commandLine(console, new ToolTransports(), environment::get)
                .execute(args);
        console.outWriter().flush();
        console.errWriter().flush();
        return exit;
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }
}

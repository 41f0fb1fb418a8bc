package io.couriermq.compat.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.rocketmq.acl.common.AclUtils;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.tools.command.MQAdminStartup;

/**
 * The real {@code mqadmin} of rocketmq-tools 5.2.0, run in this JVM: {@code MQAdminStartup.main0} with the
 * arguments an operator types, its standard output and error captured. mqadmin reports a failed
 * command by printing the exception's stack trace to standard error and still returning normally (the
 * shell script's exit code is 0 either way), so a command counts as failed when anything lands there.
 */
public final class MqAdmin {

    private final String nameServerAddress;
    private final RPCHook hook;

    public MqAdmin(String nameServerAddress) {
        this(nameServerAddress, null);
    }

    private MqAdmin(String nameServerAddress, RPCHook hook) {
        this.nameServerAddress = nameServerAddress;
        this.hook = hook;
    }

    /**
     * mqadmin with the credentials of {@code toolsYml} ({@code accessKey}, {@code secretKey}), read by the
     * same {@code AclUtils.getAclRPCHook} call mqadmin makes for {@code $ROCKETMQ_HOME/conf/tools.yml}. The
     * file is named here rather than found through ROCKETMQ_HOME because {@code MQAdminStartup} reads
     * ROCKETMQ_HOME once per JVM (a static field) and every mqadmin test shares this JVM.
     */
    public static MqAdmin withToolsYml(String nameServerAddress, Path toolsYml) {
        RPCHook hook = AclUtils.getAclRPCHook(toolsYml.toString());
        if (hook == null) {
            throw new IllegalArgumentException("mqadmin found no accessKey/secretKey in " + toolsYml);
        }
        return new MqAdmin(nameServerAddress, hook);
    }

    /** What one command printed. */
    public record Output(String command, String out, String err) {

        /** Asserts the command did not fail, and returns what it printed. */
        public String ok() {
            assertThat(err)
                    .as("standard error of mqadmin %s (standard output:%n%s)", command, out)
                    .doesNotContain("Exception")
                    .doesNotContain("command failed");
            assertThat(out).as("mqadmin %s", command).doesNotContain("command failed");
            return out;
        }

        /** The printed lines, each split on runs of blanks. */
        public List<String[]> rows() {
            List<String[]> rows = new ArrayList<>();
            for (String line : out.split("\\R")) {
                if (!line.isBlank()) {
                    rows.add(line.trim().split("\\s+"));
                }
            }
            return rows;
        }

        /** The first row whose first cell is {@code first}. */
        public Optional<String[]> row(String first) {
            return rows().stream().filter(r -> r[0].equals(first)).findFirst();
        }
    }

    /** Runs {@code mqadmin <command> -n <NameServer> <args...>}. */
    public Output run(String command, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(command);
        argv.add("-n");
        argv.add(nameServerAddress);
        argv.addAll(List.of(args));
        return capture(command + " " + String.join(" ", args), argv.toArray(String[]::new), hook);
    }

    /** Runs {@code mqadmin <command> <args...>} without adding the NameServer option. */
    public Output runWithout(String command, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(command);
        argv.addAll(List.of(args));
        return capture(command + " " + String.join(" ", args), argv.toArray(String[]::new), hook);
    }

    private static synchronized Output capture(String description, String[] argv, RPCHook hook) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long started = System.nanoTime();
        try (PrintStream capturedOut = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream capturedErr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(capturedOut);
            System.setErr(capturedErr);
            MQAdminStartup.main0(argv, hook);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        Output output =
                new Output(description, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        originalOut.printf(
                "$ mqadmin %s   (%d ms)%n%s%s",
                description, (System.nanoTime() - started) / 1_000_000, output.out(), output.err());
        return output;
    }
}

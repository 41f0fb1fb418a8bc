package io.couriermq.broker.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.broker.config.InvalidConfigException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

/** A configuration mistake stops the context before anything listens, with a report naming it. */
class BrokerStartupFailureTest {
    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(EntriesOnly.class);

    @Test
    void aBadValueStopsStartUpWithAReportNamingTheKey() {
        runner.withPropertyValues("courier.broker.brokerRole=LEADER").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new BrokerConfigFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription())
                    .isEqualTo("Invalid broker configuration: brokerRole must be one of [ASYNC_MASTER, SYNC_MASTER,"
                            + " SLAVE], was 'LEADER'");
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidConfigException.class);
        });
    }

    @Test
    void aBadDeleteWhenStopsStartUpAtLoadWithAReportNamingTheKeyAndItsForm() {
        runner.withPropertyValues("courier.broker.delete-when=abc").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new BrokerConfigFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription())
                    .isEqualTo("Invalid broker configuration: deleteWhen must be hours of the day 0-23 separated"
                            + " by ';', as in RocketMQ (e.g. 04 or 04;16), was 'abc' ('abc')");
        });
    }

    @Test
    void aSizeThatWouldDivideByZeroLaterStopsStartUpNamingTheKey() {
        runner.withPropertyValues("courier.broker.mappedFileSizeConsumeQueue=0").run(context -> {
            FailureAnalysis analysis = new BrokerConfigFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription())
                    .isEqualTo("Invalid broker configuration: mappedFileSizeConsumeQueue must be a positive multiple"
                            + " of 20 (the size of one entry), was 0");
        });
    }

    @Test
    void aKeyThatCannotBeHonouredStopsStartUpInsteadOfAWarning() {
        runner.withPropertyValues("courier.broker.enable-d-leger-commit-log=true")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new BrokerConfigFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .startsWith("Invalid broker configuration: enableDLegerCommitLog=true cannot be honoured:");
                });
    }

    @Test
    void aMissingFileStopsStartUpWithAReportNamingThePath() {
        runner.withPropertyValues("courier.broker.config-file=/no/such/broker.conf")
                .run(context -> {
                    FailureAnalysis analysis = new BrokerConfigFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .isEqualTo("broker config file /no/such/broker.conf cannot be read: no such file");
                    assertThat(analysis.getAction()).contains("-c");
                });
    }

    @Test
    void aTlsModeWhoseKeyFileIsMissingStopsStartUpNamingTheKeyAndFile() {
        runner.withPropertyValues(
                        "courier.tls.server.mode=enforcing",
                        "courier.tls.server.cert-path=/no/such/server.pem",
                        "courier.tls.server.key-path=/no/such/server.key")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new BrokerConfigFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .contains("tls.server.")
                            .contains("/no/such/server.")
                            .contains("does not exist");
                });
        runner.withPropertyValues("courier.broker.tls.server.mode=permissive").run(context -> assertThat(context)
                .getFailure()
                .rootCause()
                .hasMessageContaining("tls.server.mode=permissive needs a server key"));
    }

    @Test
    void anUnknownTlsPropertyIsRefused() {
        runner.withPropertyValues("courier.tls.server.mood=enforcing").run(context -> assertThat(context)
                .getFailure()
                .rootCause()
                .hasMessageContaining("unknown TLS property courier.tls.server.mood"));
    }

    @Test
    void aMistypedStandaloneNameServerKeyIsRefusedBeforeAnythingListens(@TempDir Path store) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("courier.broker.standalone", "true")
                .withProperty("courier.broker.storePathRootDir", store.toString())
                .withProperty("courier.namesrv.listen-prot", "1");

        assertThatThrownBy(() -> BrokerNode.start(environment))
                .rootCause()
                .hasMessageContaining("courier.namesrv.listen-prot");
        assertThat(store).isEmptyDirectory();
    }

    @Configuration(proxyBeanMethods = false)
    static class EntriesOnly {
        @Bean
        BrokerConfigEntries brokerConfigEntries(Environment environment) {
            return BrokerSettingsFactory.read(environment);
        }
    }
}

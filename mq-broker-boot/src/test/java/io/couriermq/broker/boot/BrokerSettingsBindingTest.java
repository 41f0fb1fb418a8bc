package io.couriermq.broker.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.broker.config.BrokerConfigProperties;
import io.couriermq.broker.config.BrokerRole;
import io.couriermq.broker.config.BrokerSettings;
import io.couriermq.broker.config.InvalidConfigException;
import io.couriermq.store.FlushDiskType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** broker.conf plus the courier.broker.* overlay, as the application reads them at start-up. */
@ExtendWith(OutputCaptureExtension.class)
class BrokerSettingsBindingTest {
    @TempDir
    Path dir;

    @Test
    void aRocketMqBrokerConfIsReadWithItsKeysUnchanged() throws IOException {
        MockEnvironment environment =
                withConf("""
                brokerClusterName=ProdCluster
                brokerName=broker-b
                brokerId=0
                brokerRole=ASYNC_MASTER
                flushDiskType=SYNC_FLUSH
                deleteWhen=04
                fileReservedTime=48
                listenPort=10921
                storePathRootDir=%s
                namesrvAddr=10.0.0.1:9876;10.0.0.2:9876
                """.formatted(dir.resolve("store").toString().replace("\\", "\\\\")));

        BrokerSettings settings = BrokerSettingsFactory.read(environment).settings();

        assertThat(settings.broker().brokerClusterName()).isEqualTo("ProdCluster");
        assertThat(settings.broker().brokerName()).isEqualTo("broker-b");
        assertThat(settings.broker().brokerRole()).isEqualTo(BrokerRole.ASYNC_MASTER);
        assertThat(settings.broker().listenPort()).isEqualTo(10921);
        assertThat(settings.broker().nameServerAddresses()).containsExactly("10.0.0.1:9876", "10.0.0.2:9876");
        assertThat(settings.store().flushDiskType()).isEqualTo(FlushDiskType.SYNC_FLUSH);
        assertThat(settings.store().fileReservedTime()).isEqualTo(48);
        assertThat(settings.store().storePathRootDir()).isEqualTo(dir.resolve("store"));
        assertThat(settings.configFile())
                .as("run-time config changes are written back there")
                .isEqualTo(dir.resolve("broker.conf"));
    }

    @Test
    void springPropertiesOverrideTheFileInCamelOrKebabCase() throws IOException {
        MockEnvironment environment = withConf("brokerName=from-file\nlistenPort=10921\nbrokerIP1=10.1.1.1\n")
                .withProperty("courier.broker.brokerName", "from-spring")
                .withProperty("courier.broker.listen-port", "0")
                .withProperty("courier.broker.auto-create-topic-enable", "false");

        BrokerSettings settings = BrokerSettingsFactory.read(environment).settings();

        assertThat(settings.broker().brokerName()).isEqualTo("from-spring");
        assertThat(settings.broker().listenPort()).isZero();
        assertThat(settings.broker().autoCreateTopicEnable()).isFalse();
        assertThat(settings.broker().brokerIP1()).isEqualTo("10.1.1.1");
    }

    @Test
    void aclIsReadFromBrokerConfAndTheAccountsFileFromCourierAclFile() throws IOException {
        MockEnvironment environment = withConf(
                        "aclEnable=true\ninnerClientAuthenticationCredentials={\"accessKey\":\"broker-a1\",\"secretKey\":\"s3cret-key\"}\n")
                .withProperty(
                        "courier.acl.file", dir.resolve("acl/plain_acl.yml").toString());

        BrokerConfigEntries config = BrokerSettingsFactory.read(environment);
        BrokerSettings settings = config.settings();

        assertThat(config.unknownKeys()).isEmpty();
        assertThat(settings.acl().aclEnable()).isTrue();
        assertThat(settings.acl().accountsFile()).isEqualTo(dir.resolve("acl/plain_acl.yml"));
        assertThat(settings.acl().outboundCredentials().accessKey()).isEqualTo("broker-a1");
        assertThat(settings.acl().outboundCredentials().secretKey()).isEqualTo("s3cret-key");
        assertThat(BrokerConfigProperties.of(settings))
                .containsEntry("aclEnable", "true")
                .doesNotContainKey("innerClientAuthenticationCredentials");
    }

    @Test
    void badInnerCredentialsStopStartUpWithoutShowingTheSecret() throws IOException {
        MockEnvironment environment =
                withConf("innerClientAuthenticationCredentials={\"accessKey\":\"a\",\"secretKey\":\"hush\"\n");

        assertThatThrownBy(() -> BrokerSettingsFactory.read(environment))
                .hasMessageContaining("innerClientAuthenticationCredentials")
                .hasMessageNotContaining("hush");
    }

    @Test
    void withoutAFileTheDefaultsFitALaptop() {
        MockEnvironment environment = new MockEnvironment().withProperty("user.home", dir.toString());

        BrokerSettings settings = BrokerSettingsFactory.read(environment).settings();

        assertThat(settings.store().storePathRootDir())
                .isEqualTo(dir.resolve("couriermq").resolve("store"));
        assertThat(settings.broker().brokerIP1()).isNotBlank();
        assertThat(settings.broker().listenPort()).isEqualTo(10911);
        assertThat(settings.broker().nameServerAddresses()).isEmpty();
        assertThat(settings.configFile()).isNull();
    }

    @Test
    void unknownKeysFromEitherSourceAreReportedOnceEachWithWhereTheyCameFrom(CapturedOutput output) throws IOException {
        MockEnvironment environment =
                withConf("brokerName=b\nenableControllerMode=true\n").withProperty("courier.broker.listen-prot", "1");

        BrokerConfigEntries config = BrokerSettingsFactory.read(environment);

        assertThat(config.unknownKeys()).containsExactly("enableControllerMode", "listenProt");
        assertThat(config.settings().unknownKeys()).isEmpty();
        assertThat(output)
                .contains("unknown broker configuration key 'enableControllerMode' (from " + dir.resolve("broker.conf")
                        + ") is ignored\n")
                .contains("unknown broker configuration key 'listenProt' (from courier.broker.listen-prot)"
                        + " is ignored; did you mean 'listenPort'?");
    }

    @Test
    void aBadValueFailsWithTheLoadersMessage() {
        MockEnvironment environment = new MockEnvironment().withProperty("courier.broker.listenPort", "eighty");

        assertThatThrownBy(() -> BrokerSettingsFactory.read(environment))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("listenPort must be an integer, was 'eighty'");
    }

    @Test
    void aStoreLimitThatDoesNotFitIsReportedAsABadValue() {
        MockEnvironment environment = new MockEnvironment().withProperty("courier.broker.diskMaxUsedSpaceRatio", "5");

        assertThatThrownBy(() -> BrokerSettingsFactory.read(environment))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("diskMaxUsedSpaceRatio must be 10..95, was 5");
    }

    @Test
    void aMissingConfigFileFailsNamingThePath() {
        Path missing = dir.resolve("nope/broker.conf");
        MockEnvironment environment =
                new MockEnvironment().withProperty("courier.broker.config-file", missing.toString());

        assertThatThrownBy(() -> BrokerSettingsFactory.read(environment))
                .isInstanceOf(BrokerConfigFileException.class)
                .hasMessage("broker config file " + missing.toAbsolutePath() + " cannot be read: no such file");
    }

    @Test
    void standaloneKnowsTheNameServerOnlyAfterItStarted() {
        BrokerConfigEntries config =
                BrokerSettingsFactory.read(new MockEnvironment().withProperty("courier.broker.standalone", "true"));

        assertThat(config.hasNameServer()).isFalse();
        assertThat(config.unknownKeys()).isEmpty();
        assertThat(config.withNameServer("127.0.0.1:9876", "--standalone")
                        .settings()
                        .broker()
                        .nameServerAddresses())
                .containsExactly("127.0.0.1:9876");
    }

    @Test
    void theConfigFileStaysKnownWhenStandaloneAddsTheNameServer() throws IOException {
        BrokerConfigEntries config = BrokerSettingsFactory.read(withConf("brokerName=from-file\n"));

        assertThat(config.withNameServer("127.0.0.1:9876", "--standalone")
                        .settings()
                        .configFile())
                .isEqualTo(dir.resolve("broker.conf"));
    }

    private MockEnvironment withConf(String content) throws IOException {
        Path conf = Files.writeString(dir.resolve("broker.conf"), content);
        return new MockEnvironment()
                .withProperty("user.home", dir.toString())
                .withProperty("courier.broker.config-file", conf.toString());
    }
}

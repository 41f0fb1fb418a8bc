package io.couriermq.broker.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.acl.AclConfig;
import io.couriermq.broker.config.AclSettings;
import io.couriermq.remoting.security.Credentials;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The standalone NameServer's ACL follows the broker's, unless that would lock the broker out. */
class EmbeddedNameServerAclTest {
    private static final Path FILE = Path.of("/etc/mq/plain_acl.yml");
    private static final Credentials ADMIN = new Credentials("rocketmq2", "12345678");

    @Test
    void offWhenTheBrokersAclIsOff() {
        assertThat(EmbeddedNameServerAcl.follow(AclSettings.disabled())).isNull();
        assertThat(EmbeddedNameServerAcl.follow(new AclSettings(false, FILE, ADMIN)))
                .isNull();
    }

    @Test
    void onWithTheBrokersAccountsFileWhenTheBrokerSignsItsRegistrations() {
        assertThat(EmbeddedNameServerAcl.follow(new AclSettings(true, FILE, ADMIN)))
                .isEqualTo(AclConfig.defaults().withAccountsFile(FILE));
        assertThat(EmbeddedNameServerAcl.follow(new AclSettings(true, null, ADMIN)))
                .isEqualTo(AclConfig.defaults());
    }

    @Test
    void openWhenTheBrokerHasNoInnerCredentialsSoItIsNotLockedOut() {
        assertThat(EmbeddedNameServerAcl.follow(new AclSettings(true, FILE, null)))
                .isNull();
    }
}

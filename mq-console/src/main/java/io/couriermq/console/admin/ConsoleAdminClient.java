package io.couriermq.console.admin;

import io.couriermq.admin.AdminClient;
import io.couriermq.console.ConsoleNameServer;
import io.couriermq.remoting.security.Credentials;
import java.time.Duration;

/**
 * The console's one {@link AdminClient}, made when first needed (a standalone node knows its
 * NameServer's port only once started) and made anew if the application's address changes.
 */
public final class ConsoleAdminClient implements AutoCloseable {
    private final ConsoleNameServer nameServer;
    private final Duration timeout;
    private final Credentials credentials;
    private AdminClient client;
    private String clientAddress;

    /** @param credentials signs every admin request (brokers with ACL on); null sends them unsigned */
    public ConsoleAdminClient(ConsoleNameServer nameServer, Duration timeout, Credentials credentials) {
        this.nameServer = nameServer;
        this.timeout = timeout;
        this.credentials = credentials;
    }

    /** The client for the current address; fails, naming the setting, while no address is known. */
    public synchronized AdminClient get() {
        String address = nameServer.address();
        if (address == null || address.isBlank()) {
            throw new IllegalStateException(
                    "the console has no NameServer address yet (set courier.console.name-server, or wait for the"
                            + " node to start)");
        }
        if (client == null || !address.equals(clientAddress)) {
            close();
            client = AdminClient.connect(AdminClient.parseAddresses(address), timeout, credentials);
            clientAddress = address;
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
            clientAddress = null;
        }
    }
}

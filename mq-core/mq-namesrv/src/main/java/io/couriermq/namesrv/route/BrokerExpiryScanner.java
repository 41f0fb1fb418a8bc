package io.couriermq.namesrv.route;

import io.couriermq.common.lifecycle.BackgroundService;

/** Every scan interval, drops brokers that stopped heartbeating and closes their connections. */
public final class BrokerExpiryScanner extends BackgroundService {
    private final RouteTable routes;

    public BrokerExpiryScanner(RouteTable routes, long scanIntervalMs) {
        super("namesrv-broker-expiry", scanIntervalMs);
        this.routes = routes;
    }

    @Override
    protected void runOnce() {
        for (BrokerLiveness expired : routes.expireSilentBrokers()) {
            if (expired.channel() != null) {
                expired.channel().close();
            }
        }
    }
}

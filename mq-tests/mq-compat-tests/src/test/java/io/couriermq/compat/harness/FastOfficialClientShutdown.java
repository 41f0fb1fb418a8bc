package io.couriermq.compat.harness;

import io.couriermq.harness.process.OfficialClientShutdown;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class of this module (META-INF/services, autodetection on in
 * junit-platform.properties): official clients shut down without a 3 s wait, see {@link OfficialClientShutdown}.
 */
public final class FastOfficialClientShutdown implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        OfficialClientShutdown.install();
    }
}

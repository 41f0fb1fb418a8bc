package io.couriermq.broker.boot;

import io.couriermq.broker.config.InvalidConfigException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns a configuration mistake into Spring Boot's short "APPLICATION FAILED TO START" report that names
 * the file or the key, instead of a bean-creation stack trace a user has to dig through.
 */
final class BrokerConfigFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BrokerConfigFileException file) {
                return new FailureAnalysis(
                        file.getMessage(),
                        "Check the path given with -c (courier.broker.config-file): it must be a readable"
                                + " broker.conf in java.util.Properties format.",
                        file);
            }
            if (cause instanceof InvalidConfigException invalid) {
                return new FailureAnalysis(
                        "Invalid broker configuration: " + invalid.getMessage(),
                        "Fix the value in the broker.conf given with -c or in the courier.broker.* property.",
                        invalid);
            }
        }
        return null;
    }
}

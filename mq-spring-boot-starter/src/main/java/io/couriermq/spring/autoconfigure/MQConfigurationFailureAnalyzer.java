package io.couriermq.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a bad {@code courier.*} setting by its key instead of a stack trace deep in bean creation. */
public class MQConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<MQConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MQConfigurationException cause) {
        return new FailureAnalysis("CourierMQ could not be configured: " + cause.getMessage(), cause.action(), cause);
    }
}

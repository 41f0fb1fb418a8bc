package io.couriermq.spring.autoconfigure;

/**
 * A {@code courier.*} setting (or a listener attribute) that cannot work, with the key, the value given
 * and what would be right; {@link MQConfigurationFailureAnalyzer} turns it into the start-up report.
 */
public class MQConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object value;
    private final String action;

    public MQConfigurationException(String key, Object value, String problem, String action) {
        super(key + "=" + value + ": " + problem);
        this.key = key;
        this.value = value;
        this.action = action;
    }

    public String key() {
        return key;
    }

    public Object value() {
        return value;
    }

    public String action() {
        return action;
    }
}

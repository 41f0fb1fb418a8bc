package io.couriermq.spring.autoconfigure;

/** {@link MQConnectionDetails} from {@code courier.name-server}. */
final class PropertiesMQConnectionDetails implements MQConnectionDetails {
    private final MQProperties properties;

    PropertiesMQConnectionDetails(MQProperties properties) {
        this.properties = properties;
    }

    @Override
    public String nameServer() {
        return properties.getNameServer();
    }
}

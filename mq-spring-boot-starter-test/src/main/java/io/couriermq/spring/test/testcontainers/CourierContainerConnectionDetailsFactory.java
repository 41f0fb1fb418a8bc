package io.couriermq.spring.test.testcontainers;

import io.couriermq.spring.autoconfigure.MQConnectionDetails;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/** Lets {@code @ServiceConnection} on a {@link CourierContainer} set the starter's NameServers. */
class CourierContainerConnectionDetailsFactory
        extends ContainerConnectionDetailsFactory<CourierContainer, MQConnectionDetails> {

    @Override
    protected MQConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<CourierContainer> source) {
        return new ContainerDetails(source);
    }

    private static final class ContainerDetails extends ContainerConnectionDetails<CourierContainer>
            implements MQConnectionDetails {
        ContainerDetails(ContainerConnectionSource<CourierContainer> source) {
            super(source);
        }

        @Override
        public String nameServer() {
            return getContainer().getNameServerAddress();
        }
    }
}

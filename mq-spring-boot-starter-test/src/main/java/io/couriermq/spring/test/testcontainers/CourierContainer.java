package io.couriermq.spring.test.testcontainers;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A standalone CourierMQ node (NameServer and broker in one process) in a container, from the image that
 * {@code docker/broker/Dockerfile} builds. The broker advertises its address to clients through the
 * NameServer, so it listens on the same port number inside and outside the container and advertises the
 * Docker host's address; use it with {@code @ServiceConnection} to point the starter at it.
 */
public class CourierContainer extends GenericContainer<CourierContainer> {
    public static final DockerImageName DEFAULT_IMAGE = DockerImageName.parse("couriermq/broker:latest");
    public static final int NAME_SERVER_PORT = 9876;

    private final int brokerPort = freePort();

    public CourierContainer() {
        this(DEFAULT_IMAGE);
    }

    public CourierContainer(DockerImageName image) {
        super(image);
        withExposedPorts(NAME_SERVER_PORT);
        withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                .withPortBindings(new PortBinding(Ports.Binding.bindPort(brokerPort), new ExposedPort(brokerPort))));
        waitingFor(Wait.forLogMessage(".*registered with.*|.*Started BrokerApplication.*", 1));
    }

    /** Asks the Docker host's address only now, when a Docker engine is known to be there. */
    @Override
    protected void configure() {
        withCommand(
                "--standalone",
                "--courier.broker.listenPort=" + brokerPort,
                "--courier.broker.brokerIP1=" + getHost(),
                "--courier.broker.storePathRootDir=/home/courier/store");
    }

    /** The NameServer address as the starter takes it ({@code courier.name-server}). */
    public String getNameServerAddress() {
        return getHost() + ":" + getMappedPort(NAME_SERVER_PORT);
    }

    public int getBrokerPort() {
        return brokerPort;
    }

    @Override
    public List<Integer> getExposedPorts() {
        return List.of(NAME_SERVER_PORT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the container's broker", e);
        }
    }
}

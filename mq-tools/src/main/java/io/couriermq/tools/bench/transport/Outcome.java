package io.couriermq.tools.bench.transport;

/**
 * How one request ended: the response code's name ({@code SUCCESS}, {@code SYSTEM_BUSY}, ...) or, when
 * no response came, {@code TIMEOUT} / {@code CONNECT_FAILED} / {@code SEND_FAILED}.
 */
public record Outcome(String name) {
    public static final Outcome SUCCESS = new Outcome("SUCCESS");

    public boolean succeeded() {
        return name.equals(SUCCESS.name);
    }
}

package io.couriermq.compat.bench;

import io.couriermq.harness.process.ServerKind;

/** The two systems the side-by-side benchmark compares, in the order of the table's columns. */
enum Contender {
    COURIER("CourierMQ", ServerKind.COURIER),
    ROCKETMQ("RocketMQ 5.2.0", ServerKind.OFFICIAL);

    private final String title;
    private final ServerKind kind;

    Contender(String title, ServerKind kind) {
        this.title = title;
        this.kind = kind;
    }

    String title() {
        return title;
    }

    ServerKind kind() {
        return kind;
    }
}

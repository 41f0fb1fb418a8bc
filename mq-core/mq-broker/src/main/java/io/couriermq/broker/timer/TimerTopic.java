package io.couriermq.broker.timer;

/**
 * Where timed messages wait: the system topic the official broker uses for its timing wheel, one queue.
 * Consumers never subscribe to it; the timer service tails it and indexes each parked copy by due time.
 */
public final class TimerTopic {
    public static final String NAME = "rmq_sys_wheel_timer";
    public static final int QUEUE_ID = 0;

    private TimerTopic() {}
}

package io.couriermq.client.internal;

import java.util.Map;

/** The stacks of every thread of this process, as text (GET_CONSUMER_RUNNING_INFO with jstackEnable). */
final class ThreadDump {
    private ThreadDump() {}

    static String now() {
        StringBuilder dump = new StringBuilder();
        for (Map.Entry<Thread, StackTraceElement[]> entry :
                Thread.getAllStackTraces().entrySet()) {
            Thread thread = entry.getKey();
            dump.append("Thread: ")
                    .append(thread.getName())
                    .append(' ')
                    .append(thread.getState())
                    .append('\n');
            for (StackTraceElement frame : entry.getValue()) {
                dump.append("    ").append(frame).append('\n');
            }
            dump.append('\n');
        }
        return dump.toString();
    }
}

package io.couriermq.store.retention;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The hours of the day at which expired segments are deleted: {@code deleteWhen} such as "04" or "04;16". */
final class DeleteSchedule {
    private final Set<Integer> hours;
    private final ZoneId zone;

    DeleteSchedule(String deleteWhen, ZoneId zone) {
        this.hours = Arrays.stream(deleteWhen.split(";"))
                .map(String::trim)
                .filter(hour -> !hour.isEmpty())
                .map(DeleteSchedule::parseHour)
                .collect(Collectors.toUnmodifiableSet());
        this.zone = zone;
    }

    boolean isDeleteTime(long nowMs) {
        return hours.contains(Instant.ofEpochMilli(nowMs).atZone(zone).getHour());
    }

    private static int parseHour(String text) {
        int hour = Integer.parseInt(text);
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("deleteWhen hour out of range: " + text);
        }
        return hour;
    }
}

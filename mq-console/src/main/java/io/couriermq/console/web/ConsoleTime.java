package io.couriermq.console.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times as the console shows and reads them: local date-times in the server's zone (the zone the
 * broker's clock counts days in), or epoch milliseconds.
 */
public final class ConsoleTime {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    public ConsoleTime(ZoneId zone) {
        this.zone = zone;
    }

    /** "2026-12-07 02:40:00", or "-" for 0 (never). */
    public String format(long epochMs) {
        return epochMs <= 0 ? "-" : SHOWN.format(Instant.ofEpochMilli(epochMs).atZone(zone));
    }

    /** The value for a datetime-local style input, to the second. */
    public String inputValue(long epochMs) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                Instant.ofEpochMilli(epochMs).atZone(zone).toLocalDateTime().withNano(0));
    }

    public String zone() {
        return zone.getId();
    }

    /**
     * Reads "2026-12-07T02:40[:00]", "2026-12-07 02:40:00" (server zone), an ISO instant with offset, or
     * epoch milliseconds; fails naming the input and the accepted forms.
     */
    public long parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.matches("\\d{9,}")) {
            return Long.parseLong(trimmed);
        }
        try {
            return LocalDateTime.parse(trimmed.replace(' ', 'T'))
                    .atZone(zone)
                    .toInstant()
                    .toEpochMilli();
        } catch (DateTimeParseException notLocal) {
            try {
                return java.time.OffsetDateTime.parse(trimmed).toInstant().toEpochMilli();
            } catch (DateTimeParseException notOffset) {
                throw new IllegalArgumentException("'" + trimmed + "' is not a time: use 2026-12-07T02:40:00 (" + zone
                        + "), an ISO time with offset, or epoch milliseconds");
            }
        }
    }
}

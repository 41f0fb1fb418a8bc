package io.couriermq.tools.cli;

import io.couriermq.common.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A point in time as epoch millis: {@code now}, epoch millis, an ISO instant ({@code
 * 2026-12-07T10:00:00Z}), an ISO local date-time in this machine's zone, or mqadmin's {@code
 * yyyy-MM-dd#HH:mm:ss:SSS}.
 */
final class TimeConverter implements ITypeConverter<Long> {
    private static final DateTimeFormatter MQADMIN = DateTimeFormatter.ofPattern("yyyy-MM-dd'#'HH:mm:ss:SSS");

    @Override
    public Long convert(String text) {
        String value = text.trim();
        if (value.equalsIgnoreCase("now")) {
            return Clock.system().millis();
        }
        if (value.chars().allMatch(Character::isDigit) && !value.isEmpty()) {
            return Long.parseLong(value);
        }
        try {
            if (value.endsWith("Z")) {
                return Instant.parse(value).toEpochMilli();
            }
            LocalDateTime local =
                    value.contains("#") ? LocalDateTime.parse(value, MQADMIN) : LocalDateTime.parse(value);
            return local.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + text
                    + "' is not a time (now, epoch millis, 2026-12-07T10:00:00[Z], 2026-12-07#10:00:00:000)");
        }
    }
}

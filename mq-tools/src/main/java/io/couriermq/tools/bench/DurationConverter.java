package io.couriermq.tools.bench;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --duration}: 30s, 0.5s, 500ms, 2m, or plain seconds; positive. */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
        return parse(text);
    }

    public static Duration parse(String text) {
        Duration parsed;
        try {
            if (text.endsWith("ms")) {
                parsed = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            } else if (text.endsWith("s")) {
                parsed = Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
            } else if (text.endsWith("m")) {
                parsed = Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            } else {
                parsed = Duration.ofSeconds(Long.parseLong(text));
            }
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a duration (30s, 500ms, 2m)");
        }
        if (parsed.isNegative() || parsed.isZero()) {
            throw new TypeConversionException("'" + text + "' is not a positive duration");
        }
        return parsed;
    }
}

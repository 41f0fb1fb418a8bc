package io.couriermq.store;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The retention settings that may change while the store runs (an admin's {@code updateBrokerConfig}):
 * RocketMQ's key names and units, checked here so a bad value is refused before anything changes.
 *
 * @param fileReservedTime hours a commit-log segment is kept after its last write
 * @param deleteWhen hours of the day, e.g. "04" or "04;16", when expired segments are deleted
 * @param diskMaxUsedSpaceRatio percent of disk use above which the oldest segments are deleted at once
 * @param diskSpaceWarningLevelRatio fraction of disk use above which puts are refused
 */
public record RetentionPolicy(
        int fileReservedTime, String deleteWhen, int diskMaxUsedSpaceRatio, double diskSpaceWarningLevelRatio) {

    private static final String DELETE_WHEN_FORM =
            "deleteWhen must be hours of the day 0-23 separated by ';', as in RocketMQ (e.g. 04 or 04;16)";

    public RetentionPolicy {
        if (fileReservedTime < 0) {
            throw new IllegalArgumentException(
                    "fileReservedTime must be >= 0 hours (0: expired as soon as written), was " + fileReservedTime);
        }
        if (diskMaxUsedSpaceRatio < 10 || diskMaxUsedSpaceRatio > 95) {
            throw new IllegalArgumentException("diskMaxUsedSpaceRatio must be 10..95, was " + diskMaxUsedSpaceRatio);
        }
        if (!(diskSpaceWarningLevelRatio > 0 && diskSpaceWarningLevelRatio <= 1)) {
            throw new IllegalArgumentException(
                    "diskSpaceWarningLevelRatio must be a fraction in (0, 1], was " + diskSpaceWarningLevelRatio);
        }
        deleteHours(deleteWhen);
    }

    /** The policy a store starts with. */
    public static RetentionPolicy of(StoreConfig config) {
        return new RetentionPolicy(
                config.fileReservedTime(),
                config.deleteWhen(),
                config.diskMaxUsedSpaceRatio(),
                config.diskSpaceWarningLevelRatio());
    }

    /** The hours of the day {@link #deleteWhen} names. */
    public Set<Integer> deleteHours() {
        return deleteHours(deleteWhen);
    }

    private static Set<Integer> deleteHours(String deleteWhen) {
        if (deleteWhen == null) {
            throw new IllegalArgumentException(DELETE_WHEN_FORM + ", was null");
        }
        Set<Integer> hours = Arrays.stream(deleteWhen.split(";"))
                .map(String::trim)
                .filter(hour -> !hour.isEmpty())
                .map(hour -> parseHour(hour, deleteWhen))
                .collect(Collectors.toUnmodifiableSet());
        if (hours.isEmpty()) {
            // RocketMQ would then never delete by age: only a full disk would free space
            throw new IllegalArgumentException(DELETE_WHEN_FORM + ", was '" + deleteWhen + "' (no hour)");
        }
        return hours;
    }

    private static int parseHour(String text, String deleteWhen) {
        // digits only: Integer.parseInt would also take "+4" and "-0"
        if (text.matches("\\d{1,2}")) {
            int hour = Integer.parseInt(text);
            if (hour <= 23) {
                return hour;
            }
        }
        throw new IllegalArgumentException(DELETE_WHEN_FORM + ", was '" + deleteWhen + "' ('" + text + "')");
    }
}

package io.gridpulse.flink.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Formats instants for ClickHouse DateTime/DateTime64 columns. The tables display in
 * Asia/Shanghai, and a string is read in the column's zone, so strings are written in that zone:
 * the stored instant is exact whatever the driver's or server's own time zone.
 */
public final class Times {

    public static final ZoneId TABLE_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(TABLE_ZONE);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(TABLE_ZONE);

    private Times() {}

    public static String millis(long epochMillis) {
        return MILLIS.format(Instant.ofEpochMilli(epochMillis));
    }

    public static String seconds(long epochMillis) {
        return SECONDS.format(Instant.ofEpochMilli(epochMillis));
    }
}

package io.gridpulse.domain.alert.spatial;

import java.io.Serializable;

/**
 * The HOTSPOT (区域热点) parameters of one category: {@code k} reports of one grid within a span of
 * at most {@code windowMillis} (both inclusive). Immutable.
 */
public record HotspotRule(int k, long windowMillis) implements Serializable {

    public static final HotspotRule DEFAULT = new HotspotRule(5, 60 * 60_000L);

    public HotspotRule {
        if (k < 2) {
            throw new IllegalArgumentException("a hotspot needs at least 2 reports, got k = " + k);
        }
        if (windowMillis < 0) {
            throw new IllegalArgumentException("a hotspot window cannot be negative, got " + windowMillis + " ms");
        }
    }

    public static HotspotRule ofMinutes(int k, long windowMinutes) {
        return new HotspotRule(k, windowMinutes * 60_000L);
    }

    public long windowMinutes() {
        return windowMillis / 60_000L;
    }
}

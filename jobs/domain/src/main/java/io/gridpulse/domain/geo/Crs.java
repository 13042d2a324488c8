package io.gridpulse.domain.geo;

/**
 * Coordinate reference systems of the feeds and grid files. CGCS2000 differs from WGS84 by
 * centimetres and is treated as WGS84; GCJ-02 and BD-09 are the offset systems of Chinese web
 * maps and are converted to WGS84 before any point meets a grid.
 */
public enum Crs {
    WGS84,
    CGCS2000,
    GCJ02,
    BD09;

    /** Parses a feed's {@code crs} value; null for an unknown name. */
    public static Crs parse(String name) {
        if (name == null) {
            return null;
        }
        for (Crs c : values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }
}

package io.gridpulse.domain.alert.spatial;

import java.util.ArrayList;
import java.util.List;

/**
 * A square grid of cells in degrees that finds every point within {@code meters} of another
 * without comparing all pairs: a point is looked up in its {@link #home} cell, and stored in every
 * cell its {@link #covering} box touches. If two points lie within {@code meters} (haversine on
 * the contract's sphere), the home cell of either is among the covering cells of the other: the
 * box is a proven bound, not an estimate (see {@link #covering}). Immutable and thread-safe.
 */
public final class NeighbourCells {

    private static final double R = io.gridpulse.domain.geo.Haversine.EARTH_RADIUS_M;
    private static final double POLAR_DEG = 80;
    /** The largest search radius: keeps the bounds below far from the poles. */
    public static final double MAX_METERS = 100_000;
    /** Guards the bound against rounding in the last bits; costs nothing measurable. */
    private static final double SLACK_DEG = 1e-9;

    private final double meters;
    private final double cellDeg;

    /** Cells about twice the search radius tall: a box touches 2 x 2 cells in most cases. */
    public NeighbourCells(double meters) {
        if (!(meters >= 0 && meters <= MAX_METERS)) {
            throw new IllegalArgumentException("distance must be between 0 and " + MAX_METERS + " m, got " + meters);
        }
        this.meters = meters;
        this.cellDeg = Math.max(Math.toDegrees(2 * meters / R), 1e-6);
    }

    /** A cell as a key part: column and row. */
    public record Cell(long x, long y) {
        public String key() {
            return x + ":" + y;
        }
    }

    public Cell home(double lon, double lat) {
        long y = (long) Math.floor(lat / cellDeg);
        return new Cell(polarRow(y) ? 0 : (long) Math.floor(lon / cellDeg), y);
    }

    /**
     * The cells touched by the box holding every point within {@code meters} of (lon, lat). The
     * latitude bound holds because a great circle is never shorter than the meridian arc of its
     * latitude difference: |dLat| <= d / R. The longitude bound follows from the haversine formula:
     * hav(d/R) >= cos(lat1) cos(lat2) hav(dLon) >= cos^2(latMax) hav(dLon), so
     * sin(dLon/2) <= sin(d/2R) / cos(latMax) with latMax the largest |latitude| of the two points.
     * Rows beyond 80 degrees are one cell each (longitude bounds grow without limit at the poles).
     * The antimeridian is not handled: points on either side of it are never compared.
     */
    public List<Cell> covering(double lon, double lat) {
        double dLat = Math.toDegrees(meters / R) + SLACK_DEG;
        // Points in non-polar rows have |lat| <= POLAR_DEG, so the two points' largest |lat| is at most this:
        double latMax = Math.min(Math.abs(lat), POLAR_DEG) + dLat;
        double s = Math.sin(meters / (2 * R)) / Math.cos(Math.toRadians(latMax));
        double dLon = Math.toDegrees(2 * Math.asin(Math.min(1, s))) + SLACK_DEG;
        long x0 = (long) Math.floor((lon - dLon) / cellDeg);
        long x1 = (long) Math.floor((lon + dLon) / cellDeg);
        long y0 = (long) Math.floor((lat - dLat) / cellDeg);
        long y1 = (long) Math.floor((lat + dLat) / cellDeg);
        List<Cell> out = new ArrayList<>();
        for (long y = y0; y <= y1; y++) {
            if (polarRow(y)) {
                out.add(new Cell(0, y));
                continue;
            }
            for (long x = x0; x <= x1; x++) {
                out.add(new Cell(x, y));
            }
        }
        return out;
    }

    private boolean polarRow(long y) {
        return (y + 1) * cellDeg > POLAR_DEG || y * cellDeg < -POLAR_DEG;
    }
}

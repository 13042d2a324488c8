package io.gridpulse.domain.grid;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * The boundary segments of one polygonal grid, bucketed by the raster rows their y-range meets,
 * for an exact point-in-area test that feeds JTS's {@link RayCrossingCounter} the same segments
 * (and possibly a few more, which it ignores) as {@code IndexedPointInAreaLocator} does, so its
 * answer is the same, only without the interval-tree query. Immutable and thread-safe.
 */
final class RowSegments {

    private final Coordinate[] from;
    private final Coordinate[] to;
    private final int firstRow;
    /** Segments of row firstRow + r are seg[start[r] .. start[r + 1]). */
    private final int[] start;

    private final int[] seg;

    /**
     * @param rowOf maps a y to its raster row, rounding outwards by {@code grow} is the caller's
     *     job: it receives y - grow for the low end and y + grow for the high end
     */
    RowSegments(Geometry polygonal, java.util.function.DoubleToIntFunction rowOf, double grow) {
        List<Coordinate> a = new ArrayList<>();
        List<Coordinate> b = new ArrayList<>();
        for (int p = 0; p < polygonal.getNumGeometries(); p++) {
            Polygon poly = (Polygon) polygonal.getGeometryN(p);
            addRing(poly.getExteriorRing().getCoordinates(), a, b);
            for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                addRing(poly.getInteriorRingN(h).getCoordinates(), a, b);
            }
        }
        from = a.toArray(new Coordinate[0]);
        to = b.toArray(new Coordinate[0]);
        int n = from.length;
        int[] lo = new int[n];
        int[] hi = new int[n];
        int minRow = Integer.MAX_VALUE;
        int maxRow = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            lo[i] = rowOf.applyAsInt(Math.min(from[i].y, to[i].y) - grow);
            hi[i] = rowOf.applyAsInt(Math.max(from[i].y, to[i].y) + grow);
            minRow = Math.min(minRow, lo[i]);
            maxRow = Math.max(maxRow, hi[i]);
        }
        if (n == 0) {
            minRow = 0;
            maxRow = -1;
        }
        firstRow = minRow;
        int rows = maxRow - minRow + 1;
        start = new int[rows + 1];
        for (int i = 0; i < n; i++) {
            for (int r = lo[i]; r <= hi[i]; r++) {
                start[r - minRow + 1]++;
            }
        }
        for (int r = 0; r < rows; r++) {
            start[r + 1] += start[r];
        }
        seg = new int[start[rows]];
        int[] fill = java.util.Arrays.copyOf(start, rows);
        for (int i = 0; i < n; i++) {
            for (int r = lo[i]; r <= hi[i]; r++) {
                seg[fill[r - minRow]++] = i;
            }
        }
    }

    private static void addRing(Coordinate[] ring, List<Coordinate> a, List<Coordinate> b) {
        for (int i = 0; i + 1 < ring.length; i++) {
            a.add(ring[i]);
            b.add(ring[i + 1]);
        }
    }

    /** Whether the grid covers the point, which lies in raster row {@code row}. */
    boolean covers(Coordinate p, int row) {
        int r = row - firstRow;
        if (r < 0 || r >= start.length - 1) {
            return false;
        }
        RayCrossingCounter counter = new RayCrossingCounter(p);
        for (int k = start[r]; k < start[r + 1]; k++) {
            int i = seg[k];
            counter.countSegment(from[i], to[i]);
        }
        return counter.getLocation() != Location.EXTERIOR;
    }
}

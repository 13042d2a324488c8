package io.gridpulse.domain.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The fast {@link GridIndex}: a uniform raster over the grids' extent. Each cell holds one of
 * <ul>
 *   <li>a grid: no grid boundary comes near the cell, and the cell lies inside that grid (the
 *       smallest code, if grids overlap there);
 *   <li>outside: no grid boundary comes near the cell and no grid covers it;
 *   <li>border: the grids whose boundary comes near the cell plus those covering it, sorted by
 *       code; a point there gets an exact covers test, in code order, stopping at the first hit.
 * </ul>
 * Most points cost one array read. The answer equals {@link StrTreeGridIndex}'s for every point,
 * borders included, because:
 * <ul>
 *   <li>"near" is tested against the cell grown by a margin of 2e-6 cells (at least 2e-11
 *       degrees) on every side, far more than the rounding error of mapping a point to its cell
 *       (about 1e-14 degrees) or of the segment test, so a cell whose boundary is touched only on
 *       an edge or a corner, or which a boundary misses by less than the margin, is a border cell;
 *   <li>a region that no boundary touches is wholly inside or wholly outside each grid, so one
 *       exact test at a cell's centre (with the same predicate as the baseline) decides every
 *       point of a non-border cell;
 *   <li>the exact test is JTS's {@link IndexedPointInAreaLocator} (location not EXTERIOR), the
 *       very locator {@code PreparedPolygon.covers(point)} uses.
 * </ul>
 *
 * <p>Immutable after build and thread-safe: every array is final and filled in the constructor,
 * and each point locator builds its index before the constructor returns.
 */
public final class RasterGridIndex implements GridIndex {

    /** Default cells per grid: a 2,000-grid city gets about 2 million cells (8 MB). */
    public static final int CELLS_PER_GRID = 1024;

    private static final int MIN_CELLS = 1 << 12;
    private static final int MAX_CELLS = 1 << 23;
    private static final double MARGIN_CELLS = 1e-6;
    private static final double MARGIN_MIN_DEG = 1e-11;

    private final String[] codes;
    private final IndexedPointInAreaLocator[] locators;
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;
    private final double invW;
    private final double invH;
    private final int nx;
    private final int ny;
    /** &gt; 0: grid id + 1; 0: outside; &lt; 0: -(border index + 1). */
    private final int[] cells;

    private final int[][] border;

    private RasterGridIndex(List<Grid> input, int targetCells) {
        List<Grid> grids = new ArrayList<>(input);
        grids.removeIf(g -> g.geometry().isEmpty());
        // ids in code order, so "smallest code" is "smallest id"
        grids.sort(Comparator.comparing(Grid::code));
        int n = grids.size();
        codes = new String[n];
        locators = new IndexedPointInAreaLocator[n];
        Envelope extent = new Envelope();
        STRtree tree = new STRtree();
        for (int i = 0; i < n; i++) {
            Geometry g = grids.get(i).geometry();
            codes[i] = grids.get(i).code();
            locators[i] = new IndexedPointInAreaLocator(g);
            locators[i].locate(new Coordinate(0, 0)); // builds the index now, not under load
            extent.expandToInclude(g.getEnvelopeInternal());
            tree.insert(g.getEnvelopeInternal(), i);
        }
        tree.build();
        if (n == 0) {
            minX = minY = 1;
            maxX = maxY = 0; // an empty extent: every point is outside
            invW = invH = 1;
            nx = ny = 1;
            cells = new int[1];
            border = new int[0][];
            return;
        }
        minX = extent.getMinX();
        minY = extent.getMinY();
        maxX = extent.getMaxX();
        maxY = extent.getMaxY();
        double width = extent.getWidth();
        double height = extent.getHeight();
        long target = Math.max(MIN_CELLS, Math.min(MAX_CELLS, (long) targetCells));
        double side = Math.sqrt(Math.max(width * height, 1e-30) / target);
        nx = (int) Math.max(1, Math.min(target, Math.ceil(width / side)));
        ny = (int) Math.max(1, Math.min(target / nx, Math.ceil(height / side)));
        double cellW = width > 0 ? width / nx : 1;
        double cellH = height > 0 ? height / ny : 1;
        invW = 1 / cellW;
        invH = 1 / cellH;
        double margin = Math.max(MARGIN_CELLS * Math.max(cellW, cellH), MARGIN_MIN_DEG);

        long[] pairs = crossings(grids, cellW, cellH, 2 * margin);
        cells = new int[nx * ny];
        List<int[]> borderLists = new ArrayList<>();
        // border cells: the grids whose boundary comes near, plus any grid that covers the cell
        // without a boundary near it (only where grids overlap)
        int k = 0;
        while (k < pairs.length) {
            int cell = (int) (pairs[k] >>> 32);
            int end = k;
            while (end < pairs.length && (int) (pairs[end] >>> 32) == cell) {
                end++;
            }
            int[] ids = new int[end - k];
            for (int j = k; j < end; j++) {
                ids[j - k] = (int) pairs[j];
            }
            int[] covering = covering(tree, centreX(cell, cellW), centreY(cell, cellH));
            cells[cell] = -(borderLists.size() + 1);
            borderLists.add(union(ids, covering));
            k = end;
        }
        border = borderLists.toArray(new int[0][]);
        // other cells: a run of them along a row has no boundary near it, so one answer for all
        for (int row = 0; row < ny; row++) {
            int label = -1;
            for (int col = 0; col < nx; col++) {
                int cell = row * nx + col;
                if (cells[cell] < 0) {
                    label = -1;
                    continue;
                }
                if (label < 0) {
                    int[] covering = covering(tree, centreX(cell, cellW), centreY(cell, cellH));
                    label = covering.length == 0 ? 0 : covering[0] + 1;
                }
                cells[cell] = label;
            }
        }
    }

    /** Builds the index with {@link #CELLS_PER_GRID} cells per grid. */
    public static RasterGridIndex build(GridSet grids) {
        return build(grids, (int) Math.min(MAX_CELLS, (long) grids.size() * CELLS_PER_GRID));
    }

    /** Builds the index with about {@code targetCells} cells (clamped to 4,096 .. 8,388,608). */
    public static RasterGridIndex build(GridSet grids, int targetCells) {
        return new RasterGridIndex(grids.grids(), targetCells);
    }

    @Override
    public String locate(double lon, double lat) {
        if (!(lon >= minX && lon <= maxX && lat >= minY && lat <= maxY)) {
            return ""; // also NaN
        }
        int col = (int) ((lon - minX) * invW);
        int row = (int) ((lat - minY) * invH);
        if (col >= nx) {
            col = nx - 1;
        }
        if (row >= ny) {
            row = ny - 1;
        }
        int v = cells[row * nx + col];
        if (v > 0) {
            return codes[v - 1];
        }
        if (v == 0) {
            return "";
        }
        Coordinate c = new Coordinate(lon, lat);
        for (int id : border[-v - 1]) {
            if (locators[id].locate(c) != Location.EXTERIOR) {
                return codes[id];
            }
        }
        return "";
    }

    /** Share of cells that need an exact test; for tuning and reports. */
    public double borderShare() {
        return (double) border.length / cells.length;
    }

    public int cellCount() {
        return cells.length;
    }

    private double centreX(int cell, double cellW) {
        return minX + ((cell % nx) + 0.5) * cellW;
    }

    private double centreY(int cell, double cellH) {
        return minY + ((cell / nx) + 0.5) * cellH;
    }

    /** Ids of the grids covering a point, ascending (exactly the baseline's predicate). */
    private int[] covering(STRtree tree, double x, double y) {
        Coordinate c = new Coordinate(x, y);
        List<Integer> hits = new ArrayList<>(2);
        tree.query(new Envelope(x, x, y, y), item -> {
            int id = (Integer) item;
            if (locators[id].locate(c) != Location.EXTERIOR) {
                hits.add(id);
            }
        });
        return hits.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static int[] union(int[] a, int[] b) {
        return java.util.stream.IntStream.concat(Arrays.stream(a), Arrays.stream(b))
                .distinct()
                .sorted()
                .toArray();
    }

    /**
     * Every (cell, grid) where a boundary segment of the grid meets the cell grown by {@code
     * grow}; as sorted longs {@code cell << 32 | grid}.
     */
    private long[] crossings(List<Grid> grids, double cellW, double cellH, double grow) {
        int[] stamp = new int[nx * ny];
        LongList out = new LongList();
        for (int id = 0; id < grids.size(); id++) {
            Geometry g = grids.get(id).geometry();
            for (int p = 0; p < g.getNumGeometries(); p++) {
                Polygon poly = (Polygon) g.getGeometryN(p);
                markRing(poly.getExteriorRing(), id, stamp, out, cellW, cellH, grow);
                for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                    markRing(poly.getInteriorRingN(h), id, stamp, out, cellW, cellH, grow);
                }
            }
        }
        long[] pairs = out.toArray();
        Arrays.sort(pairs);
        return pairs;
    }

    private void markRing(LineString ring, int id, int[] stamp, LongList out, double cellW, double cellH, double grow) {
        var seq = ring.getCoordinateSequence();
        for (int i = 0; i + 1 < seq.size(); i++) {
            double ax = seq.getX(i);
            double ay = seq.getY(i);
            double bx = seq.getX(i + 1);
            double by = seq.getY(i + 1);
            int r0 = clampRow((int) Math.floor((Math.min(ay, by) - grow - minY) * invH));
            int r1 = clampRow((int) Math.floor((Math.max(ay, by) + grow - minY) * invH));
            for (int row = r0; row <= r1; row++) {
                double y0 = minY + row * cellH - grow;
                double y1 = minY + (row + 1) * cellH + grow;
                // the segment's x-range within this row's band, widened: only narrows the search,
                // the exact test below decides
                double xa;
                double xb;
                if (ay == by) {
                    xa = Math.min(ax, bx);
                    xb = Math.max(ax, bx);
                } else {
                    double t0 = clamp01((y0 - ay) / (by - ay));
                    double t1 = clamp01((y1 - ay) / (by - ay));
                    double xt0 = ax + t0 * (bx - ax);
                    double xt1 = ax + t1 * (bx - ax);
                    xa = Math.min(xt0, xt1);
                    xb = Math.max(xt0, xt1);
                }
                double slack = grow + 0.01 * cellW;
                int c0 = clampCol((int) Math.floor((xa - slack - minX) * invW));
                int c1 = clampCol((int) Math.floor((xb + slack - minX) * invW));
                for (int col = c0; col <= c1; col++) {
                    int cell = row * nx + col;
                    if (stamp[cell] == id + 1) {
                        continue;
                    }
                    double x0 = minX + col * cellW - grow;
                    double x1 = minX + (col + 1) * cellW + grow;
                    if (segmentMeetsBox(ax, ay, bx, by, x0, y0, x1, y1)) {
                        stamp[cell] = id + 1;
                        out.add(((long) cell << 32) | id);
                    }
                }
            }
        }
    }

    /** Whether segment AB meets the closed box; exact up to rounding far below the box's margin. */
    static boolean segmentMeetsBox(
            double ax, double ay, double bx, double by, double x0, double y0, double x1, double y1) {
        if (Math.max(ax, bx) < x0 || Math.min(ax, bx) > x1 || Math.max(ay, by) < y0 || Math.min(ay, by) > y1) {
            return false;
        }
        double dx = bx - ax;
        double dy = by - ay;
        double c1 = dx * (y0 - ay) - dy * (x0 - ax);
        double c2 = dx * (y0 - ay) - dy * (x1 - ax);
        double c3 = dx * (y1 - ay) - dy * (x0 - ax);
        double c4 = dx * (y1 - ay) - dy * (x1 - ax);
        boolean allPositive = c1 > 0 && c2 > 0 && c3 > 0 && c4 > 0;
        boolean allNegative = c1 < 0 && c2 < 0 && c3 < 0 && c4 < 0;
        return !(allPositive || allNegative);
    }

    private static double clamp01(double t) {
        return t < 0 ? 0 : (t > 1 ? 1 : t);
    }

    private int clampRow(int r) {
        return r < 0 ? 0 : Math.min(r, ny - 1);
    }

    private int clampCol(int c) {
        return c < 0 ? 0 : Math.min(c, nx - 1);
    }

    /** A growable array of longs, to avoid boxing millions of pairs. */
    private static final class LongList {
        private long[] a = new long[1024];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}

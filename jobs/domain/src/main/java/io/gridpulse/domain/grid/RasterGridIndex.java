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
 * The fast {@link GridIndex}: a uniform raster over the grids' extent, whose cells near a boundary
 * are split again into 4 x 4 fine cells. Each cell (or fine cell) holds one of
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
 *   <li>the exact test is the one {@code PreparedPolygon.covers(point)} makes: JTS's ray-crossing
 *       count ({@link org.locationtech.jts.algorithm.RayCrossingCounter}, location not EXTERIOR)
 *       over the grid's segments whose y-range holds the point, here found by raster row instead
 *       of by {@link IndexedPointInAreaLocator}'s interval tree.
 * </ul>
 *
 * <p>Immutable after build and thread-safe: every array is final and filled in the constructor,
 * and each point locator builds its index before the constructor returns.
 */
public final class RasterGridIndex implements GridIndex {

    /** Default coarse cells per grid: a 2,000-grid city gets about 560,000 (2 MB, plus sub-rasters). */
    public static final int CELLS_PER_GRID = 256;

    /** A coarse cell that a boundary comes near is split into SUB x SUB fine cells. */
    private static final int SUB = 4;

    private static final int MIN_CELLS = 1 << 12;
    private static final int MAX_CELLS = 1 << 22;
    private static final double MARGIN_CELLS = 1e-6;
    private static final double MARGIN_MIN_DEG = 1e-11;

    private final String[] codes;
    private final Grid[] grids;
    private final IndexedPointInAreaLocator[] locators;
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;
    /** Inverse size of a fine cell; a coarse cell is SUB x SUB fine cells. */
    private final double invW;

    private final double invH;
    /** Fine cells across and up. */
    private final int fx;

    private final int fy;
    /** Coarse cells across. */
    private final int nx;
    /** Coarse cells: &gt; 0 grid id + 1; 0 outside; &lt; 0 -(sub-raster index + 1). */
    private final int[] cells;
    /** SUB x SUB values per sub-raster: &gt; 0 grid id + 1; 0 outside; &lt; 0 -(border index + 1). */
    private final int[] subs;
    /** Candidate grid ids of each fine border cell, ascending (= code order). */
    private final int[][] border;
    /** Per grid id: its segments by fine row, for the exact test. */
    private final RowSegments[] rowSegments;

    private RasterGridIndex(List<Grid> input, int targetCells) {
        List<Grid> grids = new ArrayList<>(input);
        grids.removeIf(g -> g.geometry().isEmpty());
        // ids in code order, so "smallest code" is "smallest id"
        grids.sort(Comparator.comparing(Grid::code));
        int n = grids.size();
        codes = new String[n];
        this.grids = grids.toArray(new Grid[0]);
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
            fx = fy = SUB;
            nx = 1;
            cells = new int[1];
            subs = new int[0];
            border = new int[0][];
            rowSegments = new RowSegments[0];
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
        int ny = (int) Math.max(1, Math.min(target / nx, Math.ceil(height / side)));
        fx = nx * SUB;
        fy = ny * SUB;
        double cellW = width > 0 ? width / fx : 1;
        double cellH = height > 0 ? height / fy : 1;
        invW = 1 / cellW;
        invH = 1 / cellH;
        double margin = Math.max(MARGIN_CELLS * Math.max(cellW, cellH), MARGIN_MIN_DEG);

        rowSegments = new RowSegments[n];
        for (int i = 0; i < n; i++) {
            rowSegments[i] = new RowSegments(
                    grids.get(i).geometry(), y -> clamp((int) Math.floor((y - minY) * invH), fy), 2 * margin);
        }
        // (coarse cell, fine sub-cell, grid) wherever a boundary comes near a fine cell
        long[] pairs = crossings(grids, cellW, cellH, 2 * margin);
        cells = new int[nx * ny];
        IntList subList = new IntList();
        List<int[]> borderLists = new ArrayList<>();
        int k = 0;
        while (k < pairs.length) {
            int coarse = (int) (pairs[k] >>> 32) / (SUB * SUB);
            int end = k;
            while (end < pairs.length && (int) (pairs[end] >>> 32) / (SUB * SUB) == coarse) {
                end++;
            }
            // every grid with a point in this coarse cell crosses it or covers its centre
            int[] crossing = Arrays.stream(pairs, k, end)
                    .mapToInt(v -> (int) v)
                    .distinct()
                    .sorted()
                    .toArray();
            int[] inCell = union(crossing, covering(tree, coarseX(coarse, cellW), coarseY(coarse, cellH)));
            int base = subList.size();
            cells[coarse] = -(base / (SUB * SUB) + 1);
            int[] sub = new int[SUB * SUB];
            boolean[] isBorder = new boolean[SUB * SUB];
            int j = k;
            while (j < end) {
                int s = (int) (pairs[j] >>> 32) % (SUB * SUB);
                int e = j;
                while (e < end && (int) (pairs[e] >>> 32) % (SUB * SUB) == s) {
                    e++;
                }
                int[] near = Arrays.stream(pairs, j, e)
                        .mapToInt(v -> (int) v)
                        .distinct()
                        .toArray();
                double cx = fineX(coarse, s, cellW);
                double cy = fineY(coarse, s, cellH);
                int[] candidates = union(near, coveringAmong(inCell, cx, cy));
                isBorder[s] = true;
                sub[s] = -(borderLists.size() + 1);
                borderLists.add(candidates);
                j = e;
            }
            // other sub-cells: a run along a sub-row has no boundary near it, one answer for all
            for (int r = 0; r < SUB; r++) {
                int label = -1;
                for (int c = 0; c < SUB; c++) {
                    int s = r * SUB + c;
                    if (isBorder[s]) {
                        label = -1;
                        continue;
                    }
                    if (label < 0) {
                        int[] cov = coveringAmong(inCell, fineX(coarse, s, cellW), fineY(coarse, s, cellH));
                        label = cov.length == 0 ? 0 : cov[0] + 1;
                    }
                    sub[s] = label;
                }
            }
            for (int v : sub) {
                subList.add(v);
            }
            k = end;
        }
        subs = subList.toArray();
        border = borderLists.toArray(new int[0][]);
        // coarse cells with no boundary near: a run along a row has one answer
        for (int row = 0; row < ny; row++) {
            int label = -1;
            for (int col = 0; col < nx; col++) {
                int cell = row * nx + col;
                if (cells[cell] < 0) {
                    label = -1;
                    continue;
                }
                if (label < 0) {
                    int[] cov = covering(tree, coarseX(cell, cellW), coarseY(cell, cellH));
                    label = cov.length == 0 ? 0 : cov[0] + 1;
                }
                cells[cell] = label;
            }
        }
    }

    /** Builds the index with {@link #CELLS_PER_GRID} cells per grid. */
    public static RasterGridIndex build(GridSet grids) {
        return build(grids, (int) Math.min(MAX_CELLS, (long) grids.size() * CELLS_PER_GRID));
    }

    /** Builds the index with about {@code targetCells} coarse cells (clamped to 4,096 .. 4,194,304). */
    public static RasterGridIndex build(GridSet grids, int targetCells) {
        return new RasterGridIndex(grids.grids(), targetCells);
    }

    @Override
    public String locate(double lon, double lat) {
        int id = locateId(lon, lat);
        return id < 0 ? "" : codes[id];
    }

    @Override
    public Grid locateGrid(double lon, double lat) {
        int id = locateId(lon, lat);
        return id < 0 ? Grid.OUTSIDE : grids[id];
    }

    /** The covering grid's id, or -1. */
    private int locateId(double lon, double lat) {
        if (!(lon >= minX && lon <= maxX && lat >= minY && lat <= maxY)) {
            return -1; // also NaN
        }
        int col = (int) ((lon - minX) * invW);
        int row = (int) ((lat - minY) * invH);
        if (col >= fx) {
            col = fx - 1;
        }
        if (row >= fy) {
            row = fy - 1;
        }
        int v = cells[(row / SUB) * nx + col / SUB];
        if (v < 0) {
            v = subs[(-v - 1) * SUB * SUB + (row % SUB) * SUB + col % SUB];
            if (v < 0) {
                Coordinate c = new Coordinate(lon, lat);
                for (int id : border[-v - 1]) {
                    if (rowSegments[id].covers(c, row)) {
                        return id;
                    }
                }
                return -1;
            }
        }
        return v - 1;
    }

    /** Share of the area (in fine cells) that needs an exact test; for tuning and reports. */
    public double borderShare() {
        return (double) border.length / ((long) cells.length * SUB * SUB);
    }

    /** Fine cells in all. */
    public long cellCount() {
        return (long) cells.length * SUB * SUB;
    }

    private double coarseX(int cell, double cellW) {
        return minX + ((cell % nx) * SUB + SUB / 2.0) * cellW;
    }

    private double coarseY(int cell, double cellH) {
        return minY + ((cell / nx) * SUB + SUB / 2.0) * cellH;
    }

    private double fineX(int coarse, int sub, double cellW) {
        return minX + ((coarse % nx) * SUB + sub % SUB + 0.5) * cellW;
    }

    private double fineY(int coarse, int sub, double cellH) {
        return minY + ((coarse / nx) * SUB + sub / SUB + 0.5) * cellH;
    }

    /** Ids among {@code ids} (ascending) of the grids covering a point, ascending. */
    private int[] coveringAmong(int[] ids, double x, double y) {
        Coordinate c = new Coordinate(x, y);
        return Arrays.stream(ids)
                .filter(id -> locators[id].locate(c) != Location.EXTERIOR)
                .toArray();
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
        LongList out = new LongList();
        for (int id = 0; id < grids.size(); id++) {
            Geometry g = grids.get(id).geometry();
            for (int p = 0; p < g.getNumGeometries(); p++) {
                Polygon poly = (Polygon) g.getGeometryN(p);
                markRing(poly.getExteriorRing(), id, out, cellW, cellH, grow);
                for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                    markRing(poly.getInteriorRingN(h), id, out, cellW, cellH, grow);
                }
            }
        }
        long[] pairs = out.toArray();
        Arrays.sort(pairs);
        return pairs;
    }

    private void markRing(LineString ring, int id, LongList out, double cellW, double cellH, double grow) {
        var seq = ring.getCoordinateSequence();
        for (int i = 0; i + 1 < seq.size(); i++) {
            double ax = seq.getX(i);
            double ay = seq.getY(i);
            double bx = seq.getX(i + 1);
            double by = seq.getY(i + 1);
            int r0 = clamp((int) Math.floor((Math.min(ay, by) - grow - minY) * invH), fy);
            int r1 = clamp((int) Math.floor((Math.max(ay, by) + grow - minY) * invH), fy);
            for (int row = r0; row <= r1; row++) {
                double y0 = minY + row * cellH - grow;
                double y1 = minY + (row + 1) * cellH + grow;
                // the segment's x-range within this row's band, widened: it only narrows the
                // search, the exact test below decides
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
                int c0 = clamp((int) Math.floor((xa - slack - minX) * invW), fx);
                int c1 = clamp((int) Math.floor((xb + slack - minX) * invW), fx);
                for (int col = c0; col <= c1; col++) {
                    double x0 = minX + col * cellW - grow;
                    double x1 = minX + (col + 1) * cellW + grow;
                    if (segmentMeetsBox(ax, ay, bx, by, x0, y0, x1, y1)) {
                        long coarse = (long) (row / SUB) * nx + col / SUB;
                        long key = coarse * SUB * SUB + (row % SUB) * SUB + col % SUB;
                        out.add((key << 32) | id);
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

    private static int clamp(int v, int n) {
        return v < 0 ? 0 : Math.min(v, n - 1);
    }

    /** A growable array of ints. */
    private static final class IntList {
        private int[] a = new int[1024];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int size() {
            return n;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
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

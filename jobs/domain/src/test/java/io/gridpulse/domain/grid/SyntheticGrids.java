package io.gridpulse.domain.grid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * A realistic synthetic city grid for tests and the benchmark: Voronoi cells of sites that are
 * denser in the centre, clipped to an irregular boundary, with every edge densified and bent by one
 * smooth displacement of the plane, so that neighbours share their vertices exactly (each edge is
 * computed once and polygonized, never per cell). Deterministic for a seed. Not thread-safe to
 * share during generation; the results are plain immutable values.
 */
public final class SyntheticGrids {

    private static final GeometryFactory F = GeoJsonFeatures.factory();

    /** Centre of the synthetic city (about Yulin, Guangxi), WGS84. */
    public static final double CENTRE_LON = 110.16;

    public static final double CENTRE_LAT = 22.63;

    /** Half-size of the city's box in degrees (about 20 km). */
    public static final double HALF = 0.2;

    private SyntheticGrids() {}

    /** At least {@code minGrids} grids (usually a few percent more), codes in the GB/T 30428 shape. */
    public static GridSet generate(int minGrids, long seed) {
        int sites = (int) (minGrids * 1.15);
        while (true) {
            List<Polygon> faces = faces(sites, seed);
            if (faces.size() >= minGrids) {
                return toGrids(faces);
            }
            sites = (int) (sites * 1.1) + 10;
        }
    }

    private static List<Polygon> faces(int sites, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Envelope box = new Envelope(CENTRE_LON - HALF, CENTRE_LON + HALF, CENTRE_LAT - HALF, CENTRE_LAT + HALF);
        Polygon boundary = blob(rnd);
        List<Coordinate> pts = new ArrayList<>();
        while (pts.size() < sites) {
            // denser in the centre: the core area has the small grids
            double r = HALF * Math.pow(rnd.nextDouble(), 0.8);
            double a = rnd.nextDouble() * 2 * Math.PI;
            Coordinate c = new Coordinate(CENTRE_LON + r * Math.cos(a), CENTRE_LAT + r * Math.sin(a));
            if (boundary.getEnvelopeInternal().contains(c)) {
                pts.add(c);
            }
        }
        VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
        vb.setSites(pts);
        vb.setClipEnvelope(box);
        Geometry cells = vb.getDiagram(F);
        // each Voronoi edge once (neighbouring cells hold it with identical coordinates)
        java.util.Map<String, LineString> edges = new java.util.HashMap<>();
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            Coordinate[] cs = cells.getGeometryN(i).getCoordinates();
            for (int k = 0; k + 1 < cs.length; k++) {
                Coordinate a = cs[k];
                Coordinate b = cs[k + 1];
                boolean ab = a.compareTo(b) < 0;
                Coordinate lo = ab ? a : b;
                Coordinate hi = ab ? b : a;
                edges.putIfAbsent(
                        lo.x + "," + lo.y + "," + hi.x + "," + hi.y,
                        F.createLineString(new Coordinate[] {lo.copy(), hi.copy()}));
            }
        }
        // Voronoi edges inside the boundary, plus the boundary, noded once
        Geometry inside =
                boundary.intersection(F.createMultiLineString(edges.values().toArray(new LineString[0])));
        Geometry noded = UnaryUnionOp.union(List.of(inside, boundary.getExteriorRing()));
        double step = HALF / Math.sqrt(sites) / 4;
        List<Geometry> bent = new ArrayList<>();
        for (int i = 0; i < noded.getNumGeometries(); i++) {
            LineString edge = (LineString) noded.getGeometryN(i);
            bent.add(bend((LineString) Densifier.densify(edge, step)));
        }
        Polygonizer polygonizer = new Polygonizer();
        // the bend moves nodes and edges alike, so the edges stay noded
        polygonizer.add(bent);
        @SuppressWarnings("unchecked")
        Collection<Polygon> polys = polygonizer.getPolygons();
        List<Polygon> out = new ArrayList<>();
        for (Polygon p : polys) {
            if (p.isValid() && !p.isEmpty() && p.getArea() > 0) {
                out.add(p);
            }
        }
        return out;
    }

    /** An irregular city boundary: a circle with a wavy radius. */
    private static Polygon blob(SplittableRandom rnd) {
        int n = 240;
        double p1 = rnd.nextDouble() * 6;
        double p2 = rnd.nextDouble() * 6;
        Coordinate[] ring = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double r = HALF * (0.8 + 0.1 * Math.sin(3 * a + p1) + 0.06 * Math.sin(7 * a + p2));
            ring[i] = new Coordinate(CENTRE_LON + r * Math.cos(a), CENTRE_LAT + r * Math.sin(a));
        }
        ring[n] = ring[0].copy();
        return F.createPolygon(ring);
    }

    /** A smooth, invertible displacement of the plane: the same point always moves the same way. */
    private static LineString bend(LineString line) {
        Coordinate[] cs = line.getCoordinates();
        double amp = HALF * 0.004;
        for (Coordinate c : cs) {
            double x = c.x;
            double y = c.y;
            c.x = x + amp * Math.sin(y * 157.0) + 0.5 * amp * Math.sin((x + y) * 431.0);
            c.y = y + amp * Math.sin(x * 173.0) + 0.5 * amp * Math.sin((x - y) * 389.0);
        }
        return F.createLineString(cs);
    }

    /** Codes: county 450902 + street (3) + community (3) + sequence (2), sorted by position. */
    private static GridSet toGrids(List<Polygon> faces) {
        List<Polygon> sorted = new ArrayList<>(faces);
        sorted.sort(
                Comparator.comparingDouble((Polygon p) -> -p.getInteriorPoint().getY())
                        .thenComparingDouble(p -> p.getInteriorPoint().getX()));
        List<Grid> grids = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Polygon p = sorted.get(i);
            Point c = p.getInteriorPoint();
            int street = 1 + (int) Math.min(7, Math.floor((c.getX() - CENTRE_LON + HALF) / (HALF / 4)));
            int community = 1 + (int) Math.min(7, Math.floor((c.getY() - CENTRE_LAT + HALF) / (HALF / 4)));
            String streetCode = "450902" + String.format("%03d", street);
            String communityCode = streetCode + String.format("%03d", community);
            String code = communityCode + String.format("%04d", i);
            String district = street <= 4 ? "玉州区" : "福绵区";
            grids.add(new Grid(code, "网格" + i, communityCode, streetCode, district, p));
        }
        return GridSet.of(grids);
    }

    /**
     * Points like a day of city traffic: half uniform over the grids' box (some outside every
     * grid), half in clusters (markets, schools, trunk roads), and {@code onBorder} of them exactly
     * on grid vertices and edge points, where the border rule matters.
     */
    public static double[][] points(GridSet grids, int count, int onBorder, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Envelope env = new Envelope();
        grids.grids().forEach(g -> env.expandToInclude(g.geometry().getEnvelopeInternal()));
        double[] lon = new double[count];
        double[] lat = new double[count];
        int uniform = (count - onBorder) / 2;
        int i = 0;
        for (; i < uniform; i++) {
            lon[i] = env.getMinX() + rnd.nextDouble() * env.getWidth();
            lat[i] = env.getMinY() + rnd.nextDouble() * env.getHeight();
        }
        int clusters = 60;
        double[][] centres = new double[clusters][];
        for (int k = 0; k < clusters; k++) {
            centres[k] = new double[] {
                CENTRE_LON + rnd.nextGaussian() * HALF * 0.3,
                CENTRE_LAT + rnd.nextGaussian() * HALF * 0.3,
                HALF * (0.002 + 0.02 * rnd.nextDouble())
            };
        }
        for (; i < count - onBorder; i++) {
            double[] c = centres[Math.min(clusters - 1, (int) (Math.abs(rnd.nextGaussian()) * clusters / 2.5))];
            lon[i] = c[0] + rnd.nextGaussian() * c[2];
            lat[i] = c[1] + rnd.nextGaussian() * c[2];
        }
        List<Grid> list = grids.grids();
        for (; i < count; i++) {
            Coordinate[] cs = list.get(rnd.nextInt(list.size())).geometry().getCoordinates();
            int v = rnd.nextInt(cs.length - 1);
            if (rnd.nextBoolean()) {
                lon[i] = cs[v].x;
                lat[i] = cs[v].y;
            } else {
                double t = rnd.nextDouble();
                lon[i] = cs[v].x + t * (cs[v + 1].x - cs[v].x);
                lat[i] = cs[v].y + t * (cs[v + 1].y - cs[v].y);
            }
        }
        return new double[][] {lon, lat};
    }
}

package io.gridpulse.domain.grid;

import io.gridpulse.domain.geo.Haversine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Checks a grid file (网格核查): overlaps between grids, gaps inside the outer boundary that no
 * grid covers, duplicate or missing codes, invalid rings (not closed, too few points,
 * self-intersecting) and non-polygonal features, each with the codes concerned and where. Areas are
 * reported in square metres (degrees scaled at the area's latitude on the contract's sphere);
 * overlaps and gaps smaller than the threshold (default {@value #DEFAULT_MIN_AREA_M2} m2) are
 * rounding noise and are not reported. Stateless and thread-safe.
 */
public final class GridCheck {

    public static final double DEFAULT_MIN_AREA_M2 = 0.01;

    private GridCheck() {}

    /** Checks a loaded grid set (already repaired where JTS could): overlaps, gaps, invalid rings. */
    public static List<GridIssue> check(GridSet grids) {
        List<GridIssue> issues = new ArrayList<>();
        Map<String, Geometry> usable = new LinkedHashMap<>();
        for (Grid g : grids.grids()) {
            usable.put(g.code(), validated(g.code(), g.geometry(), issues));
        }
        areaIssues(usable, DEFAULT_MIN_AREA_M2, issues);
        return issues;
    }

    /** Checks raw features, as read from a file, with the default area threshold. */
    public static List<GridIssue> check(List<GeoFeature> features) {
        return check(features, DEFAULT_MIN_AREA_M2);
    }

    /** Checks raw features, as read from a file: everything {@link GridSet#load} would refuse, and more. */
    public static List<GridIssue> check(List<GeoFeature> features, double minAreaM2) {
        List<GridIssue> issues = new ArrayList<>();
        Map<String, List<GeoFeature>> byCode = new LinkedHashMap<>();
        Map<String, Geometry> usable = new LinkedHashMap<>();
        for (GeoFeature f : features) {
            Object codeValue = f.properties().get("code");
            String code = codeValue == null ? "" : String.valueOf(codeValue).trim();
            Coordinate where = f.geometry().isEmpty() ? null : f.geometry().getCoordinate();
            if (code.isEmpty()) {
                issues.add(issue(GridIssue.Kind.MISSING_CODE, List.of(), f.label() + " has no code", where));
            } else {
                byCode.computeIfAbsent(code, c -> new ArrayList<>()).add(f);
            }
            String name = code.isEmpty() ? f.label() : code;
            for (RingDefect d : f.ringDefects()) {
                issues.add(new GridIssue(
                        GridIssue.Kind.INVALID_RING,
                        code.isEmpty() ? List.of() : List.of(code),
                        f.label() + ": " + d.ring() + " " + GridSet.describe(d),
                        d.lon(),
                        d.lat()));
            }
            if (!(f.geometry() instanceof Polygonal) || f.geometry().isEmpty()) {
                issues.add(issue(
                        GridIssue.Kind.NOT_POLYGONAL,
                        code.isEmpty() ? List.of() : List.of(code),
                        f.label() + ": geometry is "
                                + (f.geometry().isEmpty()
                                        ? "empty"
                                        : f.geometry().getGeometryType()) + ", not a Polygon or MultiPolygon",
                        where));
                continue;
            }
            Geometry g = validated(name, f.geometry(), issues);
            if (!code.isEmpty() && !usable.containsKey(code) && !g.isEmpty()) {
                usable.put(code, g);
            }
        }
        byCode.forEach((code, list) -> {
            if (list.size() > 1) {
                Coordinate where = list.get(1).geometry().isEmpty()
                        ? null
                        : list.get(1).geometry().getCoordinate();
                issues.add(issue(
                        GridIssue.Kind.DUPLICATE_CODE,
                        List.of(code),
                        "code " + code + " is used by " + list.size() + " features: "
                                + list.stream().map(GeoFeature::label).toList(),
                        where));
            }
        });
        areaIssues(usable, minAreaM2, issues);
        return issues;
    }

    /** Reports an invalid geometry and returns what the overlap and gap checks can use. */
    private static Geometry validated(String name, Geometry g, List<GridIssue> issues) {
        TopologyValidationError error = new IsValidOp(g).getValidationError();
        if (error == null) {
            return g;
        }
        List<String> codes = name.startsWith("feature ") ? List.of() : List.of(name);
        issues.add(issue(GridIssue.Kind.INVALID_RING, codes, name + ": " + error.getMessage(), error.getCoordinate()));
        return GridSet.polygonalPart(GeometryFixer.fix(g));
    }

    private static void areaIssues(Map<String, Geometry> grids, double minAreaM2, List<GridIssue> issues) {
        List<String> codes = new ArrayList<>(grids.keySet());
        codes.sort(Comparator.naturalOrder());
        STRtree tree = new STRtree();
        List<PreparedGeometry> prepared = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            Geometry g = grids.get(codes.get(i));
            prepared.add(PreparedGeometryFactory.prepare(g));
            tree.insert(g.getEnvelopeInternal(), i);
        }
        for (int i = 0; i < codes.size(); i++) {
            Geometry gi = grids.get(codes.get(i));
            final int a = i;
            @SuppressWarnings("unchecked")
            List<Integer> near = tree.query(gi.getEnvelopeInternal());
            near.stream().filter(b -> b > a).sorted().forEach(b -> {
                if (!prepared.get(a).intersects(grids.get(codes.get(b)))) {
                    return;
                }
                Geometry overlap = GridSet.polygonalPart(OverlayNGRobust.overlay(
                        gi, grids.get(codes.get(b)), org.locationtech.jts.operation.overlayng.OverlayNG.INTERSECTION));
                double m2 = squareMetres(overlap);
                if (!overlap.isEmpty() && m2 >= minAreaM2) {
                    issues.add(issue(
                            GridIssue.Kind.OVERLAP,
                            List.of(codes.get(a), codes.get(b)),
                            String.format("grids %s and %s overlap by %.2f m2", codes.get(a), codes.get(b), m2),
                            overlap.getInteriorPoint().getCoordinate()));
                }
            });
        }
        if (grids.isEmpty()) {
            return;
        }
        Geometry union = UnaryUnionOp.union(new ArrayList<>(grids.values()));
        for (int p = 0; p < union.getNumGeometries(); p++) {
            if (!(union.getGeometryN(p) instanceof Polygon poly)) {
                continue;
            }
            for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                Polygon gap = union.getFactory()
                        .createPolygon(poly.getInteriorRingN(h).getCoordinates());
                double m2 = squareMetres(gap);
                if (m2 >= minAreaM2) {
                    issues.add(issue(
                            GridIssue.Kind.GAP,
                            List.of(),
                            String.format("a gap of %.2f m2 inside the outer boundary is in no grid", m2),
                            gap.getInteriorPoint().getCoordinate()));
                }
            }
        }
    }

    /** Area in m2 of a small WGS84 geometry, scaling degrees at its centroid's latitude. */
    static double squareMetres(Geometry g) {
        if (g.isEmpty()) {
            return 0;
        }
        double lat = g.getCentroid().getY();
        double mPerDeg = Math.toRadians(1) * Haversine.EARTH_RADIUS_M;
        return g.getArea() * mPerDeg * mPerDeg * Math.cos(Math.toRadians(lat));
    }

    private static GridIssue issue(GridIssue.Kind kind, List<String> codes, String detail, Coordinate where) {
        return where == null
                ? new GridIssue(kind, codes, detail, Double.NaN, Double.NaN)
                : new GridIssue(kind, codes, detail, where.x, where.y);
    }
}

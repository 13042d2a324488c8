package io.gridpulse.domain.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.domain.geo.CoordinateTransform;
import io.gridpulse.domain.geo.Crs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Real published polygons (Beijing's districts, GCJ-02) and real published points (Beijing bus
 * route vertices, BD-09), see {@code src/test/resources/real/README.md}. Every point farther than
 * a metre from any border gets the answer of an independent check: even-odd ray casting (no JTS)
 * over the rings as loaded, with the same border rule
 * (several grids: the smallest code; none: {@code ""}). Distances to borders are computed here too,
 * on a local equirectangular projection, no JTS.
 */
class RealDataAgreementTest {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    /** A district's rings in WGS84: ring r is xs[r], ys[r], closed. */
    record District(String code, List<double[]> xs, List<double[]> ys) {}

    private static List<District> districts;
    private static byte[] geoJson;
    private static List<String[]> points;

    @BeforeAll
    static void read() throws IOException {
        geoJson = resource("real/beijing-districts-gcj02.geojson").readAllBytes();
        districts = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(geoJson).get("features")) {
            JsonNode g = f.get("geometry");
            List<double[]> xs = new ArrayList<>();
            List<double[]> ys = new ArrayList<>();
            JsonNode polygons = g.get("type").asText().equals("Polygon")
                    ? new ObjectMapper().createArrayNode().add(g.get("coordinates"))
                    : g.get("coordinates");
            for (JsonNode polygon : polygons) {
                for (JsonNode ring : polygon) {
                    double[] x = new double[ring.size()];
                    double[] y = new double[ring.size()];
                    for (int i = 0; i < ring.size(); i++) {
                        // the grid file is GCJ-02: its vertices are converted the way --grids-crs GCJ02 does
                        double[] w = CoordinateTransform.toWgs84(
                                Crs.GCJ02,
                                ring.get(i).get(0).asDouble(),
                                ring.get(i).get(1).asDouble());
                        x[i] = w[0];
                        y[i] = w[1];
                    }
                    xs.add(x);
                    ys.add(y);
                }
            }
            districts.add(new District(f.get("properties").get("code").asText(), xs, ys));
        }
        points = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(resource("real/beijing-bus-route-points-bd09.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                points.add(line.split(","));
            }
        }
    }

    @Test
    void assignmentAgreesWithRayCastingForEveryPointNotWithinAMetreOfABorder() {
        GridSet grids = GridSet.load(geoJson, Crs.GCJ02);
        assertThat(grids.size()).isEqualTo(16);
        // The published rings are quantised to 1/1024 degree, and 11 of the 16 self-intersect: loading
        // repairs them (JTS GeometryFixer) and says so. The checker therefore runs on the rings as loaded
        // (converted and repaired); the raw published rings are checked too, below.
        List<District> loaded =
                grids.grids().stream().map(RealDataAgreementTest::rings).toList();
        Set<String> repaired = new HashSet<>();
        for (String r : grids.repairs()) {
            repaired.add(r.replaceAll(".*\\(code=([^)]*)\\).*", "$1"));
        }
        GridIndex fast = GridIndex.of(grids);
        GridIndex baseline = GridIndex.baseline(grids);
        int compared = 0;
        int nearBorder = 0;
        int inside = 0;
        int rawDisagreements = 0;
        List<String> disagreements = new ArrayList<>();
        for (String[] p : points) {
            double lon = Double.parseDouble(p[1]);
            double lat = Double.parseDouble(p[2]);
            // points are BD-09: converted as --crs BD09 does before lookup
            double[] w = CoordinateTransform.toWgs84(Crs.BD09, lon, lat);
            String got = fast.locate(Crs.BD09, lon, lat);
            assertThat(got).as("raster vs baseline at %s", p[0]).isEqualTo(baseline.locate(Crs.BD09, lon, lat));
            if (Math.min(metresToNearestBorder(districts, w[0], w[1]), metresToNearestBorder(loaded, w[0], w[1]))
                    < 1.0) {
                nearBorder++;
                continue;
            }
            String want = rayCast(loaded, w[0], w[1]);
            String raw = rayCast(districts, w[0], w[1]);
            if (!raw.equals(got)) {
                // even-odd on a self-intersecting published ring differs from the repaired area only there
                assertThat(repaired)
                        .as("raw rings disagree at %s: %s vs %s", p[0], raw, got)
                        .contains(raw, got);
                rawDisagreements++;
            }
            compared++;
            if (!want.isEmpty()) {
                inside++;
            }
            if (!want.equals(got)) {
                disagreements.add(
                        p[0] + " (" + lon + "," + lat + "): ray casting \"" + want + "\", index \"" + got + "\"");
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(rawDisagreements).isLessThan(compared / 1000);
        assertThat(compared + nearBorder).isEqualTo(points.size());
        // the data really exercises the index: most points are compared, most of those inside a district,
        // and the points spread over many districts
        assertThat(compared).isGreaterThan(points.size() * 99 / 100);
        assertThat(inside).isGreaterThan(compared * 9 / 10);
        assertThat(points.stream()
                        .map(p -> fast.locate(Crs.BD09, Double.parseDouble(p[1]), Double.parseDouble(p[2])))
                        .distinct()
                        .count())
                .isGreaterThanOrEqualTo(10);
    }

    @Test
    void theOffsetMattersOnThisData() {
        // taking the BD-09 numbers as WGS84 would move points by hundreds of metres: some change district
        GridIndex index = GridIndex.of(GridSet.load(geoJson, Crs.GCJ02));
        long changed = points.stream()
                .filter(p -> {
                    double lon = Double.parseDouble(p[1]);
                    double lat = Double.parseDouble(p[2]);
                    return !index.locate(Crs.BD09, lon, lat).equals(index.locate(lon, lat));
                })
                .count();
        assertThat(changed).isPositive();
    }

    /** Even-odd ray casting to the east; the smallest code of the districts that contain the point. */
    private static String rayCast(List<District> rings, double x, double y) {
        String best = "";
        for (District d : rings) {
            boolean in = false;
            for (int r = 0; r < d.xs().size(); r++) {
                double[] xs = d.xs().get(r);
                double[] ys = d.ys().get(r);
                for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
                    if ((ys[i] > y) != (ys[j] > y)) {
                        double xCross = xs[j] + (y - ys[j]) * (xs[i] - xs[j]) / (ys[i] - ys[j]);
                        if (x < xCross) {
                            in = !in;
                        }
                    }
                }
            }
            if (in && (best.isEmpty() || d.code().compareTo(best) < 0)) {
                best = d.code();
            }
        }
        return best;
    }

    /** The rings of a loaded grid (every polygon's shell and holes), as plain coordinate arrays. */
    private static District rings(Grid g) {
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        Geometry geom = g.geometry();
        for (int p = 0; p < geom.getNumGeometries(); p++) {
            Polygon polygon = (Polygon) geom.getGeometryN(p);
            for (int r = -1; r < polygon.getNumInteriorRing(); r++) {
                Coordinate[] cs = (r < 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r)).getCoordinates();
                double[] x = new double[cs.length];
                double[] y = new double[cs.length];
                for (int i = 0; i < cs.length; i++) {
                    x[i] = cs[i].x;
                    y[i] = cs[i].y;
                }
                xs.add(x);
                ys.add(y);
            }
        }
        return new District(g.code(), xs, ys);
    }

    /** Metres from the point to the nearest edge of any ring, on a local equirectangular projection. */
    private static double metresToNearestBorder(List<District> rings, double x, double y) {
        double mPerDegLat = Math.toRadians(1) * EARTH_RADIUS_M;
        double mPerDegLon = mPerDegLat * Math.cos(Math.toRadians(y));
        double best = Double.MAX_VALUE;
        double margin = 0.001; // about 100 m: edges farther than that cannot be the nearest within a metre
        for (District d : rings) {
            for (int r = 0; r < d.xs().size(); r++) {
                double[] xs = d.xs().get(r);
                double[] ys = d.ys().get(r);
                for (int i = 1; i < xs.length; i++) {
                    if (x < Math.min(xs[i - 1], xs[i]) - margin
                            || x > Math.max(xs[i - 1], xs[i]) + margin
                            || y < Math.min(ys[i - 1], ys[i]) - margin
                            || y > Math.max(ys[i - 1], ys[i]) + margin) {
                        continue;
                    }
                    double ax = (xs[i - 1] - x) * mPerDegLon;
                    double ay = (ys[i - 1] - y) * mPerDegLat;
                    double bx = (xs[i] - x) * mPerDegLon;
                    double by = (ys[i] - y) * mPerDegLat;
                    double dx = bx - ax;
                    double dy = by - ay;
                    double len2 = dx * dx + dy * dy;
                    double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
                    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
                }
            }
        }
        return best;
    }

    private static InputStream resource(String name) {
        InputStream in = RealDataAgreementTest.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return in;
    }
}

package io.gridpulse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * A case feed for the indicator test, written without the production classes: cases reported
 * over {@code [from, to)} with every workflow path of contracts.md (returns, a RETURNED naming
 * another department, redispatch, rework with and without a new deadline, postponement before
 * and after disposal, suspension resumed or still running, stray events with no open dispatch,
 * repeated REPORTED), explicit and catalogue deadlines over every category (so every limit unit),
 * WGS84 and GCJ-02 coordinates, points outside every grid. Each report's point is placed well
 * inside a chosen grid (at least ~20 m from its border), so the generator knows the grid the
 * report must land in. Deterministic for a seed.
 */
final class CaseFeedGenerator {

    static final List<String> SOURCES =
            List.of("INSPECTOR", "HOTLINE_12345", "HOTLINE_12319", "VIDEO", "PUBLIC_APP", "DRONE", "SENSOR");
    private static final ZoneOffset CST = ZoneOffset.ofHours(8);
    private static final long MIN = 60_000L;
    private static final long HOUR = 60 * MIN;
    private static final double MARGIN_DEG = 0.0002;

    /** One generated event: its line and, for a REPORTED, the grid its point is in ('' outside). */
    record Line(String eventId, long time, String json) {}

    /** The feed in event-time order, and the grid of every REPORTED by eventId. */
    record Feed(List<Line> events, Map<String, String> gridOfReport) {}

    private record Cat(String code, String department) {}

    private record Place(String grid, double lon, double lat) {}

    private final ObjectMapper json = new ObjectMapper();
    private final Random rnd;
    private final List<Cat> categories = new ArrayList<>();
    private final List<String> departments = new ArrayList<>();
    private final List<Place> places = new ArrayList<>();
    private final long horizon;

    /**
     * @param horizon no event is generated after it (keeps every time well before the wall clock)
     */
    CaseFeedGenerator(Path city, long seed, long horizon) throws IOException {
        this.rnd = new Random(seed);
        this.horizon = horizon;
        List<String> catalog = Files.readAllLines(city.resolve("catalog.csv"));
        for (String l : catalog.subList(1, catalog.size())) {
            String[] f = l.split(",", -1);
            categories.add(new Cat(f[0], f.length > 6 ? f[6] : ""));
        }
        List<String> depts = Files.readAllLines(city.resolve("departments.csv"));
        for (String l : depts.subList(1, depts.size())) {
            departments.add(l.split(",", -1)[0]);
        }
        readPlaces(json.readTree(city.resolve("grids.geojson").toFile()));
    }

    private void readPlaces(JsonNode grids) {
        GeometryFactory gf = new GeometryFactory();
        for (JsonNode f : grids.get("features")) {
            String code = f.get("properties").get("code").asText();
            JsonNode g = f.get("geometry");
            List<Polygon> polys = new ArrayList<>();
            if (g.get("type").asText().equals("Polygon")) {
                polys.add(polygon(gf, g.get("coordinates")));
            } else {
                for (JsonNode p : g.get("coordinates")) {
                    polys.add(polygon(gf, p));
                }
            }
            Geometry geom = gf.createMultiPolygon(polys.toArray(Polygon[]::new));
            var env = geom.getEnvelopeInternal();
            for (int tries = 0, found = 0; tries < 40 && found < 3; tries++) {
                double lon = env.getMinX() + rnd.nextDouble() * env.getWidth();
                double lat = env.getMinY() + rnd.nextDouble() * env.getHeight();
                Point p = gf.createPoint(new Coordinate(lon, lat));
                if (geom.contains(p) && geom.getBoundary().distance(p) > MARGIN_DEG) {
                    places.add(new Place(code, round6(lon), round6(lat)));
                    found++;
                }
            }
        }
        if (places.isEmpty()) {
            throw new IllegalStateException("no grid has room for a point 20 m inside its border");
        }
    }

    private static Polygon polygon(GeometryFactory gf, JsonNode rings) {
        LinearRing shell = ring(gf, rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(gf, rings.get(i));
        }
        return gf.createPolygon(shell, holes);
    }

    private static LinearRing ring(GeometryFactory gf, JsonNode pts) {
        Coordinate[] c = new Coordinate[pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            c[i] = new Coordinate(
                    pts.get(i).get(0).asDouble(), pts.get(i).get(1).asDouble());
        }
        return gf.createLinearRing(c);
    }

    /** {@code cases} cases reported uniformly over [from, to), in event-time order. */
    Feed generate(int cases, long from, long to) {
        List<Line> out = new ArrayList<>();
        Map<String, String> grids = new HashMap<>();
        for (int i = 0; i < cases; i++) {
            String caseId = String.format("IT%06d", i);
            long t = from + (long) (rnd.nextDouble() * (to - from)) / 1000 * 1000;
            new CaseWriter(caseId, out, grids).write(t);
        }
        out.sort((a, b) -> Long.compare(a.time(), b.time()));
        return new Feed(out, grids);
    }

    /** Writes one case's events. */
    private final class CaseWriter {
        final String caseId;
        final List<Line> out;
        final Map<String, String> grids;
        int seq;
        final Cat cat;

        CaseWriter(String caseId, List<Line> out, Map<String, String> grids) {
            this.caseId = caseId;
            this.out = out;
            this.grids = grids;
            this.cat = categories.get(rnd.nextInt(categories.size()));
        }

        void write(long t) {
            report(t, cat, "01");
            if (chance(0.05)) {
                // a later report of the same case: ignored by the indicators
                report(t + minutes(1, 120), categories.get(rnd.nextInt(categories.size())), "R2");
            }
            if (chance(0.02)) {
                // a report at the very same instant whose eventId sorts after: the tie goes to "01"
                report(t, categories.get(rnd.nextInt(categories.size())), "R3");
            }
            t += minutes(3, 40);
            if (chance(0.85)) {
                emit("VERIFIED", t, n -> n.put("inspectorId", inspector()));
            }
            if (chance(0.05)) {
                emit("CANCELLED", t + minutes(5, 60), n -> {});
                return;
            }
            t += minutes(5, 60);
            if (chance(0.04)) {
                return; // reported, never registered
            }
            emit("REGISTERED", t, n -> {});
            if (chance(0.02)) {
                emit("DISPOSED", t + minutes(1, 10), n -> {}); // no dispatch open: ignored
            }
            if (chance(0.03)) {
                emit("CANCELLED", t + minutes(10, 600), n -> {});
                return;
            }
            if (chance(0.05)) {
                emit("SUPERVISED", t + minutes(30, 3000), n -> {});
            }
            String dept = cat.department().isEmpty() ? anyDepartment() : cat.department();
            for (int d = 0; d < 3; d++) {
                t += minutes(5, 90);
                long dispatchedAt = t;
                String to = dept;
                Long explicit = chance(0.2) ? t + minutes(120, 72 * 60) : null;
                emit("DISPATCHED", t, n -> {
                    n.put("department", to);
                    if (explicit != null) {
                        n.put("deadline", iso(explicit));
                    }
                });
                double r = rnd.nextDouble();
                if (r < 0.10 && d < 2) {
                    t += minutes(10, 1440);
                    emit("RETURNED", t, n -> n.put("department", to));
                    dept = otherDepartment(dept);
                    continue;
                }
                if (r < 0.14 && d < 2) {
                    t += minutes(30, 2880);
                    if (chance(0.5)) {
                        emit("DISPOSED", t - minutes(1, 20), n -> {}); // disposed, then redispatched anyway
                    }
                    dept = otherDepartment(dept);
                    continue; // redispatched without a return
                }
                if (r < 0.18) {
                    emit("RETURNED", t + minutes(5, 300), n -> n.put("department", otherDepartment(to)));
                }
                flow(dispatchedAt);
                return;
            }
        }

        /** The life of the dispatch that is not returned or redispatched. */
        private void flow(long t) {
            if (chance(0.07)) {
                t += minutes(10, 1440);
                emit("SUSPENDED", t, n -> {});
                if (chance(0.3)) {
                    return; // parked until the end
                }
                if (chance(0.3)) {
                    long pp = t + minutes(10, 600);
                    emit("POSTPONED", pp, n -> n.put("deadline", iso(pp + minutes(600, 4000))));
                }
                t += minutes(60, 5 * 1440);
                emit("RESUMED", t, n -> {});
            }
            if (chance(0.12)) {
                t += minutes(30, 1440);
                long pp = t;
                emit("POSTPONED", pp, n -> n.put("deadline", iso(pp + minutes(600, 5 * 1440))));
            }
            if (chance(0.12)) {
                return; // never disposed: open, perhaps overdue at the as-of time
            }
            t += disposalDelay();
            emit("DISPOSED", t, n -> {});
            if (chance(0.03)) {
                t += minutes(10, 300);
                emit("DISPOSED", t, n -> {}); // a second report of disposal moves the disposal time
            }
            if (chance(0.03)) {
                long pp = t + minutes(5, 60);
                emit("POSTPONED", pp, n -> n.put("deadline", iso(pp + minutes(600, 3000)))); // after disposal
            }
            t += minutes(30, 360);
            emit("CHECKED", t, n -> n.put("inspectorId", inspector()));
            int reworks = chance(0.12) ? (chance(0.2) ? 2 : 1) : 0;
            for (int i = 0; i < reworks; i++) {
                t += minutes(5, 60);
                long rw = t;
                boolean withDeadline = chance(0.5);
                emit("REWORK", rw, n -> {
                    if (withDeadline) {
                        n.put("deadline", iso(rw + minutes(240, 3 * 1440)));
                    }
                });
                if (chance(0.15)) {
                    if (chance(0.5)) {
                        // ended while reworked: it had a disposal, so it stays due, not disposed
                        emit(chance(0.5) ? "CANCELLED" : "CLOSED", t + minutes(60, 3000), n -> {});
                    }
                    return; // reworked, not disposed again
                }
                t += disposalDelay();
                emit("DISPOSED", t, n -> {});
                t += minutes(30, 360);
                emit("CHECKED", t, n -> n.put("inspectorId", inspector()));
            }
            if (chance(0.08)) {
                return; // checked, not closed yet
            }
            t += minutes(10, 600);
            emit("CLOSED", t, n -> {});
            if (chance(0.02)) {
                emit("DISPOSED", t + minutes(10, 600), n -> {}); // after the close: no dispatch open
            }
        }

        private long disposalDelay() {
            // mostly within a working day or two, a tail of late ones
            return chance(0.75) ? minutes(20, 1800) : minutes(1800, 9000);
        }

        private void report(long t, Cat c, String suffix) {
            String source = SOURCES.get(rnd.nextInt(SOURCES.size()));
            boolean outside = chance(0.04);
            Place p = outside
                    ? new Place("", round6(100 + rnd.nextDouble()), round6(30 + rnd.nextDouble()))
                    : places.get(rnd.nextInt(places.size()));
            double r = rnd.nextDouble();
            String crs = r < 0.35 ? "GCJ02" : r < 0.85 ? "WGS84" : null;
            double[] xy = "GCJ02".equals(crs) ? Gcj02.fromWgs84(p.lon(), p.lat()) : new double[] {p.lon(), p.lat()};
            String eventId = caseId + "-" + suffix;
            grids.put(eventId, p.grid());
            emit(eventId, "REPORTED", t, n -> {
                n.put("source", source);
                n.put("categoryCode", c.code());
                n.put("lon", xy[0]);
                n.put("lat", xy[1]);
                if (crs != null) {
                    n.put("crs", crs);
                }
                if (source.equals("INSPECTOR")) {
                    n.put("inspectorId", inspector());
                }
            });
        }

        private void emit(String type, long t, java.util.function.Consumer<ObjectNode> fields) {
            emit(caseId + "-" + String.format("%02d", ++seq + 1), type, t, fields);
        }

        private void emit(String eventId, String type, long t, java.util.function.Consumer<ObjectNode> fields) {
            if (t > horizon) {
                return;
            }
            ObjectNode n = json.createObjectNode();
            n.put("eventId", eventId);
            n.put("caseId", caseId);
            n.put("type", type);
            n.put("time", iso(t));
            fields.accept(n);
            out.add(new Line(eventId, t, n.toString()));
        }
    }

    private String inspector() {
        return String.format("INS%02d", rnd.nextInt(40));
    }

    private String anyDepartment() {
        return departments.get(rnd.nextInt(departments.size()));
    }

    private String otherDepartment(String d) {
        String o;
        do {
            o = anyDepartment();
        } while (o.equals(d) && departments.size() > 1);
        return o;
    }

    private boolean chance(double p) {
        return rnd.nextDouble() < p;
    }

    private long minutes(int min, int max) {
        return (min + rnd.nextInt(max - min + 1)) * MIN + rnd.nextInt(60) * 1000L;
    }

    static String iso(long t) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(t), CST).toString();
    }

    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /**
     * The order a feed arrives in: the lines in event-time order, then a share moved far later
     * (late events), neighbours swapped (disorder), and a share sent twice byte-identical.
     */
    static List<String> deliver(List<Line> events, long seed, double lateShare, double duplicateShare) {
        Random r = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (Line l : events) {
            lines.add(l.json());
        }
        int n = lines.size();
        for (int i = 0; i < n * lateShare; i++) {
            int from = r.nextInt(lines.size());
            String l = lines.remove(from);
            int to = Math.min(lines.size(), from + r.nextInt(Math.max(1, n / 5)));
            lines.add(to, l);
        }
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            if (r.nextDouble() < 0.3) {
                Collections.swap(lines, i, i + 1);
            }
        }
        for (int i = 0; i < n * duplicateShare; i++) {
            String l = lines.get(r.nextInt(lines.size()));
            lines.add(r.nextInt(lines.size() + 1), l);
        }
        return lines;
    }

    /**
     * The published WGS84 -> GCJ-02 formula (the offset of Chinese web maps), written here so the
     * test does not lean on the production conversion it checks.
     */
    static final class Gcj02 {
        private static final double A = 6378245.0;
        private static final double EE = 0.00669342162296594323;

        private Gcj02() {}

        static double[] fromWgs84(double lon, double lat) {
            double x = lon - 105.0;
            double y = lat - 35.0;
            double dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
            dLat += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
            dLat += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
            dLat += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
            double dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
            dLon += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
            dLon += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
            dLon += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
            double radLat = lat / 180.0 * Math.PI;
            double magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
            double sqrtMagic = Math.sqrt(magic);
            dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
            dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
            return new double[] {lon + dLon, lat + dLat};
        }
    }
}

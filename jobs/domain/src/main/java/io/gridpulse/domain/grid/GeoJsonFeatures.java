package io.gridpulse.domain.grid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.domain.geo.CoordinateTransform;
import io.gridpulse.domain.geo.Crs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads a GeoJSON FeatureCollection (RFC 7946) into {@link GeoFeature}s, converting every vertex
 * from the file's coordinate system to WGS84 (most Chinese GeoJSON sources are GCJ-02). Reads
 * Point, MultiPoint, LineString, MultiLineString, Polygon (with holes) and MultiPolygon; used for
 * unit grids and for zones alike.
 *
 * <p>Lenient only where a repair is obvious and recorded: a ring that is not closed is closed, a
 * ring with fewer than 4 positions is left out, and both are listed in {@link
 * GeoFeature#ringDefects()} so that {@link GridCheck} can report them. Everything else that is
 * wrong (not JSON, a position that is not two finite numbers, an unknown geometry type, a missing
 * geometry) fails with an {@link IllegalArgumentException} that names the feature by its index and
 * its {@code code} or {@code id} property. Stateless and thread-safe.
 */
public final class GeoJsonFeatures {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private GeoJsonFeatures() {}

    /** The shared geometry factory (floating precision, SRID 0) of every geometry read here. */
    public static GeometryFactory factory() {
        return FACTORY;
    }

    /** Reads a FeatureCollection whose coordinates are in {@code crs}. */
    public static List<GeoFeature> read(byte[] geoJson, Crs crs) {
        JsonNode root;
        try {
            root = MAPPER.readTree(geoJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("GeoJSON is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("GeoJSON cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("GeoJSON must be a JSON object (a FeatureCollection)");
        }
        if (!"FeatureCollection".equals(root.path("type").asText(null))) {
            throw new IllegalArgumentException("GeoJSON type must be FeatureCollection, got " + root.path("type"));
        }
        JsonNode features = root.get("features");
        if (features == null || !features.isArray()) {
            throw new IllegalArgumentException("GeoJSON FeatureCollection has no \"features\" array");
        }
        List<GeoFeature> out = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            out.add(readFeature(i, features.get(i), crs));
        }
        return out;
    }

    private static GeoFeature readFeature(int index, JsonNode feature, Crs crs) {
        if (!feature.isObject()) {
            throw new IllegalArgumentException("feature " + index + " is not a JSON object");
        }
        Map<String, Object> properties = properties(index, feature.get("properties"));
        String label = GeoFeature.label(index, properties);
        if (!"Feature".equals(feature.path("type").asText(null))) {
            throw new IllegalArgumentException(label + ": type must be Feature, got " + feature.path("type"));
        }
        JsonNode geometry = feature.get("geometry");
        if (geometry == null || geometry.isNull()) {
            throw new IllegalArgumentException(label + ": geometry is missing");
        }
        List<RingDefect> defects = new ArrayList<>();
        try {
            Geometry g = new Reader(crs, defects).geometry(geometry);
            return new GeoFeature(index, properties, g, defects);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(int index, JsonNode node) {
        if (node == null || node.isNull()) {
            return Collections.emptyMap();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("feature " + index + ": properties must be an object or null");
        }
        return MAPPER.convertValue(node, LinkedHashMap.class);
    }

    /** Reads one geometry; collects ring defects of the feature it belongs to. */
    private static final class Reader {
        private final Crs crs;
        private final List<RingDefect> defects;

        Reader(Crs crs, List<RingDefect> defects) {
            this.crs = crs;
            this.defects = defects;
        }

        Geometry geometry(JsonNode g) {
            if (!g.isObject()) {
                throw new IllegalArgumentException("geometry must be an object");
            }
            String type = g.path("type").asText("");
            if (type.equals("GeometryCollection")) {
                throw new IllegalArgumentException("GeometryCollection is not supported");
            }
            JsonNode c = g.get("coordinates");
            if (c == null || !c.isArray()) {
                throw new IllegalArgumentException(type + " has no \"coordinates\" array");
            }
            return switch (type) {
                case "Point" -> point(c);
                case "MultiPoint" ->
                    FACTORY.createMultiPoint(each(c, "MultiPoint", this::point).toArray(new Point[0]));
                case "LineString" -> line(c, "LineString");
                case "MultiLineString" ->
                    FACTORY.createMultiLineString(each(c, "MultiLineString", n -> line(n, "MultiLineString member"))
                            .toArray(new LineString[0]));
                case "Polygon" -> polygonOrEmpty(c, 0);
                case "MultiPolygon" -> {
                    List<Polygon> polygons = new ArrayList<>();
                    for (int i = 0; i < c.size(); i++) {
                        Polygon p = polygonOrEmpty(c.get(i), i);
                        if (!p.isEmpty()) {
                            polygons.add(p);
                        }
                    }
                    yield FACTORY.createMultiPolygon(polygons.toArray(new Polygon[0]));
                }
                default -> throw new IllegalArgumentException("unknown geometry type \"" + type + "\"");
            };
        }

        private <T> List<T> each(JsonNode array, String what, java.util.function.Function<JsonNode, T> f) {
            List<T> out = new ArrayList<>(array.size());
            for (JsonNode n : array) {
                out.add(f.apply(n));
            }
            return out;
        }

        private Point point(JsonNode position) {
            return FACTORY.createPoint(position(position));
        }

        private LineString line(JsonNode positions, String what) {
            Coordinate[] cs = positions(positions, what);
            if (cs.length < 2) {
                throw new IllegalArgumentException(what + " needs at least 2 positions, has " + cs.length);
            }
            return FACTORY.createLineString(cs);
        }

        /** A polygon; an empty one when its shell had to be left out. */
        private Polygon polygonOrEmpty(JsonNode rings, int polygonIndex) {
            if (!rings.isArray()) {
                throw new IllegalArgumentException("polygon " + polygonIndex + " must be an array of rings");
            }
            if (rings.isEmpty()) {
                return FACTORY.createPolygon();
            }
            LinearRing shell = ring(rings.get(0), polygonIndex, 0);
            if (shell == null) {
                return FACTORY.createPolygon();
            }
            List<LinearRing> holes = new ArrayList<>();
            for (int r = 1; r < rings.size(); r++) {
                LinearRing hole = ring(rings.get(r), polygonIndex, r);
                if (hole != null) {
                    holes.add(hole);
                }
            }
            return FACTORY.createPolygon(shell, holes.toArray(new LinearRing[0]));
        }

        private LinearRing ring(JsonNode positions, int polygonIndex, int ringIndex) {
            String name = "polygon " + polygonIndex + " ring " + ringIndex;
            Coordinate[] cs = positions(positions, name);
            if (cs.length == 0) {
                defects.add(new RingDefect(RingDefect.Kind.TOO_FEW_POINTS, name, Double.NaN, Double.NaN));
                return null;
            }
            if (!cs[0].equals2D(cs[cs.length - 1])) {
                defects.add(new RingDefect(RingDefect.Kind.UNCLOSED, name, cs[0].x, cs[0].y));
                Coordinate[] closed = java.util.Arrays.copyOf(cs, cs.length + 1);
                closed[cs.length] = cs[0].copy();
                cs = closed;
            }
            if (cs.length < 4) {
                defects.add(new RingDefect(RingDefect.Kind.TOO_FEW_POINTS, name, cs[0].x, cs[0].y));
                return null;
            }
            return FACTORY.createLinearRing(cs);
        }

        private Coordinate[] positions(JsonNode positions, String what) {
            if (!positions.isArray()) {
                throw new IllegalArgumentException(what + " must be an array of positions");
            }
            Coordinate[] cs = new Coordinate[positions.size()];
            for (int i = 0; i < cs.length; i++) {
                try {
                    cs[i] = position(positions.get(i));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(what + " position " + i + ": " + e.getMessage(), e);
                }
            }
            return cs;
        }

        private Coordinate position(JsonNode p) {
            if (!p.isArray()
                    || p.size() < 2
                    || !p.get(0).isNumber()
                    || !p.get(1).isNumber()) {
                throw new IllegalArgumentException("a position must be [lon, lat] numbers, got " + p);
            }
            double lon = p.get(0).doubleValue();
            double lat = p.get(1).doubleValue();
            if (!Double.isFinite(lon) || !Double.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
                throw new IllegalArgumentException("position out of range: " + p);
            }
            double[] wgs = CoordinateTransform.toWgs84(crs, lon, lat);
            return new Coordinate(wgs[0], wgs[1]);
        }
    }
}

package io.gridpulse.demo.city;

import io.gridpulse.demo.feed.JsonText;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/** Writes GeoJSON features of (Multi)Polygons in WGS84 with 7 decimals (about a centimetre). Stateless. */
public final class GeoJson {

    private GeoJson() {}

    /** One feature; {@code properties} values are written as strings. {@code g} is already in lon/lat. */
    public static void feature(StringBuilder sb, Geometry g, Map<String, String> properties) {
        sb.append("{\"type\":\"Feature\",\"properties\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            JsonText.string(sb, e.getKey());
            sb.append(':');
            JsonText.string(sb, e.getValue());
        }
        sb.append("},\"geometry\":");
        if (g instanceof Polygon p) {
            sb.append("{\"type\":\"Polygon\",\"coordinates\":");
            polygon(sb, p);
        } else {
            sb.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                polygon(sb, (Polygon) g.getGeometryN(i));
            }
            sb.append(']');
        }
        sb.append("}}");
    }

    private static void polygon(StringBuilder sb, Polygon p) {
        sb.append('[');
        ring(sb, p.getExteriorRing());
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            sb.append(',');
            ring(sb, p.getInteriorRingN(i));
        }
        sb.append(']');
    }

    private static void ring(StringBuilder sb, LineString ring) {
        sb.append('[');
        Coordinate[] cs = ring.getCoordinates();
        for (int i = 0; i < cs.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('[');
            JsonText.fixed(sb, cs[i].x, 7);
            sb.append(',');
            JsonText.fixed(sb, cs[i].y, 7);
            sb.append(']');
        }
        sb.append(']');
    }
}

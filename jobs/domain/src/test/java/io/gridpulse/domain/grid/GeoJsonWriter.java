package io.gridpulse.domain.grid;

import io.gridpulse.domain.geo.CoordinateTransform;
import io.gridpulse.domain.geo.Crs;
import java.nio.charset.StandardCharsets;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/** Test helper: writes grids as a GeoJSON FeatureCollection with coordinates in a given system. */
final class GeoJsonWriter {

    private GeoJsonWriter() {}

    static byte[] write(GridSet grids, Crs crs) {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        for (Grid g : grids.grids()) {
            sb.append(first ? "" : ",");
            first = false;
            sb.append("{\"type\":\"Feature\",\"properties\":{\"code\":\"")
                    .append(g.code())
                    .append("\",\"name\":\"")
                    .append(g.name())
                    .append("\",\"community\":\"")
                    .append(g.community())
                    .append("\",\"street\":\"")
                    .append(g.street())
                    .append("\",\"district\":\"")
                    .append(g.district())
                    .append("\"},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[");
            Geometry geom = g.geometry();
            for (int p = 0; p < geom.getNumGeometries(); p++) {
                Polygon poly = (Polygon) geom.getGeometryN(p);
                sb.append(p == 0 ? "[" : ",[");
                ring(sb, poly.getExteriorRing(), crs);
                for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                    sb.append(',');
                    ring(sb, poly.getInteriorRingN(h), crs);
                }
                sb.append(']');
            }
            sb.append("]}}");
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void ring(StringBuilder sb, LineString ring, Crs crs) {
        sb.append('[');
        Coordinate[] cs = ring.getCoordinates();
        for (int i = 0; i < cs.length; i++) {
            double[] c = CoordinateTransform.fromWgs84(crs, cs[i].x, cs[i].y);
            sb.append(i == 0 ? "[" : ",[").append(c[0]).append(',').append(c[1]).append(']');
        }
        sb.append(']');
    }
}

package io.gridpulse.flink.vehicles;

import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.model.VehiclePosition;
import io.gridpulse.domain.model.VehicleType;
import io.gridpulse.flink.common.Located;
import io.gridpulse.flink.common.ReferenceData;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/**
 * A tiny city for the fleet tests: two grids side by side (G1 west of lon 120.01, G2 east), a
 * restricted zone R1 (22:00-06:00) over the north half of G2 and a disposal site D1 in the south
 * of G1.
 */
public final class FleetFixtures {

    private FleetFixtures() {}

    public static final double M = 1.0 / 111_195; // degrees of latitude per metre

    static String square(String props, double x, double y, double dx, double dy) {
        return "{\"type\":\"Feature\",\"properties\":{" + props + "},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[" + x + "," + y + "],[" + (x + dx) + "," + y + "],[" + (x + dx) + ","
                + (y + dy) + "],[" + x + "," + (y + dy) + "],[" + x + "," + y + "]]]}}";
    }

    static byte[] collection(String... f) {
        return ("{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", f) + "]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static ReferenceData reference(String sensorRules, String sensors) {
        return new ReferenceData(
                collection(
                        square("\"code\":\"G1\"", 120.00, 30.00, 0.01, 0.02),
                        square("\"code\":\"G2\"", 120.01, 30.00, 0.01, 0.02)),
                Crs.WGS84,
                "code,kind,major,minor,name,limit\n10302,EVENT,a,b,c,2h\n".getBytes(StandardCharsets.UTF_8),
                null,
                null,
                null,
                sensors == null ? null : sensors.getBytes(StandardCharsets.UTF_8),
                collection(
                        square(
                                "\"id\":\"R1\",\"type\":\"RESTRICTED\",\"hours\":\"22:00-06:00\"",
                                120.01,
                                30.01,
                                0.01,
                                0.01),
                        square("\"id\":\"D1\",\"type\":\"DISPOSAL_SITE\"", 120.001, 30.001, 0.004, 0.004)),
                sensorRules == null ? null : sensorRules.getBytes(StandardCharsets.UTF_8));
    }

    public static long at(String local) {
        return OffsetDateTime.parse(local + "+08:00").toInstant().toEpochMilli();
    }

    public static PositionRow position(String vehicle, VehicleType type, long t, double lon, double lat, Double speed) {
        String grid = lon < 120.0 || lon > 120.02 || lat < 30 || lat > 30.02 ? "" : lon < 120.01 ? "G1" : "G2";
        return new PositionRow(
                new VehiclePosition(vehicle, t, lon, lat, null, speed, null, type, null),
                type.name(),
                new Located(lon, lat, grid, "", "", ""),
                0);
    }
}

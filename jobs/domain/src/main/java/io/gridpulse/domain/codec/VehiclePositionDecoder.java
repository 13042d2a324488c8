package io.gridpulse.domain.codec;

import static io.gridpulse.domain.codec.Fields.enumValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.model.VehiclePosition;
import io.gridpulse.domain.model.VehicleType;

/**
 * Decodes the vehicle feed ({@code gridpulse.vehicles}): required {@code vehicleId}, {@code time},
 * {@code lon}, {@code lat}; optional {@code crs} (default WGS84), {@code speed} (km/h, finite,
 * {@code >= 0}), {@code heading} (degrees in [0, 360]), {@code vehicleType}, {@code plate}. A
 * speed or heading out of its range is UNKNOWN_VALUE (a value outside the field's domain).
 * Checks run in the order of {@link ReasonCode}'s contract (see {@link CaseEventDecoder}).
 * Immutable and thread-safe.
 */
public final class VehiclePositionDecoder implements FeedDecoder<VehiclePosition> {

    private static final String[] STRINGS = {"vehicleId", "time", "crs", "vehicleType", "plate"};
    private static final String[] COORDINATES = {"lon", "lat"};
    private static final String[] FINITE = {"speed", "heading"};

    @Override
    public Decoded<VehiclePosition> decode(byte[] raw, long wallClockMillis) {
        JsonRecord.Parsed parsed = JsonRecord.parse(raw);
        if (parsed.object() == null) {
            return parsed.rejection();
        }
        ObjectNode o = parsed.object();
        String detail = Fields.firstMissing(o, "vehicleId", "time", "lon", "lat");
        if (detail != null) {
            return Decoded.rejected(ReasonCode.MISSING_FIELD, detail);
        }
        detail = Fields.firstTypeError(o, STRINGS, COORDINATES, FINITE);
        if (detail != null) {
            return Decoded.rejected(ReasonCode.WRONG_TYPE, detail);
        }
        Decoded<Crs> crsOf = Fields.crs(o, true);
        if (!crsOf.isOk()) {
            return crsOf.asRejection();
        }
        Crs crs = crsOf.value();
        String typeText = Fields.text(o, "vehicleType");
        VehicleType type = typeText == null ? null : enumValue(VehicleType.class, typeText);
        if (typeText != null && type == null) {
            return Decoded.rejected(
                    ReasonCode.UNKNOWN_VALUE, Fields.unknownValue("vehicleType", typeText, VehicleType.class));
        }
        Double speed = Fields.number(o, "speed");
        if (speed != null && speed < 0) {
            return Decoded.rejected(ReasonCode.UNKNOWN_VALUE, "field 'speed' must be >= 0 km/h, got " + speed);
        }
        Double heading = Fields.number(o, "heading");
        if (heading != null && (heading < 0 || heading > 360)) {
            return Decoded.rejected(
                    ReasonCode.UNKNOWN_VALUE, "field 'heading' must be in [0, 360] degrees, got " + heading);
        }
        Decoded<Long> timeOf = Fields.timeThenCoordinates(o, wallClockMillis, true);
        if (!timeOf.isOk()) {
            return timeOf.asRejection();
        }
        long time = timeOf.value();
        double lon = o.get("lon").doubleValue();
        double lat = o.get("lat").doubleValue();
        return Decoded.ok(new VehiclePosition(
                Fields.text(o, "vehicleId"), time, lon, lat, crs, speed, heading, type, Fields.text(o, "plate")));
    }
}

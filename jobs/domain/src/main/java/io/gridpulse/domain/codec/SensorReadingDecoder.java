package io.gridpulse.domain.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.model.SensorReading;

/**
 * Decodes the sensor feed ({@code gridpulse.sensors}): required {@code sensorId}, {@code time},
 * {@code type} (any non-blank name), {@code value} (a finite JSON number); optional {@code unit},
 * {@code lon} with {@code lat} (both or neither), {@code crs}. Without a location the crs stays
 * null (the sensors reference file gives the place); with one it defaults to WGS84. Immutable and
 * thread-safe.
 */
public final class SensorReadingDecoder implements FeedDecoder<SensorReading> {

    private static final String[] STRINGS = {"sensorId", "time", "type", "unit", "crs"};
    private static final String[] COORDINATES = {"lon", "lat"};
    private static final String[] FINITE = {"value"};

    @Override
    public Decoded<SensorReading> decode(byte[] raw, long wallClockMillis) {
        JsonRecord.Parsed parsed = JsonRecord.parse(raw);
        if (parsed.object() == null) {
            return parsed.rejection();
        }
        ObjectNode o = parsed.object();
        String detail = Fields.firstMissing(o, "sensorId", "time", "type", "value");
        if (detail == null) {
            detail = Fields.halfLocation(o);
        }
        if (detail != null) {
            return Decoded.rejected(ReasonCode.MISSING_FIELD, detail);
        }
        detail = Fields.firstTypeError(o, STRINGS, COORDINATES, FINITE);
        if (detail != null) {
            return Decoded.rejected(ReasonCode.WRONG_TYPE, detail);
        }
        boolean located = Fields.present(o, "lon");
        Decoded<Crs> crsOf = Fields.crs(o, located);
        if (!crsOf.isOk()) {
            return crsOf.asRejection();
        }
        Crs crs = crsOf.value();
        Decoded<Long> timeOf = Fields.timeThenCoordinates(o, wallClockMillis, located);
        if (!timeOf.isOk()) {
            return timeOf.asRejection();
        }
        long time = timeOf.value();
        Double lon = Fields.number(o, "lon");
        Double lat = Fields.number(o, "lat");
        return Decoded.ok(new SensorReading(
                Fields.text(o, "sensorId"),
                time,
                Fields.text(o, "type"),
                o.get("value").doubleValue(),
                Fields.text(o, "unit"),
                lon,
                lat,
                crs));
    }
}

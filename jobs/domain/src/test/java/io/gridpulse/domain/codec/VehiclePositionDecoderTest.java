package io.gridpulse.domain.codec;

import static io.gridpulse.domain.codec.CodecFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.model.VehiclePosition;
import io.gridpulse.domain.model.VehicleType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VehiclePositionDecoderTest {

    @Test
    void positionIsDecoded() {
        VehiclePosition p = accepted(VEHICLES, VEHICLE);
        assertThat(p)
                .isEqualTo(new VehiclePosition(
                        "v1",
                        IsoTime.parseEpochMillis("2026-10-08T14:15:03Z"),
                        114.31,
                        30.59,
                        Crs.WGS84,
                        32.5,
                        270.0,
                        VehicleType.MUCK,
                        "鄂A12345"));
    }

    @Test
    void optionalFieldsMayBeAbsentOrNull() {
        VehiclePosition p = accepted(
                VEHICLES,
                "{'vehicleId':'v2','time':'2026-10-08T22:15:03Z','lon':114,'lat':30,'speed':null,'plate':null}");
        assertThat(p.speed()).isNull();
        assertThat(p.heading()).isNull();
        assertThat(p.vehicleType()).as("decided later from the vehicles file").isNull();
        assertThat(p.lon()).isEqualTo(114.0);
    }

    @Test
    void tooLarge() {
        byte[] big = new byte[JsonRecord.MAX_BYTES + 1];
        Arrays.fill(big, (byte) '[');
        rejected(VEHICLES, big, ReasonCode.TOO_LARGE);
    }

    @Test
    void badEncoding() {
        byte[] raw = record(VEHICLE);
        raw[0] = (byte) 0xFF;
        rejected(VEHICLES, raw, ReasonCode.BAD_ENCODING);
    }

    @Test
    void malformedJson() {
        rejected(VEHICLES, json(VEHICLE).replace(",", ";"), ReasonCode.MALFORMED_JSON);
        rejected(VEHICLES, json(VEHICLE).replace("{", "{'lon':1,"), ReasonCode.MALFORMED_JSON);
        rejected(VEHICLES, "[".repeat(5000), ReasonCode.MALFORMED_JSON);
    }

    @Test
    void notAnObject() {
        rejected(VEHICLES, "42", ReasonCode.NOT_AN_OBJECT);
    }

    @Test
    void missingField() {
        for (String f : new String[] {"vehicleId", "time", "lon", "lat"}) {
            assertThat(rejected(VEHICLES, with(VEHICLE, f, null), ReasonCode.MISSING_FIELD)
                            .detail())
                    .contains("'" + f + "'");
        }
        rejected(VEHICLES, with(VEHICLE, "vehicleId", "''"), ReasonCode.MISSING_FIELD);
        rejected(VEHICLES, with(VEHICLE, "lat", "null"), ReasonCode.MISSING_FIELD);
    }

    @Test
    void wrongTypeWithoutCoercion() {
        assertThat(rejected(VEHICLES, with(VEHICLE, "lat", "'30.59'"), ReasonCode.WRONG_TYPE)
                        .detail())
                .isEqualTo("field 'lat' must be a number, got a string");
        rejected(VEHICLES, with(VEHICLE, "speed", "'32.5'"), ReasonCode.WRONG_TYPE);
        rejected(VEHICLES, with(VEHICLE, "vehicleId", "1001"), ReasonCode.WRONG_TYPE);
        rejected(VEHICLES, with(VEHICLE, "lon", "[114.31]"), ReasonCode.WRONG_TYPE);
        rejected(VEHICLES, json(VEHICLE).replace("32.5", "NaN"), ReasonCode.WRONG_TYPE);
    }

    @Test
    void unknownValue() {
        rejected(VEHICLES, with(VEHICLE, "vehicleType", "'TANK'"), ReasonCode.UNKNOWN_VALUE);
        rejected(VEHICLES, with(VEHICLE, "crs", "'EPSG:4326'"), ReasonCode.UNKNOWN_VALUE);
        assertThat(rejected(VEHICLES, with(VEHICLE, "speed", "-0.1"), ReasonCode.UNKNOWN_VALUE)
                        .detail())
                .contains("'speed'");
        rejected(VEHICLES, with(VEHICLE, "heading", "360.5"), ReasonCode.UNKNOWN_VALUE);
        assertThat(accepted(VEHICLES, with(VEHICLE, "heading", "360")).heading())
                .isEqualTo(360.0);
    }

    @Test
    void badTime() {
        rejected(VEHICLES, with(VEHICLE, "time", "'2026-10-08T22:15:03'"), ReasonCode.BAD_TIME);
        rejected(VEHICLES, with(VEHICLE, "time", "'2026-10-08T22:15:03+0800'"), ReasonCode.BAD_TIME);
    }

    @Test
    void futureTime() {
        rejected(VEHICLES, with(VEHICLE, "time", "'2027-01-01T00:00:00Z'"), ReasonCode.FUTURE_TIME);
    }

    @Test
    void badCoordinates() {
        rejected(VEHICLES, with(VEHICLE, "lon", "-180.0001"), ReasonCode.BAD_COORDINATES);
        rejected(VEHICLES, with(VEHICLE, "lat", "91"), ReasonCode.BAD_COORDINATES);
        rejected(VEHICLES, json(VEHICLE).replace("114.31", "Infinity"), ReasonCode.BAD_COORDINATES);
        rejected(VEHICLES, json(VEHICLE).replace("30.59", "NaN"), ReasonCode.BAD_COORDINATES);
        assertThat(accepted(VEHICLES, with(with(VEHICLE, "lon", "-180"), "lat", "90"))
                        .lat())
                .isEqualTo(90.0);
    }
}

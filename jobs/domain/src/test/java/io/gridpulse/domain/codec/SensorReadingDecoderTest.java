package io.gridpulse.domain.codec;

import static io.gridpulse.domain.codec.CodecFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.model.SensorReading;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SensorReadingDecoderTest {

    @Test
    void readingIsDecoded() {
        SensorReading r = accepted(SENSORS, SENSOR);
        assertThat(r)
                .isEqualTo(new SensorReading(
                        "s1",
                        IsoTime.parseEpochMillis("2026-10-08T17:00:00+08:00"),
                        "BIN_FILL",
                        87.5,
                        "%",
                        null,
                        null,
                        null));
    }

    @Test
    void locatedReadingDefaultsToWgs84() {
        SensorReading r = accepted(SENSORS, with(with(SENSOR, "lon", "114.2"), "lat", "30.5"));
        assertThat(r.located()).isTrue();
        assertThat(r.crs()).isEqualTo(Crs.WGS84);
    }

    @Test
    void anyNonEmptyTypeName() {
        assertThat(accepted(SENSORS, with(SENSOR, "type", "'BRIDGE_STRAIN_东湖'")).type())
                .isEqualTo("BRIDGE_STRAIN_东湖");
    }

    @Test
    void tooLarge() {
        byte[] big = new byte[JsonRecord.MAX_BYTES + 1];
        Arrays.fill(big, (byte) 'x');
        rejected(SENSORS, big, ReasonCode.TOO_LARGE);
    }

    @Test
    void badEncoding() {
        byte[] raw = record(SENSOR);
        raw[raw.length - 1] = (byte) 0xE4; // a truncated three-byte character at the end
        rejected(SENSORS, raw, ReasonCode.BAD_ENCODING);
    }

    @Test
    void malformedJson() {
        rejected(SENSORS, json(SENSOR).substring(0, 20), ReasonCode.MALFORMED_JSON);
        rejected(SENSORS, json(SENSOR).replace("87.5", "87.5.1"), ReasonCode.MALFORMED_JSON);
    }

    @Test
    void notAnObject() {
        rejected(SENSORS, "true", ReasonCode.NOT_AN_OBJECT);
    }

    @Test
    void missingField() {
        for (String f : new String[] {"sensorId", "time", "type", "value"}) {
            assertThat(rejected(SENSORS, with(SENSOR, f, null), ReasonCode.MISSING_FIELD)
                            .detail())
                    .contains("'" + f + "'");
        }
        rejected(SENSORS, with(SENSOR, "type", "''"), ReasonCode.MISSING_FIELD);
        rejected(SENSORS, with(SENSOR, "lat", "30.5"), ReasonCode.MISSING_FIELD);
    }

    @Test
    void wrongTypeWithoutCoercion() {
        assertThat(rejected(SENSORS, with(SENSOR, "value", "'87.5'"), ReasonCode.WRONG_TYPE)
                        .detail())
                .isEqualTo("field 'value' must be a number, got a string");
        rejected(SENSORS, with(SENSOR, "sensorId", "7"), ReasonCode.WRONG_TYPE);
        rejected(SENSORS, with(SENSOR, "value", "true"), ReasonCode.WRONG_TYPE);
        assertThat(rejected(SENSORS, json(SENSOR).replace("87.5", "NaN"), ReasonCode.WRONG_TYPE)
                        .detail())
                .contains("finite");
    }

    @Test
    void unknownValue() {
        rejected(SENSORS, with(with(with(SENSOR, "lon", "1"), "lat", "1"), "crs", "'UTM'"), ReasonCode.UNKNOWN_VALUE);
    }

    @Test
    void badTime() {
        rejected(SENSORS, with(SENSOR, "time", "'2026-10-08'"), ReasonCode.BAD_TIME);
    }

    @Test
    void futureTime() {
        rejected(SENSORS, with(SENSOR, "time", "'2026-10-11T00:00:00.001+08:00'"), ReasonCode.FUTURE_TIME);
    }

    @Test
    void badCoordinates() {
        rejected(SENSORS, with(with(SENSOR, "lon", "200"), "lat", "30"), ReasonCode.BAD_COORDINATES);
    }
}

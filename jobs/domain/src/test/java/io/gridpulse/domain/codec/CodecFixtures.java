package io.gridpulse.domain.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.reference.Catalog;
import io.gridpulse.domain.reference.Departments;
import java.nio.charset.StandardCharsets;

/** Shared reference data, decoders and helpers of the codec tests. */
final class CodecFixtures {

    /** The wall clock of every test: 2026-10-10 00:00 in Shanghai. */
    static final long WALL = IsoTime.parseEpochMillis("2026-10-10T00:00:00+08:00");

    static final Catalog CATALOG = Catalog.parseCsv(
            utf8(
                    """
            code,kind,major,minor,name,limit,department
            0101,EVENT,01,01,"暴露垃圾,积存垃圾渣土",4wh,HW
            0205,COMPONENT,02,05,井盖缺失,2h,
            """));

    static final Departments DEPARTMENTS = Departments.parseCsv(
            utf8(
                    """
            code,name,parent
            CG,城市管理局,
            HW,环卫处,CG
            SZ,市政工程处,CG
            """));

    static final PhoneHasher HASHER = PhoneHasher.ofSecret("test-only-secret-0123456789");

    static final CaseEventDecoder CASES = new CaseEventDecoder(CATALOG, DEPARTMENTS, HASHER);
    static final VehiclePositionDecoder VEHICLES = new VehiclePositionDecoder();
    static final SensorReadingDecoder SENSORS = new SensorReadingDecoder();

    static final String REPORTED =
            "{'eventId':'e1','caseId':'c1','type':'REPORTED','time':'2026-10-08T09:15:00+08:00','source':'INSPECTOR',"
                    + "'categoryCode':'0101','lon':114.3,'lat':30.6,'crs':'GCJ02','address':'江汉路 1 号',"
                    + "'reporterPhone':'13812345678'}";
    static final String DISPATCHED =
            "{'eventId':'e2','caseId':'c1','type':'DISPATCHED','time':'2026-10-08T10:00:00+08:00','department':'HW',"
                    + "'deadline':'2026-10-09T10:00:00+08:00'}";
    static final String POSTPONED =
            "{'eventId':'e3','caseId':'c1','type':'POSTPONED','time':'2026-10-08T11:00:00+08:00',"
                    + "'deadline':'2026-10-12T18:00:00+08:00'}";
    static final String VEHICLE =
            "{'vehicleId':'v1','time':'2026-10-08T22:15:03+08:00','lon':114.31,'lat':30.59,'speed':32.5,'heading':270,"
                    + "'vehicleType':'MUCK','plate':'鄂A12345'}";
    static final String SENSOR =
            "{'sensorId':'s1','time':'2026-10-08T09:00:00Z','type':'BIN_FILL','value':87.5,'unit':'%'}";

    private CodecFixtures() {}

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** JSON written with single quotes for readability (no apostrophes inside values). */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static byte[] record(String singleQuoted) {
        return utf8(json(singleQuoted));
    }

    static <T> T accepted(FeedDecoder<T> decoder, String singleQuoted) {
        Decoded<T> d = decoder.decode(record(singleQuoted), WALL);
        assertThat(d.isOk())
                .as("%s -> %s %s", singleQuoted, d.reason(), d.detail())
                .isTrue();
        return d.value();
    }

    static Decoded<?> rejected(FeedDecoder<?> decoder, byte[] raw, ReasonCode reason) {
        Decoded<?> d = decoder.decode(raw, WALL);
        assertThat(d.isOk())
                .as("accepted: %s", new String(raw, StandardCharsets.UTF_8))
                .isFalse();
        assertThat(d.reason()).as(d.detail()).isEqualTo(reason);
        assertThat(d.detail()).isNotBlank();
        assertThat(d.value()).isNull();
        return d;
    }

    static Decoded<?> rejected(FeedDecoder<?> decoder, String singleQuoted, ReasonCode reason) {
        return rejected(decoder, record(singleQuoted), reason);
    }

    /** {@code base} with {@code field} set to the raw JSON {@code value} (single-quoted), or removed when null. */
    static String with(String base, String field, String value) {
        com.fasterxml.jackson.databind.node.ObjectNode o;
        try {
            o = (com.fasterxml.jackson.databind.node.ObjectNode)
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(json(base));
            if (value == null) {
                o.remove(field);
            } else {
                o.set(field, new com.fasterxml.jackson.databind.ObjectMapper().readTree(json(value)));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return o.toString().replace('"', '\'');
    }
}

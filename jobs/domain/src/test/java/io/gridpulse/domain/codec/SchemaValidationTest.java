package io.gridpulse.domain.codec;

import static io.gridpulse.domain.codec.CodecFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-written valid and invalid samples for every schema, and the file-level entry points. */
class SchemaValidationTest {

    private static final SchemaValidation S = SchemaValidation.forRepository();

    private static void valid(String schema, String singleQuoted) {
        assertThat(S.validateJson(schema, json(singleQuoted))).as(singleQuoted).isEmpty();
    }

    private static void invalid(String schema, String singleQuoted) {
        assertThat(S.validateJson(schema, json(singleQuoted))).as(singleQuoted).isNotEmpty();
    }

    @Test
    void caseEvent() {
        valid(SchemaValidation.CASE_EVENT, REPORTED);
        valid(SchemaValidation.CASE_EVENT, DISPATCHED);
        valid(SchemaValidation.CASE_EVENT, POSTPONED);
        invalid(SchemaValidation.CASE_EVENT, with(REPORTED, "source", null)); // per-type required
        invalid(SchemaValidation.CASE_EVENT, with(DISPATCHED, "department", "''"));
        invalid(SchemaValidation.CASE_EVENT, with(POSTPONED, "deadline", null));
        invalid(SchemaValidation.CASE_EVENT, with(REPORTED, "time", "'2026-10-08T09:15:00'"));
        invalid(SchemaValidation.CASE_EVENT, with(REPORTED, "lat", "'30.6'"));
        invalid(SchemaValidation.CASE_EVENT, with(DISPATCHED, "lon", "114.3")); // lon without lat
    }

    @Test
    void vehiclePosition() {
        valid(SchemaValidation.VEHICLE_POSITION, VEHICLE);
        invalid(SchemaValidation.VEHICLE_POSITION, with(VEHICLE, "speed", "-1"));
        invalid(SchemaValidation.VEHICLE_POSITION, with(VEHICLE, "vehicleType", "'TANK'"));
        invalid(SchemaValidation.VEHICLE_POSITION, with(VEHICLE, "lon", null));
    }

    @Test
    void sensorReading() {
        valid(SchemaValidation.SENSOR_READING, SENSOR);
        invalid(SchemaValidation.SENSOR_READING, with(SENSOR, "value", "'87.5'"));
        invalid(SchemaValidation.SENSOR_READING, with(SENSOR, "type", "' '"));
    }

    @Test
    void alert() {
        String alert = "{'alert_id':'OVERDUE:e2','type':'OVERDUE','time':'2026-10-09T10:00:00+08:00',"
                + "'emitted_at':'2026-10-09T10:00:05+08:00','ended_at':null,'severity':'HIGH','case_id':'c1',"
                + "'dispatch_id':'e2','department':'HW','grid_code':'','details':'{}'}";
        valid(SchemaValidation.ALERT, alert);
        invalid(SchemaValidation.ALERT, with(alert, "type", "'LATE'"));
        invalid(SchemaValidation.ALERT, with(alert, "alert_id", null));
        invalid(SchemaValidation.ALERT, with(alert, "details", "{}"));
    }

    @Test
    void rejected() {
        String r = "{'feed':'cases','reason':'WRONG_TYPE','detail':'x','raw':'{}','seen_at':'2026-10-09T10:00:00Z',"
                + "'origin':'gridpulse.cases/0@1'}";
        valid(SchemaValidation.REJECTED, r);
        invalid(SchemaValidation.REJECTED, with(r, "reason", "'OOPS'"));
        invalid(SchemaValidation.REJECTED, with(r, "feed", "'CASES'"));
        invalid(SchemaValidation.REJECTED, with(r, "raw", null));
    }

    @Test
    void rejectedReasonsAreExactlyTheReasonCodes() throws Exception {
        var doc = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Files.readString(Path.of(
                        System.getProperty("gridpulse.repo.root", "../.."), "schemas", SchemaValidation.REJECTED)));
        List<String> inSchema = new java.util.ArrayList<>();
        doc.at("/properties/reason/enum").forEach(n -> inSchema.add(n.asText()));
        assertThat(inSchema)
                .containsExactlyElementsOf(
                        Arrays.stream(ReasonCode.values()).map(Enum::name).toList());
    }

    @Test
    void grids() {
        String ring = "[[114.0,30.0],[114.01,30.0],[114.01,30.01],[114.0,30.0]]";
        String grids =
                "{'type':'FeatureCollection','features':[{'type':'Feature','properties':{'code':'42010200100101',"
                        + "'name':'g1'},'geometry':{'type':'Polygon','coordinates':[" + ring + "]}},{'type':'Feature',"
                        + "'properties':{'code':'42010200100102'},'geometry':{'type':'MultiPolygon','coordinates':[["
                        + ring
                        + "]]}}]}";
        valid(SchemaValidation.GRIDS, grids);
        invalid(SchemaValidation.GRIDS, grids.replace("'code':'42010200100101',", ""));
        invalid(SchemaValidation.GRIDS, grids.replace("'Polygon'", "'Point'"));
        invalid(SchemaValidation.GRIDS, grids.replace("114.01,30.01", "114.01,95"));
    }

    @Test
    void zones() {
        String zone =
                "{'type':'FeatureCollection','features':[{'type':'Feature','properties':{'id':'z1','type':'RESTRICTED',"
                        + "'hours':'22:00-06:00'},'geometry':{'type':'Polygon','coordinates':[[[114,30],[114.1,30],[114.1,30.1],"
                        + "[114,30]]]}}]}";
        valid(SchemaValidation.ZONES, zone);
        valid(
                SchemaValidation.ZONES,
                zone.replace("'type':'RESTRICTED','hours':'22:00-06:00'", "'type':'DISPOSAL_SITE'"));
        invalid(SchemaValidation.ZONES, zone.replace(",'hours':'22:00-06:00'", ""));
        invalid(SchemaValidation.ZONES, zone.replace("22:00-06:00", "7-22"));
    }

    @Test
    void calendar() {
        String cal = "{'timezone':'Asia/Shanghai','workingHours':[['08:00','12:00'],['14:00','18:00']],"
                + "'weekend':['SATURDAY','SUNDAY'],'holidays':['2026-10-01'],'workdays':['2026-09-27']}";
        valid(SchemaValidation.CALENDAR, cal);
        valid(SchemaValidation.CALENDAR, "{}");
        invalid(SchemaValidation.CALENDAR, cal.replace("'holidays'", "'holiday'"));
        invalid(SchemaValidation.CALENDAR, cal.replace("'08:00'", "'8:00'"));
        invalid(SchemaValidation.CALENDAR, cal.replace("2026-10-01", "2026-13-01"));
    }

    @Test
    void csvRows() {
        assertThat(S.validateCsv(
                        SchemaValidation.CATALOG_ROW,
                        utf8("code,kind,major,minor,name,limit,department\n"
                                + "0101,EVENT,01,01,\"暴露垃圾,渣土\",4wh,HW\n0205,COMPONENT,02,05,井盖缺失,2h,\n")))
                .isEmpty();
        assertThat(S.validateCsv(
                        SchemaValidation.CATALOG_ROW,
                        utf8("code,kind,major,minor,name,limit\n0101,EVENT,01,01,x,4d\n")))
                .singleElement()
                .asString()
                .startsWith("line 2: ");
        assertThat(S.validateCsv(SchemaValidation.DEPARTMENTS_ROW, utf8("code,name,parent\nCG,城管局,\nHW,环卫处,CG\n")))
                .isEmpty();
        assertThat(S.validateCsv(SchemaValidation.DEPARTMENTS_ROW, utf8("code,name,boss\nCG,城管局,x\n")))
                .isNotEmpty();
        assertThat(S.validateCsv(SchemaValidation.VEHICLES_ROW, utf8("vehicleId,type,plate,company\nv1,MUCK,鄂A1,\n")))
                .isEmpty();
        assertThat(S.validateCsv(SchemaValidation.VEHICLES_ROW, utf8("vehicleId,type,plate,company\nv1,TRUCK,鄂A1,\n")))
                .isNotEmpty();
        assertThat(S.validateCsv(
                        SchemaValidation.SENSORS_ROW,
                        utf8("sensorId,type,lon,lat,intervalSeconds\ns1,BIN_FILL,114.3,30.5,600\n")))
                .isEmpty();
        assertThat(S.validateCsv(
                        SchemaValidation.SENSORS_ROW,
                        utf8("sensorId,type,lon,lat,intervalSeconds\ns1,BIN_FILL,114.3,30.5,0\n")))
                .isNotEmpty();
        assertThat(S.validateCsv(
                        SchemaValidation.SENSORS_ROW,
                        utf8("sensorId,type,lon,lat,intervalSeconds\ns1,BIN_FILL,east,30.5,60\n")))
                .isNotEmpty();
        assertThat(S.validateCsv(
                        SchemaValidation.SENSOR_RULES_ROW,
                        utf8("type,operator,threshold,consecutive,severity,categoryCode\n"
                                + "BIN_FILL,>=,90,2,WARNING,0101\nMANHOLE_TILT,>,15.5,1,CRITICAL,\n")))
                .isEmpty();
        assertThat(S.validateCsv(
                        SchemaValidation.SENSOR_RULES_ROW,
                        utf8("type,operator,threshold,consecutive,severity\nBIN_FILL,=>,90,2,W\n")))
                .isNotEmpty();
    }

    @Test
    void jsonLinesFileReportsLineNumbers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vehicles.jsonl");
        Files.writeString(file, json(VEHICLE) + "\n\n" + json(with(VEHICLE, "lat", "'x'")) + "\n{bad\n");
        List<String> problems = S.validateJsonLines(SchemaValidation.VEHICLE_POSITION, file);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("line 3: ");
        assertThat(problems.get(1)).startsWith("line 4: not valid JSON");
    }

    @Test
    void jsonFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("calendar.json");
        Files.writeString(file, "{\"timezone\":\"Asia/Shanghai\"}");
        assertThat(S.validateJsonFile(SchemaValidation.CALENDAR, file)).isEmpty();
    }
}

package io.gridpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.clickhouse.ClickHouseConnections;
import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.domain.geo.Crs;
import io.gridpulse.flink.common.ReferencePaths;
import io.gridpulse.stack.Endpoints;
import io.gridpulse.stack.KafkaTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vehicle and sensor rules through the whole pipeline (`process` on the real broker and
 * ClickHouse, parallelism 2), on a generated muck-truck night in a two-grid town: grid G1 (west)
 * and G2 (east), restricted zone R1 (22:00-06:00) over the north of G2, disposal site D1 in the
 * south of G1.
 *
 * <ul>
 *   <li>T1 (muck) enters R1 at 22:33 and leaves at 22:36 (a violation, ended); stops 15 minutes
 *       at 23:30 in the north of G1, outside every site (dumping suspected at 23:40); stops 15
 *       minutes at 00:30 inside D1 (nothing).
 *   <li>T2 (muck) drives through R1 at noon, outside its hours (nothing).
 *   <li>T3 (muck) is inside R1 from 21:50, before its hours, until 22:15 (a violation at 22:00).
 *   <li>S1 (sweeper) sends 10:00-10:20 and 12:00-12:10 (silent at 10:50 and at 12:40).
 *   <li>Sensor W1 (water level, in G2) reads >= 0.25 at 08:20, 08:30, 08:40, and 0.1 at 08:50:
 *       under the rule {@code >= 0.25 x2, categoryCode 10302} one alarm at 08:30, ended 08:50,
 *       which reports a case; its last reading at 09:30 makes it silent at 10:00.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetIT {

    @TempDir
    static Path dir;

    private ClickHouseSettings ch;
    private String db;

    private static final String DAY = "2026-10-08T";
    private static final String NEXT = "2026-10-09T";

    private static long at(String t) {
        return OffsetDateTime.parse(t + "+08:00").toInstant().toEpochMilli();
    }

    private static String time(long millis) {
        return java.time.Instant.ofEpochMilli(millis)
                .atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toOffsetDateTime()
                .toString();
    }

    private static String square(String props, double x, double y, double dx, double dy) {
        return "{\"type\":\"Feature\",\"properties\":{" + props + "},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[" + x + "," + y + "],[" + (x + dx) + "," + y + "],[" + (x + dx) + ","
                + (y + dy) + "],[" + x + "," + (y + dy) + "],[" + x + "," + y + "]]]}}";
    }

    private static void fix(List<String> out, String v, String type, long t, double lon, double lat, double speed) {
        out.add(String.format(
                Locale.ROOT,
                "{\"vehicleId\":\"%s\",\"time\":\"%s\",\"lon\":%.6f,\"lat\":%.6f,\"speed\":%.1f,\"vehicleType\":\"%s\"}",
                v,
                time(t),
                lon,
                lat,
                speed,
                type));
    }

    /** Drives in a straight line, one fix a minute. */
    private static long drive(
            List<String> out, String v, String type, long t, double[] from, double[] to, int minutes) {
        for (int i = 0; i <= minutes; i++) {
            double f = i / (double) minutes;
            fix(out, v, type, t + i * 60_000L, from[0] + (to[0] - from[0]) * f, from[1] + (to[1] - from[1]) * f, 20);
        }
        return t + minutes * 60_000L;
    }

    /** Stands still (a metre of jitter), one fix every 30 s. */
    private static long stand(List<String> out, String v, long t, double[] p, int minutes) {
        for (int i = 1; i <= minutes * 2; i++) {
            fix(out, v, "MUCK", t + i * 30_000L, p[0], p[1] + (i % 2) * 0.00001, 0);
        }
        return t + minutes * 60_000L;
    }

    @BeforeAll
    void processTheNight() throws Exception {
        Files.writeString(
                dir.resolve("grids.geojson"),
                "{\"type\":\"FeatureCollection\",\"features\":["
                        + square("\"code\":\"G1\",\"name\":\"西网格\"", 120.00, 30.00, 0.01, 0.02) + ","
                        + square("\"code\":\"G2\",\"name\":\"东网格\"", 120.01, 30.00, 0.01, 0.02) + ","
                        + square("\"code\":\"G3\",\"name\":\"远网格\"", 120.05, 30.00, 0.01, 0.02) + "]}");
        Files.writeString(
                dir.resolve("zones.geojson"),
                "{\"type\":\"FeatureCollection\",\"features\":["
                        + square(
                                "\"id\":\"R1\",\"type\":\"RESTRICTED\",\"hours\":\"22:00-06:00\"",
                                120.01,
                                30.01,
                                0.01,
                                0.01)
                        + "," + square("\"id\":\"D1\",\"type\":\"DISPOSAL_SITE\"", 120.001, 30.001, 0.004, 0.004)
                        + "]}");
        Files.writeString(
                dir.resolve("catalog.csv"), "code,kind,major,minor,name,limit\n10302,EVENT,市容,暴露垃圾,暴露垃圾,4wh\n");
        Files.writeString(
                dir.resolve("calendar.json"),
                "{\"timezone\":\"Asia/Shanghai\",\"workingHours\":[[\"08:00\",\"12:00\"],[\"14:00\",\"18:00\"]],"
                        + "\"weekend\":[\"SATURDAY\",\"SUNDAY\"],\"holidays\":[],\"workdays\":[]}");
        Files.writeString(
                dir.resolve("vehicles.csv"),
                "vehicleId,type,plate,company\nT1,MUCK,A1,c\nT2,MUCK,A2,c\nT3,MUCK,A3,c\nS1,SWEEPER,B1,c\n");
        Files.writeString(
                dir.resolve("sensors.csv"),
                "sensorId,type,lon,lat,intervalSeconds\nW1,WATER_LEVEL,120.012,30.005,600\n");
        Files.writeString(
                dir.resolve("sensor-rules.csv"),
                "type,operator,threshold,consecutive,severity,categoryCode\nWATER_LEVEL,>=,0.25,2,CRITICAL,10302\n");

        List<String> v = new ArrayList<>();
        // T1: into R1 and out again
        double[] lats = {30.005, 30.007, 30.009, 30.011, 30.013, 30.011, 30.009, 30.007};
        for (int i = 0; i < lats.length; i++) {
            fix(v, "T1", "MUCK", at(DAY + "22:30:00") + i * 60_000L, 120.015, lats[i], 20);
        }
        long t = drive(
                v,
                "T1",
                "MUCK",
                at(DAY + "22:38:00"),
                new double[] {120.015, 30.007},
                new double[] {120.005, 30.007},
                20);
        t = drive(v, "T1", "MUCK", t, new double[] {120.005, 30.007}, new double[] {120.005, 30.015}, 32);
        t = stand(v, "T1", t, new double[] {120.005, 30.015}, 15);
        t = drive(v, "T1", "MUCK", t + 60_000L, new double[] {120.0052, 30.0148}, new double[] {120.003, 30.003}, 20);
        t = stand(v, "T1", at(NEXT + "00:30:00"), new double[] {120.003, 30.003}, 15);
        drive(v, "T1", "MUCK", t + 60_000L, new double[] {120.0032, 30.0032}, new double[] {120.008, 30.004}, 5);
        // T2: through R1 at noon
        drive(
                v,
                "T2",
                "MUCK",
                at(DAY + "12:00:00"),
                new double[] {120.015, 30.005},
                new double[] {120.015, 30.019},
                10);
        drive(
                v,
                "T2",
                "MUCK",
                at(DAY + "12:11:00"),
                new double[] {120.015, 30.019},
                new double[] {120.015, 30.005},
                10);
        // T3: inside R1 from 21:50, out at 22:15
        for (int i = 0; i < 5; i++) {
            fix(v, "T3", "MUCK", at(DAY + "21:50:00") + i * 300_000L, 120.012, 30.012 + i * 0.0002, 10);
        }
        fix(v, "T3", "MUCK", at(DAY + "22:15:00"), 120.012, 30.008, 20);
        fix(v, "T3", "MUCK", at(DAY + "22:16:00"), 120.012, 30.006, 20);
        // S1: a sweeper with a silent gap
        drive(
                v,
                "S1",
                "SWEEPER",
                at(DAY + "10:00:00"),
                new double[] {120.002, 30.002},
                new double[] {120.018, 30.002},
                20);
        drive(
                v,
                "S1",
                "SWEEPER",
                at(DAY + "12:00:00"),
                new double[] {120.018, 30.002},
                new double[] {120.002, 30.002},
                10);
        Files.write(dir.resolve("vehicles.jsonl"), v);

        List<String> s = new ArrayList<>();
        double[] level = {0.1, 0.12, 0.3, 0.31, 0.33, 0.1, 0.1, 0.11, 0.12, 0.1};
        for (int i = 0; i < level.length; i++) {
            s.add(String.format(
                    Locale.ROOT,
                    "{\"sensorId\":\"W1\",\"time\":\"%s\",\"type\":\"WATER_LEVEL\",\"value\":%.2f,\"unit\":\"m\"}",
                    time(at(DAY + "08:00:00") + i * 600_000L),
                    level[i]));
        }
        Files.write(dir.resolve("sensors.jsonl"), s);
        Files.writeString(
                dir.resolve("cases.jsonl"),
                "{\"eventId\":\"E1\",\"caseId\":\"C1\",\"type\":\"REPORTED\",\"time\":\"" + DAY
                        + "09:00:00+08:00\",\"source\":\"INSPECTOR\",\"categoryCode\":\"10302\",\"lon\":120.005,"
                        + "\"lat\":30.005}\n",
                StandardCharsets.UTF_8);

        Endpoints endpoints = SharedStack.endpoints();
        ch = SharedStack.freshDatabase("gp_it_fleet");
        db = ch.database();
        ProcessOptions options = new ProcessOptions(
                dir.resolve("cases.jsonl"),
                dir.resolve("vehicles.jsonl"),
                dir.resolve("sensors.jsonl"),
                new ReferencePaths(
                        dir.resolve("grids.geojson"),
                        Crs.WGS84,
                        dir.resolve("catalog.csv"),
                        dir.resolve("calendar.json"),
                        null,
                        dir.resolve("vehicles.csv"),
                        dir.resolve("sensors.csv"),
                        dir.resolve("zones.geojson"),
                        dir.resolve("sensor-rules.csv")),
                at(NEXT + "02:00:00"),
                false,
                2);
        try (KafkaTopics topics = new KafkaTopics(endpoints.kafkaBootstrap())) {
            topics.ensure(ProcessCommand.allTopics(), 2, (short) 1);
        }
        ProcessCommand.process(options, endpoints, ch, System.err);
    }

    private List<String> rows(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(b.toString());
            }
        }
        return out;
    }

    private List<String> alerts(String type) throws Exception {
        return rows("SELECT vehicle_id, sensor_id, formatDateTime(time, '%Y-%m-%d %H:%i:%S'), "
                + "ifNull(formatDateTime(ended_at, '%Y-%m-%d %H:%i:%S'), '-') FROM " + db
                + ".alerts FINAL WHERE type = '"
                + type + "' ORDER BY vehicle_id, sensor_id, time");
    }

    @Test
    void restrictedZoneEntriesInsideItsHoursAreViolationsWithTheirEnd() throws Exception {
        assertThat(alerts("ZONE_VIOLATION"))
                .containsExactly(
                        "T1||2026-10-08 22:33:00|2026-10-08 22:36:00", "T3||2026-10-08 22:00:00|2026-10-08 22:15:00");
    }

    @Test
    void nightStopOutsideEverySiteIsSuspectedDumpingTheOneInsideASiteIsNot() throws Exception {
        assertThat(alerts("DUMPING_SUSPECTED")).containsExactly("T1||2026-10-08 23:40:30|-");
    }

    @Test
    void silentVehiclesAreAlertedInsideServiceHoursOnly() throws Exception {
        assertThat(alerts("VEHICLE_SILENT"))
                .containsExactly("S1||2026-10-08 10:50:00|-", "S1||2026-10-08 12:40:00|-", "T2||2026-10-08 12:51:00|-");
    }

    @Test
    void sensorEpisodeIsOneEndedAlarmAndASilenceAfterItsLastReading() throws Exception {
        assertThat(alerts("SENSOR_ALARM")).containsExactly("|W1|2026-10-08 08:30:00|2026-10-08 08:50:00");
        assertThat(alerts("SENSOR_SILENT")).containsExactly("|W1|2026-10-08 10:00:00|-");
    }

    @Test
    void sensorAlarmUnderACategoryRuleBecomesACaseOnce() throws Exception {
        List<String> alarm = rows(
                "SELECT case_id, category_code, grid_code FROM " + db + ".alerts FINAL WHERE type = 'SENSOR_ALARM'");
        assertThat(alarm).hasSize(1);
        String caseId = alarm.get(0).split("\\|")[0];
        assertThat(caseId).startsWith("SENSOR-");
        assertThat(alarm.get(0)).endsWith("|10302|G2");
        assertThat(rows("SELECT type, source, category_code, grid_code, formatDateTime(time, '%H:%i') FROM " + db
                        + ".case_events FINAL WHERE case_id = '" + caseId + "'"))
                .containsExactly("REPORTED|SENSOR|10302|G2|08:30");
        assertThat(rows("SELECT source, count() FROM " + db + ".source_monthly GROUP BY source ORDER BY source"))
                .containsExactly("INSPECTOR|1", "SENSOR|1");
        // the case workflow counts it as reported: C1 and the sensor's case
        assertThat(rows("SELECT toString(month), reported FROM " + db + ".centre_monthly"))
                .containsExactly("2026-10-01|2");
        assertThat(rows("SELECT source, category_code, grid_code FROM " + db + ".case_facts FINAL WHERE case_id = '"
                        + caseId + "'"))
                .containsExactly("SENSOR|10302|G2");
    }

    @Test
    void dailyMetricsAndCoverageOfEveryGrid() throws Exception {
        // T1 drives on both days; S1 covers G1 and G2 with one run each way on the 8th
        assertThat(rows("SELECT toString(day), vehicle_id FROM " + db
                        + ".vehicle_daily FINAL WHERE vehicle_id = 'T1' ORDER BY day"))
                .containsExactly("2026-10-08|T1", "2026-10-09|T1");
        assertThat(rows("SELECT grid_code, visits FROM " + db
                        + ".vehicle_grid_daily FINAL WHERE vehicle_id = 'S1' ORDER BY grid_code"))
                .containsExactly("G1|2", "G2|1"); // back into G2 at 12:00: the run in G2 goes on
        assertThat(rows("SELECT grid_code, served, sweepers FROM " + db
                        + ".grid_coverage_all WHERE day = '2026-10-08' ORDER BY grid_code"))
                .containsExactly("G1|1|1", "G2|1|1", "G3|0|0");
        // distance of S1 on the 8th: 0.016 degrees of longitude at 30.002 N, twice
        double km = Double.parseDouble(
                rows("SELECT distance_km FROM " + db + ".vehicle_daily FINAL WHERE vehicle_id = 'S1'")
                        .get(0));
        double expected = 2 * 0.016 * Math.PI / 180 * Math.cos(Math.toRadians(30.002)) * 6371.0088;
        assertThat(km).isBetween(expected * 0.999, expected * 1.001);
        assertThat(rows("SELECT sum(positions) FROM " + db + ".vehicle_hourly FINAL"))
                .isEqualTo(rows("SELECT sum(positions) FROM " + db + ".vehicle_daily FINAL"));
    }
}

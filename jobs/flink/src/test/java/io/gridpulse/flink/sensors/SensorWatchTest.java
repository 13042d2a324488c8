package io.gridpulse.flink.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.alert.AlertType;
import io.gridpulse.domain.model.CaseSource;
import io.gridpulse.domain.model.SensorReading;
import io.gridpulse.flink.common.FeedRecord;
import io.gridpulse.flink.common.Located;
import io.gridpulse.flink.vehicles.FleetFixtures;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The sensor rules on a real series (hourly PM2.5 at the US Embassy in Beijing, Q1 2010, from
 * the domain module's test resources real/, see its README): alarms and silences against an
 * independent scan, in shuffled arrival order.
 */
class SensorWatchTest {

    private static final String RULES = "type,operator,threshold,consecutive,severity,categoryCode\n"
            + "PM2_5,>,150,3,WARNING,10302\n"
            + "PM2_5,>,300,2,CRITICAL,\n";
    private static final String SENSORS = "sensorId,type,lon,lat,intervalSeconds\nBJ-US,PM2_5,116.47,39.95,3600\n";

    record R(long t, double v) {}

    static List<R> series() throws Exception {
        List<R> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                SensorWatchTest.class.getResourceAsStream("/real/beijing-pm25-2010q1.csv"), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                if (!f[5].equals("NA")) {
                    out.add(new R(
                            LocalDateTime.of(
                                            Integer.parseInt(f[1]),
                                            Integer.parseInt(f[2]),
                                            Integer.parseInt(f[3]),
                                            Integer.parseInt(f[4]),
                                            0)
                                    .toInstant(ZoneOffset.ofHours(8))
                                    .toEpochMilli(),
                            Double.parseDouble(f[5])));
                }
            }
        }
        return out;
    }

    private static long alarmsByScan(List<R> s, double threshold, int n) {
        long alarms = 0;
        int run = 0;
        for (R r : s) {
            run = r.v() > threshold ? run + 1 : 0;
            if (run == n) {
                alarms++;
            }
        }
        return alarms;
    }

    @Test
    void realSeriesInShuffledOrderGivesTheAlarmsSilencesAndCasesOfAnIndependentScan() throws Exception {
        List<R> s = series();
        var h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new SensorWatch(
                        SensorRuleSettings.defaults().withOutOfOrderTolerance(Duration.ZERO),
                        FleetFixtures.reference(RULES, SENSORS),
                        false,
                        Long.MAX_VALUE)),
                SensorIngestJob::key,
                Types.STRING);
        h.open();
        List<R> shuffled = new ArrayList<>(s);
        Collections.shuffle(shuffled, new Random(3));
        for (R r : shuffled) {
            h.processElement(new StreamRecord<>(
                    new ReadingRow(
                            new SensorReading("BJ-US", r.t(), "PM2_5", r.v(), "ug/m3", null, null, null),
                            new Located(116.47, 39.95, "", "", "", ""),
                            0),
                    r.t()));
        }
        assertThat(h.extractOutputValues()).as("no watermark, no alert").isEmpty();
        h.processWatermark(new Watermark(Long.MAX_VALUE));
        List<Alert> out = h.extractOutputValues();

        long warnings = out.stream()
                .filter(a -> a.type() == AlertType.SENSOR_ALARM
                        && a.revision() == 0
                        && a.severity().equals("WARNING"))
                .count();
        long critical = out.stream()
                .filter(a -> a.type() == AlertType.SENSOR_ALARM
                        && a.revision() == 0
                        && a.severity().equals("CRITICAL"))
                .count();
        assertThat(warnings).isEqualTo(alarmsByScan(s, 150, 3)).isPositive();
        assertThat(critical).isEqualTo(alarmsByScan(s, 300, 2)).isPositive();
        // every alarmed episode ended: one revision-1 row per alarm (the series ends low)
        assertThat(out.stream().filter(a -> a.type() == AlertType.SENSOR_ALARM && a.revision() == 1))
                .hasSize((int) (warnings + critical));

        long gaps = 0;
        for (int i = 1; i < s.size(); i++) {
            if (s.get(i).t() - s.get(i - 1).t() > 3 * 3_600_000L) {
                gaps++;
            }
        }
        List<Alert> silent =
                out.stream().filter(a -> a.type() == AlertType.SENSOR_SILENT).toList();
        assertThat(silent).hasSize((int) gaps + 1); // and after the last reading
        assertThat(gaps).isPositive();

        List<FeedRecord> cases = new ArrayList<>();
        h.getSideOutput(SensorWatch.CASES).forEach(r -> cases.add(r.getValue()));
        assertThat(cases).hasSize((int) warnings);
        assertThat(cases)
                .allMatch(c -> c.caseEvent().source() == CaseSource.SENSOR
                        && c.caseEvent().categoryCode().equals("10302")
                        && c.caseEvent().caseId().startsWith("SENSOR-"));
        assertThat(new String(cases.get(0).raw(), StandardCharsets.UTF_8)).contains("\"source\":\"SENSOR\"");
        assertThat(h.numKeyedStateEntries()).as("state dropped once idle").isZero();
    }
}

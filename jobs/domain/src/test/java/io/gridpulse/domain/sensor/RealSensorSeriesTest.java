package io.gridpulse.domain.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.reference.SensorRule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SENSOR_ALARM episodes on a real series: hourly PM2.5 at the US Embassy in Beijing, January to
 * March 2010 (src/test/resources/real/README.md). Hours without a measurement ("NA") are hours
 * without a reading. The alarms are checked against an independent scan of the series.
 */
class RealSensorSeriesTest {

    record Reading(long time, double value) {}

    static List<Reading> read() throws IOException {
        List<Reading> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RealSensorSeriesTest.class.getResourceAsStream("/real/beijing-pm25-2010q1.csv"),
                StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                if (f[5].equals("NA")) {
                    continue;
                }
                long t = LocalDateTime.of(
                                Integer.parseInt(f[1]),
                                Integer.parseInt(f[2]),
                                Integer.parseInt(f[3]),
                                Integer.parseInt(f[4]),
                                0)
                        .toInstant(ZoneOffset.ofHours(8))
                        .toEpochMilli();
                out.add(new Reading(t, Double.parseDouble(f[5])));
            }
        }
        return out;
    }

    /** Independent scan: maximal runs of readings above the threshold, alarm at the n-th reading. */
    private static List<long[]> scan(List<Reading> s, double threshold, int n) {
        List<long[]> alarms = new ArrayList<>();
        int i = 0;
        while (i < s.size()) {
            if (!(s.get(i).value() > threshold)) {
                i++;
                continue;
            }
            int j = i;
            while (j < s.size() && s.get(j).value() > threshold) {
                j++;
            }
            if (j - i >= n) {
                long ended = j < s.size() ? s.get(j).time() : -1;
                alarms.add(new long[] {s.get(i + n - 1).time(), ended});
            }
            i = j;
        }
        return alarms;
    }

    @Test
    void alarmsOnRealPm25MatchAnIndependentScan() throws IOException {
        List<Reading> series = read();
        assertThat(series).hasSizeGreaterThan(2000);
        for (int n : new int[] {1, 3, 6}) {
            SensorRule rule = new SensorRule("PM2_5", SensorRule.Operator.GT, 150, n, "WARNING", "20302");
            List<long[]> got = new ArrayList<>();
            RuleRun run = RuleRun.NONE;
            for (Reading r : series) {
                EpisodeWatch.Step s = EpisodeWatch.onReading(run, rule, r.time(), r.value());
                if (s.raised() >= 0) {
                    got.add(new long[] {s.raised(), -1});
                }
                if (s.endedAt() >= 0) {
                    got.get(got.size() - 1)[1] = s.endedAt();
                }
                run = s.run();
            }
            List<long[]> expected = scan(series, 150, n);
            assertThat(got).as("consecutive %d", n).hasSameSizeAs(expected);
            assertThat(got).as("consecutive %d", n).isNotEmpty();
            for (int k = 0; k < got.size(); k++) {
                assertThat(got.get(k)).as("alarm %d of consecutive %d", k, n).containsExactly(expected.get(k));
            }
        }
    }
}

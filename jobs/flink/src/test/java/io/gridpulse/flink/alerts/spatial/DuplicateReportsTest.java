package io.gridpulse.flink.alerts.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.alert.AlertType;
import io.gridpulse.domain.alert.spatial.HotspotRule;
import io.gridpulse.domain.alert.spatial.HotspotRules;
import io.gridpulse.domain.geo.Haversine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DUPLICATE_SUSPECTED: the keyed function under a harness (edge cases, watermarks, state and
 * timers), then the whole rule at parallelism 2 against the plain rule on random input.
 */
class DuplicateReportsTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static final long MIN = 60_000L;
    private static final long T0 = 1_790_000_000_000L;
    private static final double LON = 109.7345;
    private static final double LAT = 38.2851;

    /** One key: every copy is a home copy of category 0101 in one cell. */
    private static KeyedOneInputStreamOperatorTestHarness<String, CellCopy, Alert> harness(double meters, long window)
            throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DuplicateReports(meters, window)), CellCopy::key, Types.STRING);
        h.open();
        return h;
    }

    private static Report r(String id, String caseId, long time, double lon, double lat) {
        return new Report(id, caseId, time, "0101", "G1", lon, lat);
    }

    private static void send(KeyedOneInputStreamOperatorTestHarness<String, CellCopy, Alert> h, Report r)
            throws Exception {
        h.processElement(new StreamRecord<>(new CellCopy("k", true, r), r.time()));
    }

    private static List<String> flagged(KeyedOneInputStreamOperatorTestHarness<String, CellCopy, Alert> h) {
        return h.extractOutputValues().stream()
                .map(a -> a.caseId() + "<" + a.details().replaceAll(".*\"duplicateOfCaseId\":\"([^\"]*)\".*", "$1"))
                .toList();
    }

    @Test
    void nearbyReportOfAnotherCaseIsFlaggedNamingTheEarliest() throws Exception {
        var h = harness(50, 30 * MIN);
        send(h, r("e1", "A", T0, LON, LAT));
        send(h, r("e2", "B", T0 + MIN, LON, LAT));
        send(h, r("e3", "C", T0 + 2 * MIN, LON, LAT));
        assertThat(h.extractOutputValues()).as("no watermark, no alert").isEmpty();
        h.processWatermark(new Watermark(T0 + 2 * MIN));
        assertThat(flagged(h)).containsExactly("B<A", "C<A");
        Alert a = h.extractOutputValues().get(1);
        assertThat(a.type()).isEqualTo(AlertType.DUPLICATE_SUSPECTED);
        assertThat(a.alertId()).isEqualTo(Alert.id(AlertType.DUPLICATE_SUSPECTED, "e3"));
        assertThat(a.time()).isEqualTo(T0 + 2 * MIN);
    }

    @Test
    void sameCaseIsExcluded() throws Exception {
        var h = harness(50, 30 * MIN);
        send(h, r("e1", "A", T0, LON, LAT));
        send(h, r("e2", "A", T0 + MIN, LON, LAT));
        h.processWatermark(new Watermark(T0 + MIN));
        assertThat(h.extractOutputValues()).isEmpty();
    }

    @Test
    void exactlyDMetresCountsAndJustBeyondDoesNot() throws Exception {
        double lon2 = LON + 0.0005;
        double d = Haversine.meters(LON, LAT, lon2, LAT);
        var h = harness(d, 30 * MIN);
        send(h, r("e1", "A", T0, LON, LAT));
        send(h, r("e2", "B", T0 + MIN, lon2, LAT));
        send(h, r("e3", "C", T0 + 2 * MIN, LON - Math.ulp(LON) * 4, LAT));
        h.processWatermark(new Watermark(T0 + 2 * MIN));
        // e2 is exactly d from e1; e3 is e1's place (0 m) but just over d from e2: still flagged, naming e1
        assertThat(flagged(h)).containsExactly("B<A", "C<A");
        var far = harness(Math.nextDown(d), 30 * MIN);
        send(far, r("e1", "A", T0, LON, LAT));
        send(far, r("e2", "B", T0 + MIN, lon2, LAT));
        far.processWatermark(new Watermark(T0 + MIN));
        assertThat(far.extractOutputValues()).isEmpty();
    }

    @Test
    void exactlyTMinutesCountsAndOneMillisecondMoreDoesNot() throws Exception {
        var h = harness(50, 30 * MIN);
        send(h, r("e1", "A", T0, LON, LAT));
        send(h, r("e2", "B", T0 + 30 * MIN, LON, LAT));
        send(h, r("e3", "C", T0 + 60 * MIN + 1, LON, LAT));
        h.processWatermark(new Watermark(T0 + 61 * MIN));
        assertThat(flagged(h)).containsExactly("B<A");
    }

    @Test
    void tiesInTimeAreBrokenByEventIdAndStrictlyEarlierOnly() throws Exception {
        var h = harness(50, 30 * MIN);
        // same instant: e2 is earlier than e3 by eventId, so only e3 is flagged
        send(h, r("e3", "B", T0, LON, LAT));
        send(h, r("e2", "A", T0, LON, LAT));
        h.processWatermark(new Watermark(T0));
        assertThat(flagged(h)).containsExactly("B<A");
    }

    @Test
    void flaggedReportsStillCountAsEarlierOnes() throws Exception {
        var h = harness(50, 30 * MIN);
        send(h, r("e1", "A", T0, LON, LAT));
        send(h, r("e2", "B", T0 + 20 * MIN, LON, LAT));
        send(h, r("e3", "C", T0 + 40 * MIN, LON, LAT)); // 40 min after A: only B (flagged itself) is in range
        h.processWatermark(new Watermark(T0 + 40 * MIN));
        assertThat(flagged(h)).containsExactly("B<A", "C<B");
    }

    @Test
    void outOfOrderArrivalGivesTheEventTimeResult() throws Exception {
        var h = harness(50, 30 * MIN);
        send(h, r("e2", "B", T0 + MIN, LON, LAT));
        send(h, r("e1", "A", T0, LON, LAT));
        h.processWatermark(new Watermark(T0 + MIN));
        assertThat(flagged(h)).containsExactly("B<A");
    }

    @Test
    void lateReportIsCheckedAgainstWhatIsKeptAndChangesNoAlertAlreadyEmitted() throws Exception {
        var h = harness(50, 30 * MIN);
        send(h, r("e1", "A", T0, LON, LAT));
        send(h, r("e3", "C", T0 + 10 * MIN, LON, LAT));
        h.processWatermark(new Watermark(T0 + 10 * MIN));
        assertThat(flagged(h)).containsExactly("C<A");
        send(h, r("e2", "B", T0 + 5 * MIN, LON, LAT)); // behind the watermark: at once
        assertThat(flagged(h)).containsExactly("C<A", "B<A");
    }

    @Test
    void stateAndTimersAreGoneTMinutesAfterTheLastReport() throws Exception {
        var h = harness(50, 30 * MIN);
        send(h, r("e1", "A", T0, LON, LAT));
        send(h, r("e2", "B", T0 + MIN, LON, LAT));
        assertThat(h.numEventTimeTimers()).isEqualTo(2);
        h.processWatermark(new Watermark(T0 + MIN));
        assertThat(h.numKeyedStateEntries()).isPositive();
        h.processWatermark(new Watermark(T0 + 31 * MIN - 1));
        assertThat(h.numKeyedStateEntries()).as("B still a candidate").isPositive();
        h.processWatermark(new Watermark(T0 + 31 * MIN));
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(h.numKeyedStateEntries()).isZero();
    }

    @Test
    void matchesThePlainRuleOnRandomShuffledInputAtParallelismTwo() throws Exception {
        Random rnd = new Random(11);
        double[][] centres = {{109.7345, 38.2851}, {109.7400, 38.2900}, {116.39, 39.91}};
        String[] cats = {"0101", "0202"};
        List<Report> in = new ArrayList<>();
        long clock = T0;
        for (int i = 0; i < 2000; i++) {
            clock += rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(3 * 60_000);
            double[] c = centres[rnd.nextInt(centres.length)];
            // within about 120 m of a centre: many pairs straddle the 50 m limit and cell edges
            double lon = c[0] + (rnd.nextDouble() - 0.5) * 0.0028;
            double lat = c[1] + (rnd.nextDouble() - 0.5) * 0.0022;
            in.add(new Report(
                    "E" + rnd.nextInt(1_000_000) + "-" + i,
                    "C" + rnd.nextInt(800),
                    clock,
                    cats[rnd.nextInt(cats.length)],
                    rnd.nextBoolean() ? "G1" : "",
                    lon,
                    lat));
        }
        SpatialAlertSettings s =
                new SpatialAlertSettings(HotspotRules.defaults(HotspotRule.ofMinutes(1000, 0)), 50, 30 * MIN);
        List<String> expected = PlainRules.duplicates(in, 50, 30 * MIN).stream()
                .map(p -> p[0].eventId() + "<" + p[1].eventId() + "@" + p[0].time())
                .sorted()
                .toList();
        assertThat(expected).hasSizeGreaterThan(200);
        Collections.shuffle(in, rnd);
        List<String> actual = SpatialRun.run(in, s).stream()
                .filter(a -> a.type() == AlertType.DUPLICATE_SUSPECTED)
                .map(a -> a.details().replaceAll(".*\"eventId\":\"([^\"]*)\".*", "$1") + "<"
                        + a.details().replaceAll(".*\"duplicateOfEventId\":\"([^\"]*)\".*", "$1") + "@" + a.time())
                .sorted()
                .toList();
        assertThat(actual).isEqualTo(expected);
    }
}

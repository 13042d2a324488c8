package io.gridpulse.flink.vehicles;

import static io.gridpulse.flink.vehicles.FleetFixtures.M;
import static io.gridpulse.flink.vehicles.FleetFixtures.at;
import static io.gridpulse.flink.vehicles.FleetFixtures.position;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.alert.AlertType;
import io.gridpulse.domain.model.VehicleType;
import java.time.ZoneId;
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

class VehicleTrackTest {

    private static final ZoneId SH = ZoneId.of("Asia/Shanghai");

    private static KeyedOneInputStreamOperatorTestHarness<String, PositionRow, Alert> harness(long asOf)
            throws Exception {
        return harness(asOf, false);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, PositionRow, Alert> harness(
            long asOf, boolean timeOrdered) throws Exception {
        VehicleRuleSettings s = VehicleRuleSettings.defaults(SH).withOutOfOrderTolerance(java.time.Duration.ZERO);
        var h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                        new VehicleTrack(s, FleetFixtures.reference(null, null), false, asOf, timeOrdered)),
                (PositionRow p) -> p.position().vehicleId(),
                Types.STRING);
        h.open();
        return h;
    }

    private static void feed(
            KeyedOneInputStreamOperatorTestHarness<String, PositionRow, Alert> h, List<PositionRow> rows)
            throws Exception {
        for (PositionRow r : rows) {
            h.processElement(new StreamRecord<>(r, r.position().time()));
        }
    }

    private static List<Alert> alerts(
            KeyedOneInputStreamOperatorTestHarness<String, PositionRow, Alert> h, AlertType t) {
        return h.extractOutputValues().stream().filter(a -> a.type() == t).toList();
    }

    private static List<VehicleDaily> daily(KeyedOneInputStreamOperatorTestHarness<String, PositionRow, Alert> h) {
        List<VehicleDaily> out = new ArrayList<>();
        var q = h.getSideOutput(VehicleTrack.DAILY);
        if (q != null) {
            q.forEach(r -> out.add(r.getValue()));
        }
        return out;
    }

    /** A truck standing at (lon, lat) from {@code from} for {@code minutes}, a fix every 30 s. */
    private static List<PositionRow> stand(String v, long from, int minutes, double lon, double lat) {
        List<PositionRow> out = new ArrayList<>();
        for (int i = 0; i <= minutes * 2; i++) {
            out.add(position(v, VehicleType.MUCK, from + i * 30_000L, lon, lat + (i % 2) * 2 * M, 0.5));
        }
        return out;
    }

    @Test
    void nightStopOutsideEverySiteRaisesOneDumpingAlertAtAnchorPlusTenMinutes() throws Exception {
        var h = harness(Long.MAX_VALUE);
        feed(h, stand("T1", at("2026-10-08T23:00:00"), 12, 120.005, 30.015));
        h.processWatermark(new Watermark(Long.MAX_VALUE));
        List<Alert> a = alerts(h, AlertType.DUMPING_SUSPECTED);
        assertThat(a).hasSize(1);
        assertThat(a.get(0).time()).isEqualTo(at("2026-10-08T23:10:00"));
        assertThat(a.get(0).vehicleId()).isEqualTo("T1");
    }

    @Test
    void stopInsideADisposalSiteOrTooShortOrByDayRaisesNothing() throws Exception {
        var h = harness(Long.MAX_VALUE);
        feed(h, stand("T1", at("2026-10-08T23:00:00"), 15, 120.003, 30.003));
        feed(h, stand("T2", at("2026-10-08T23:00:00"), 9, 120.005, 30.015));
        // T2 drives off before the stop is ten minutes old
        feed(h, List.of(position("T2", VehicleType.MUCK, at("2026-10-08T23:09:40"), 120.006, 30.015, 25.0)));
        feed(h, stand("T3", at("2026-10-08T12:00:00"), 15, 120.005, 30.015));
        h.processWatermark(new Watermark(Long.MAX_VALUE));
        assertThat(alerts(h, AlertType.DUMPING_SUSPECTED)).isEmpty();
    }

    @Test
    void noWatermarkNoAlertAndNothingTaken() throws Exception {
        var h = harness(Long.MAX_VALUE);
        feed(h, stand("T1", at("2026-10-08T23:00:00"), 12, 120.005, 30.015));
        assertThat(h.extractOutputValues()).isEmpty();
        assertThat(daily(h)).isEmpty();
        assertThat(h.numEventTimeTimers()).isPositive();
    }

    @Test
    void nothingFiresAfterTheAsOfTime() throws Exception {
        var h = harness(at("2026-10-08T23:09:00"));
        feed(h, stand("T1", at("2026-10-08T23:00:00"), 9, 120.005, 30.015));
        h.processWatermark(new Watermark(Long.MAX_VALUE));
        assertThat(alerts(h, AlertType.DUMPING_SUSPECTED)).isEmpty();
        assertThat(alerts(h, AlertType.VEHICLE_SILENT)).isEmpty();
    }

    @Test
    void zoneEntryInItsHoursOpensAndTwoPositionsOutsideEndIt() throws Exception {
        var h = harness(Long.MAX_VALUE);
        long t = at("2026-10-08T22:30:00");
        List<PositionRow> rows = new ArrayList<>();
        // drives north through G2 into R1 (lat >= 30.01) at 30 km/h-ish, then back out
        double[] lats = {30.005, 30.008, 30.011, 30.013, 30.012, 30.009, 30.006};
        for (int i = 0; i < lats.length; i++) {
            rows.add(position("T1", VehicleType.MUCK, t + i * 60_000L, 120.015, lats[i], 20.0));
        }
        // the same path by day: R1's hours (22:00-06:00) do not apply
        for (int i = 0; i < lats.length; i++) {
            rows.add(position("T2", VehicleType.MUCK, at("2026-10-08T12:00:00") + i * 60_000L, 120.015, lats[i], 20.0));
        }
        // a sweeper is not a muck truck
        for (int i = 0; i < lats.length; i++) {
            rows.add(position("S1", VehicleType.SWEEPER, t + i * 60_000L, 120.015, lats[i], 20.0));
        }
        feed(h, rows);
        h.processWatermark(new Watermark(Long.MAX_VALUE));
        List<Alert> z = alerts(h, AlertType.ZONE_VIOLATION);
        assertThat(z).hasSize(2);
        assertThat(z).allMatch(a -> a.vehicleId().equals("T1"));
        assertThat(z.get(0).time()).isEqualTo(t + 2 * 60_000L);
        assertThat(z.get(0).endedAt()).isNull();
        assertThat(z.get(1).alertId()).isEqualTo(z.get(0).alertId());
        assertThat(z.get(1).revision()).isEqualTo(1);
        assertThat(z.get(1).endedAt()).isEqualTo(t + 5 * 60_000L);
    }

    @Test
    void silenceOfThirtyServiceMinutesRaisesOneSilentAlert() throws Exception {
        var h = harness(Long.MAX_VALUE);
        long t = at("2026-10-08T10:00:00");
        feed(
                h,
                List.of(
                        position("S1", VehicleType.SWEEPER, t, 120.005, 30.005, 10.0),
                        position("S1", VehicleType.SWEEPER, t + 20 * 60_000L, 120.005, 30.006, 10.0),
                        position("S1", VehicleType.SWEEPER, t + 70 * 60_000L, 120.005, 30.007, 10.0)));
        h.processWatermark(new Watermark(at("2026-10-08T21:00:00")));
        List<Alert> s = alerts(h, AlertType.VEHICLE_SILENT);
        assertThat(s).hasSize(2); // after 10:20 (due 10:50) and after 11:10 (due 11:40)
        assertThat(s.get(0).time()).isEqualTo(t + 50 * 60_000L);
        assertThat(s.get(1).time()).isEqualTo(t + 100 * 60_000L);
    }

    @Test
    void shuffledInputGivesTheSameDailyRowsAsOrderedInput() throws Exception {
        List<PositionRow> rows = new ArrayList<>();
        long t = at("2026-10-08T23:50:00");
        Random r = new Random(7);
        for (int i = 0; i < 60; i++) {
            rows.add(position(
                    "G",
                    VehicleType.GARBAGE,
                    t + i * 20_000L,
                    120.0 + i * 0.0005,
                    30.005 + r.nextDouble() * 0.0001,
                    null));
        }
        var ordered = harness(Long.MAX_VALUE);
        feed(ordered, rows);
        ordered.processWatermark(new Watermark(Long.MAX_VALUE));
        List<PositionRow> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, r);
        var mixed = harness(Long.MAX_VALUE);
        feed(mixed, shuffled);
        mixed.processWatermark(new Watermark(Long.MAX_VALUE));
        assertThat(daily(mixed)).isEqualTo(daily(ordered));
        assertThat(daily(ordered)).hasSize(2); // the drive crosses local midnight
        assertThat(daily(ordered).stream().mapToLong(VehicleDaily::positions).sum())
                .isEqualTo(60);
        // grids: G1 then G2, crossing at lon 120.01 (i = 20)
        var grid = new ArrayList<VehicleGridDay>();
        ordered.getSideOutput(VehicleTrack.GRID_DAY).forEach(x -> grid.add(x.getValue()));
        assertThat(grid).extracting(VehicleGridDay::gridCode).contains("G1", "G2");
    }

    @Test
    void liveSilenceFiresOnTheWallClockWhenTheFeedIsQuiet() throws Exception {
        VehicleRuleSettings s = VehicleRuleSettings.defaults(SH);
        var h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new VehicleTrack(s, FleetFixtures.reference(null, null), true, 0)),
                (PositionRow p) -> p.position().vehicleId(),
                Types.STRING);
        h.open();
        long t = at("2026-10-08T10:00:00");
        h.setProcessingTime(t);
        feed(h, List.of(position("S1", VehicleType.SWEEPER, t, 120.005, 30.005, 10.0)));
        // the watermark passes the position (taken after the 2-minute tolerance), then stops: a quiet feed
        h.processWatermark(new Watermark(t + 3 * 60_000L));
        assertThat(alerts(h, AlertType.VEHICLE_SILENT)).isEmpty();
        h.setProcessingTime(t + 31 * 60_000L);
        assertThat(alerts(h, AlertType.VEHICLE_SILENT)).isEmpty(); // due 10:30, grace 2 minutes
        h.setProcessingTime(t + 32 * 60_000L);
        List<Alert> a = alerts(h, AlertType.VEHICLE_SILENT);
        assertThat(a).hasSize(1);
        assertThat(a.get(0).time()).isEqualTo(t + 30 * 60_000L);
        h.setProcessingTime(t + 120 * 60_000L);
        assertThat(alerts(h, AlertType.VEHICLE_SILENT)).hasSize(1);
    }

    @Test
    void liveSilenceDoesNotFireWhenAPositionArrivedEvenIfNotYetTaken() throws Exception {
        VehicleRuleSettings s = VehicleRuleSettings.defaults(SH);
        var h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new VehicleTrack(s, FleetFixtures.reference(null, null), true, 0)),
                (PositionRow p) -> p.position().vehicleId(),
                Types.STRING);
        h.open();
        long t = at("2026-10-08T10:00:00");
        h.setProcessingTime(t);
        feed(h, List.of(position("S1", VehicleType.SWEEPER, t, 120.005, 30.005, 10.0)));
        h.processWatermark(new Watermark(t + 3 * 60_000L));
        feed(h, List.of(position("S1", VehicleType.SWEEPER, t + 25 * 60_000L, 120.005, 30.006, 10.0)));
        h.setProcessingTime(t + 40 * 60_000L);
        assertThat(alerts(h, AlertType.VEHICLE_SILENT)).isEmpty();
    }

    @Test
    void stateOfAVehicleIsDroppedAfterItsIdleTime() throws Exception {
        var h = harness(Long.MAX_VALUE);
        long t = at("2026-10-08T10:00:00");
        feed(h, List.of(position("S1", VehicleType.SWEEPER, t, 120.005, 30.005, 10.0)));
        h.processWatermark(new Watermark(t + java.time.Duration.ofDays(8).toMillis()));
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(daily(h)).hasSize(1);
    }

    @Test
    void takingTimeOrderedPositionsAsTheyArriveGivesWhatTheWatermarkBufferGives() throws Exception {
        List<PositionRow> rows = new ArrayList<>();
        rows.addAll(stand("T1", at("2026-10-08T22:40:00"), 25, 120.005, 30.015)); // night stop: dumping
        long t = at("2026-10-08T22:30:00");
        double[] lats = {30.005, 30.008, 30.011, 30.013, 30.012, 30.009, 30.006}; // through zone R1
        for (int i = 0; i < lats.length; i++) {
            rows.add(position("T2", VehicleType.MUCK, t + i * 60_000L, 120.015, lats[i], 20.0));
        }
        Random r = new Random(11);
        for (int i = 0; i < 200; i++) { // across local midnight and from grid G1 to G2
            rows.add(position(
                    "G",
                    VehicleType.GARBAGE,
                    t + i * 20_000L,
                    120.0 + i * 0.0001,
                    30.005 + r.nextDouble() * 1e-4,
                    null));
        }
        rows.add(position("S1", VehicleType.SWEEPER, at("2026-10-08T21:00:00"), 120.005, 30.005, 10.0));
        rows.add(position("S1", VehicleType.SWEEPER, at("2026-10-09T07:00:00"), 120.006, 30.005, 10.0)); // silent
        rows.add(position("S1", VehicleType.SWEEPER, at("2026-10-09T07:00:30"), 120.2, 30.005, 10.0)); // too fast
        // silent from 12:30; only its next position, with no watermark between, shows it
        rows.add(position("S2", VehicleType.SWEEPER, at("2026-10-08T12:00:00"), 120.005, 30.005, 10.0));
        rows.add(position("S2", VehicleType.SWEEPER, at("2026-10-08T13:00:00"), 120.0051, 30.005, 10.0));
        rows.sort(java.util.Comparator.comparingLong(x -> x.position().time()));
        var buffered = harness(at("2026-10-09T06:00:00"), false);
        var ordered = harness(at("2026-10-09T06:00:00"), true);
        long nextWatermark = rows.get(0).position().time();
        for (PositionRow row : rows) {
            for (var h : List.of(buffered, ordered)) {
                h.processElement(new StreamRecord<>(row, row.position().time()));
            }
            if (row.position().time() >= nextWatermark) { // a watermark every 5 minutes, one behind
                for (var h : List.of(buffered, ordered)) {
                    h.processWatermark(new Watermark(row.position().time() - 1));
                }
                nextWatermark = row.position().time() + 300_000L;
            }
        }
        for (var h : List.of(buffered, ordered)) {
            h.processWatermark(new Watermark(Long.MAX_VALUE));
        }
        assertThat(outputs(ordered)).isEqualTo(outputs(buffered));
        assertThat(outputs(buffered))
                .contains("DUMPING_SUSPECTED", "ZONE_VIOLATION", "VEHICLE_SILENT", "hourly S2")
                .containsPattern("VEHICLE_SILENT \\S+ " + at("2026-10-08T12:30:00"))
                .contains("daily G", "grid G1", "grid G2", "hourly T1");
    }

    @Test
    void aSilenceAndItsHourCarryTheTypeTheyHadWhetherATimerOrTheNextPositionBringsThemDue() throws Exception {
        // silent from 10:30; the next position, at 11:05, says the vehicle is now a PATROL
        PositionRow before = position("V", VehicleType.SWEEPER, at("2026-10-08T10:00:00"), 120.005, 30.005, 10.0);
        PositionRow after = position("V", VehicleType.PATROL, at("2026-10-08T11:05:00"), 120.0051, 30.005, 10.0);
        var timerFirst = harness(Long.MAX_VALUE, true);
        timerFirst.processElement(new StreamRecord<>(before, before.position().time()));
        timerFirst.processWatermark(new Watermark(after.position().time() - 1));
        timerFirst.processElement(new StreamRecord<>(after, after.position().time()));
        var positionFirst = harness(Long.MAX_VALUE, true);
        feed(positionFirst, List.of(before, after));
        for (var h : List.of(timerFirst, positionFirst)) {
            h.processWatermark(new Watermark(Long.MAX_VALUE));
        }
        assertThat(outputs(positionFirst)).isEqualTo(outputs(timerFirst));
        assertThat(alerts(positionFirst, AlertType.VEHICLE_SILENT))
                .extracting(a -> a.time() + " " + a.details().replaceAll(".*\"vehicleType\":\"(\\w+)\".*", "$1"))
                .containsExactly(at("2026-10-08T10:30:00") + " SWEEPER", at("2026-10-08T11:35:00") + " PATROL");
        assertThat(positionFirst.getSideOutput(VehicleTrack.HOURLY))
                .extracting(r -> r.getValue().hour() + " " + r.getValue().vehicleType())
                .containsExactly(at("2026-10-08T10:00:00") + " SWEEPER", at("2026-10-08T11:00:00") + " PATROL");
    }

    /** Every output of a harness, alerts without their wall-clock emission time, in a stable order. */
    private static String outputs(KeyedOneInputStreamOperatorTestHarness<String, PositionRow, Alert> h) {
        List<String> out = new ArrayList<>();
        h.extractOutputValues()
                .forEach(a ->
                        out.add(a.type() + " " + a.alertId() + " " + a.time() + " " + a.endedAt() + " " + a.details()));
        daily(h).forEach(d -> out.add("daily " + d.vehicleId() + " " + d));
        var hourly = h.getSideOutput(VehicleTrack.HOURLY);
        if (hourly != null) {
            hourly.forEach(x -> out.add("hourly " + x.getValue().vehicleId() + " " + x.getValue()));
        }
        var grid = h.getSideOutput(VehicleTrack.GRID_DAY);
        if (grid != null) {
            grid.forEach(x -> out.add("grid " + x.getValue().gridCode() + " " + x.getValue()));
        }
        java.util.Collections.sort(out);
        return String.join("\n", out);
    }

    @Test
    void aRestoreFromACheckpointInTheMiddleOfADayGivesTheSameRowsAsARunWithout() throws Exception {
        // G1, G2, G1, G2, G1 then the next day: the day's grids are in the state at the checkpoint
        double[] lons = {120.0085, 120.0105, 120.0090, 120.0110, 120.0095, 120.0105, 120.0085};
        List<PositionRow> rows = new ArrayList<>();
        long t = at("2026-10-08T22:50:00");
        for (int i = 0; i < lons.length; i++) {
            rows.add(position("R", VehicleType.MUCK, t + i * 240_000L, lons[i], 30.005, 5.0));
        }
        rows.add(position("R", VehicleType.MUCK, at("2026-10-09T00:10:00"), 120.0105, 30.005, 5.0));
        for (boolean timeOrdered : new boolean[] {false, true}) {
            var whole = harness(Long.MAX_VALUE, timeOrdered);
            feed(whole, rows);
            whole.processWatermark(new Watermark(Long.MAX_VALUE));

            var first = harness(Long.MAX_VALUE, timeOrdered);
            feed(first, rows.subList(0, 4));
            first.processWatermark(new Watermark(rows.get(3).position().time()));
            var snapshot = first.snapshot(1, 1);
            VehicleRuleSettings s = VehicleRuleSettings.defaults(SH).withOutOfOrderTolerance(java.time.Duration.ZERO);
            var second = new KeyedOneInputStreamOperatorTestHarness<>(
                    new KeyedProcessOperator<>(new VehicleTrack(
                            s, FleetFixtures.reference(null, null), false, Long.MAX_VALUE, timeOrdered)),
                    (PositionRow p) -> p.position().vehicleId(),
                    Types.STRING);
            second.setup();
            second.initializeState(snapshot);
            second.open();
            feed(second, rows.subList(4, rows.size()));
            second.processWatermark(new Watermark(Long.MAX_VALUE));
            String restored = outputs(first) + "\n" + outputs(second);
            List<String> restoredLines = new ArrayList<>(List.of(restored.split("\n")));
            restoredLines.removeIf(String::isEmpty);
            java.util.Collections.sort(restoredLines);
            assertThat(String.join("\n", restoredLines).replaceAll("emitted(At)?=\\d+", ""))
                    .as("time ordered: %s", timeOrdered)
                    .isEqualTo(outputs(whole).replaceAll("emitted(At)?=\\d+", ""))
                    .contains("grid G1", "grid G2");
        }
    }

    @Test
    void gridVisitsCountEachEntryOfTheDayAndRestartTheNextDay() throws Exception {
        for (boolean timeOrdered : new boolean[] {false, true}) {
            var h = harness(Long.MAX_VALUE, timeOrdered);
            long t = at("2026-10-08T23:00:00");
            // G1, G1, G2, G2, G1, G2 (crossing lon 120.01), a minute apart at walking pace, then after midnight G2
            double[] lons = {120.0085, 120.0090, 120.0105, 120.0110, 120.0095, 120.0105};
            List<PositionRow> rows = new ArrayList<>();
            for (int i = 0; i < lons.length; i++) {
                rows.add(position("G", VehicleType.GARBAGE, t + i * 60_000L, lons[i], 30.005, 5.0));
            }
            rows.add(position("G", VehicleType.GARBAGE, at("2026-10-09T00:10:00"), 120.0105, 30.005, 5.0));
            feed(h, rows);
            h.processWatermark(new Watermark(Long.MAX_VALUE));
            List<String> grid = new ArrayList<>();
            h.getSideOutput(VehicleTrack.GRID_DAY)
                    .forEach(x ->
                            grid.add(java.time.LocalDate.ofEpochDay(x.getValue().day()) + " "
                                    + x.getValue().gridCode() + " visits "
                                    + x.getValue().visits() + " positions "
                                    + x.getValue().positions()));
            java.util.Collections.sort(grid);
            assertThat(grid)
                    .as("time ordered: %s", timeOrdered)
                    .containsExactly(
                            "2026-10-08 G1 visits 2 positions 3",
                            "2026-10-08 G2 visits 2 positions 3",
                            "2026-10-09 G2 visits 1 positions 1");
            assertThat(daily(h)).extracting(VehicleDaily::gridsVisited).containsExactly(2L, 1L);
        }
    }
}

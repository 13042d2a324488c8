package io.gridpulse.domain.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Trajectory cleaning on real GPS recordings (src/test/resources/real/README.md): a car drive
 * and a walk around a lake (which holds a real 180 m GPS jump in 2 s), both recorded with Garmin
 * receivers, plus the same traces with a GPS jump and a relocation injected; repeated times are
 * covered by a duplicate fix injected into each. Distances are checked against an independent computation (an
 * equirectangular projection per step, not the haversine the code uses).
 */
class RealGpsTracesTest {

    private static final Pattern TRKPT =
            Pattern.compile("<trkpt lat=\"([-0-9.]+)\" lon=\"([-0-9.]+)\">(.*?)</trkpt>", Pattern.DOTALL);
    private static final Pattern TIME = Pattern.compile("<time>([^<]+)</time>");
    private static final double R = 6_371_008.8;

    static List<TrackPoint> read(String name) throws IOException {
        String xml;
        try (InputStream in = RealGpsTracesTest.class.getResourceAsStream("/real/" + name)) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<TrackPoint> out = new ArrayList<>();
        Matcher m = TRKPT.matcher(xml);
        while (m.find()) {
            Matcher t = TIME.matcher(m.group(3));
            if (t.find()) {
                out.add(new TrackPoint(
                        Instant.parse(t.group(1)).toEpochMilli(),
                        Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(1))));
            }
        }
        return out;
    }

    /** Independent step length: equirectangular projection at the mean latitude. */
    private static double flatMeters(TrackPoint a, TrackPoint b) {
        double phi = Math.toRadians((a.lat() + b.lat()) / 2);
        double x = Math.toRadians(b.lon() - a.lon()) * Math.cos(phi);
        double y = Math.toRadians(b.lat() - a.lat());
        return R * Math.hypot(x, y);
    }

    private static List<Cleaned> clean(List<TrackPoint> track) {
        TrajectoryCleaner cleaner = new TrajectoryCleaner();
        CleanerState s = CleanerState.EMPTY;
        List<Cleaned> out = new ArrayList<>();
        for (TrackPoint p : track) {
            Cleaned c = cleaner.clean(s, p.time(), p.lon(), p.lat());
            out.add(c);
            s = c.state();
        }
        return out;
    }

    /**
     * Independent oracle of the cleaning rule, written from the sentence with lists and
     * the equirectangular step length: 0 kept, 1 kept as a new start, 2 same time, 3 too fast.
     */
    static int[] oracle(List<TrackPoint> track) {
        int[] verdict = new int[track.size()];
        TrackPoint kept = null;
        List<TrackPoint> run = new ArrayList<>();
        for (int i = 0; i < track.size(); i++) {
            TrackPoint p = track.get(i);
            if (kept == null) {
                kept = p;
                continue;
            }
            if (p.time() == kept.time()) {
                verdict[i] = 2;
                continue;
            }
            if (kmh(kept, p) <= 150) {
                kept = p;
                run.clear();
                continue;
            }
            TrackPoint prev = run.isEmpty() ? null : run.get(run.size() - 1);
            if (prev == null || p.time() <= prev.time() || kmh(prev, p) > 150) {
                run.clear();
            }
            run.add(p);
            if (run.size() == 3) {
                verdict[i] = 1;
                kept = p;
                run.clear();
            } else {
                verdict[i] = 3;
            }
        }
        return verdict;
    }

    private static double kmh(TrackPoint a, TrackPoint b) {
        return flatMeters(a, b) / (b.time() - a.time()) * 3600.0;
    }

    /** Distance of the counted steps by the oracle: kept after kept, gap at most 10 minutes. */
    static double oracleMeters(List<TrackPoint> track, int[] verdict) {
        double sum = 0;
        TrackPoint kept = null;
        for (int i = 0; i < track.size(); i++) {
            if (verdict[i] >= 2) {
                continue;
            }
            TrackPoint p = track.get(i);
            if (kept != null && verdict[i] == 0 && p.time() - kept.time() <= 600_000) {
                sum += flatMeters(kept, p);
            }
            kept = p;
        }
        return sum;
    }

    private static void assertAgreesWithOracle(List<TrackPoint> track) {
        List<Cleaned> cleaned = clean(track);
        int[] expected = oracle(track);
        PeriodTotals totals = PeriodTotals.ZERO;
        for (int i = 0; i < track.size(); i++) {
            Cleaned c = cleaned.get(i);
            int got = c.kept() ? (c.newStart() ? 1 : 0) : c.dropped() == DropReason.SAME_TIME ? 2 : 3;
            assertThat(got).as("verdict on position %d", i).isEqualTo(expected[i]);
            if (c.kept() && c.hasStep()) {
                assertThat(c.stepKmh()).isLessThanOrEqualTo(150.0);
            }
            totals = totals.add(c, StepRule.DEFAULT);
        }
        double meters = oracleMeters(track, expected);
        assertThat(totals.meters()).isCloseTo(meters, Offset.offset(meters * 1e-4));
        assertThat(totals.meters()).isGreaterThan(1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"around-visnjan-with-car.gpx", "cerknicko-jezero.gpx"})
    void realTraceIsCleanedAsTheIndependentOracleSaysAndItsDistanceAgrees(String file) throws IOException {
        List<TrackPoint> track = read(file);
        assertThat(track).hasSizeGreaterThan(100);
        assertAgreesWithOracle(track);
        // a receiver that reports one fix twice: the copy at the same time is dropped
        List<TrackPoint> twice = new ArrayList<>(track);
        TrackPoint p = track.get(track.size() / 2);
        twice.add(track.size() / 2 + 1, new TrackPoint(p.time(), p.lon() + 0.00001, p.lat()));
        assertThat(clean(twice).get(track.size() / 2 + 1).dropped()).isEqualTo(DropReason.SAME_TIME);
        assertAgreesWithOracle(twice);
    }

    @Test
    void theRealWalkHasARealGpsJumpThatIsDroppedTheCarNone() throws IOException {
        List<Cleaned> walk = clean(read("cerknicko-jezero.gpx"));
        assertThat(walk).anyMatch(c -> c.dropped() == DropReason.TOO_FAST);
        List<Cleaned> car = clean(read("around-visnjan-with-car.gpx"));
        assertThat(car).allMatch(Cleaned::kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"around-visnjan-with-car.gpx", "cerknicko-jezero.gpx"})
    void injectedJumpIsDroppedAndTheRestAgreesWithTheOracle(String file) throws IOException {
        List<TrackPoint> track = distinctTimes(read(file));
        int k = track.size() / 3;
        List<TrackPoint> jumped = new ArrayList<>(track);
        TrackPoint p = track.get(k);
        jumped.set(k, new TrackPoint(p.time(), p.lon() + 0.3, p.lat()));
        assertThat(clean(jumped).get(k).dropped()).isEqualTo(DropReason.TOO_FAST);
        assertAgreesWithOracle(jumped);
    }

    @ParameterizedTest
    @ValueSource(strings = {"around-visnjan-with-car.gpx", "cerknicko-jezero.gpx"})
    void relocatedTailRestartsAtItsThirdPositionWithoutCountingTheStepIntoIt(String file) throws IOException {
        List<TrackPoint> track = distinctTimes(read(file));
        int k = track.size() / 3;
        List<TrackPoint> moved = new ArrayList<>();
        for (int i = 0; i < track.size(); i++) {
            TrackPoint p = track.get(i);
            moved.add(i < k ? p : new TrackPoint(p.time(), p.lon(), p.lat() + 1.0));
        }
        List<Cleaned> c = clean(moved);
        assertThat(c.get(k).dropped()).isEqualTo(DropReason.TOO_FAST);
        assertThat(c.get(k + 1).dropped()).isEqualTo(DropReason.TOO_FAST);
        assertThat(c.get(k + 2).newStart()).isTrue();
        assertAgreesWithOracle(moved);
    }

    private static List<TrackPoint> distinctTimes(List<TrackPoint> track) {
        List<TrackPoint> out = new ArrayList<>();
        for (TrackPoint p : track) {
            if (out.isEmpty() || p.time() > out.get(out.size() - 1).time()) {
                out.add(p);
            }
        }
        return out;
    }
}

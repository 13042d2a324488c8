package io.gridpulse.domain.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrajectoryCleanerTest {

    /** About 111 m per 0.001 degree of latitude. */
    private static final double DEG_PER_KM = 1.0 / 111.195;

    private final TrajectoryCleaner cleaner = new TrajectoryCleaner();

    private List<Cleaned> run(long[] times, double[] lats) {
        CleanerState s = CleanerState.EMPTY;
        List<Cleaned> out = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            Cleaned c = cleaner.clean(s, times[i] * 1000, 120.0, 30.0 + lats[i]);
            out.add(c);
            s = c.state();
        }
        return out;
    }

    @Test
    void firstPositionIsKeptWithoutAStep() {
        Cleaned c = cleaner.clean(CleanerState.EMPTY, 0, 120, 30);
        assertThat(c.kept()).isTrue();
        assertThat(c.hasStep()).isFalse();
    }

    @Test
    void repeatedTimeOfTheLastKeptIsDropped() {
        List<Cleaned> c = run(new long[] {0, 0, 10}, new double[] {0, 0.0001, 0.0002});
        assertThat(c.get(1).dropped()).isEqualTo(DropReason.SAME_TIME);
        assertThat(c.get(2).kept()).isTrue();
        assertThat(c.get(2).stepMillis()).isEqualTo(10_000);
    }

    @Test
    void speedExactlyAtTheLimitIsKeptAboveIsDropped() {
        // 150 km/h for 60 s is 2.5 km
        double at = 2.5 * DEG_PER_KM;
        Cleaned ok = cleaner.clean(cleaner.clean(CleanerState.EMPTY, 0, 120, 30).state(), 60_000, 120, 30 + at * 0.999);
        Cleaned fast =
                cleaner.clean(cleaner.clean(CleanerState.EMPTY, 0, 120, 30).state(), 60_000, 120, 30 + at * 1.01);
        assertThat(ok.kept()).isTrue();
        assertThat(fast.dropped()).isEqualTo(DropReason.TOO_FAST);
    }

    @Test
    void oneJumpIsDroppedAndTheTrackContinuesFromTheLastKept() {
        List<Cleaned> c = run(new long[] {0, 10, 20, 30}, new double[] {0, 0.05, 0.0002, 0.0004});
        assertThat(c.get(1).dropped()).isEqualTo(DropReason.TOO_FAST);
        assertThat(c.get(2).kept()).isTrue();
        assertThat(c.get(2).stepMillis()).isEqualTo(20_000);
        assertThat(c.get(3).kept()).isTrue();
    }

    @Test
    void thirdConsistentDroppedPositionIsANewStartWhoseStepIsNotCounted() {
        // the vehicle reappears 20 km away and drives on slowly from there
        List<Cleaned> c = run(new long[] {0, 30, 40, 50, 60}, new double[] {0, 0.18, 0.1801, 0.1802, 0.1803});
        assertThat(c.get(1).dropped()).isEqualTo(DropReason.TOO_FAST);
        assertThat(c.get(2).dropped()).isEqualTo(DropReason.TOO_FAST);
        assertThat(c.get(3).kept()).isTrue();
        assertThat(c.get(3).newStart()).isTrue();
        assertThat(c.get(3).hasStep()).isFalse();
        assertThat(c.get(4).kept()).isTrue();
        assertThat(c.get(4).hasStep()).isTrue();
        assertThat(c.get(4).stepMillis()).isEqualTo(10_000);
    }

    @Test
    void droppedPositionsThatJumpAmongThemselvesDoNotMakeANewStart() {
        // three wild fixes in different places: each too fast from the one before it as well
        List<Cleaned> c = run(new long[] {0, 10, 20, 30, 40}, new double[] {0, 0.2, -0.2, 0.2, 0.0003});
        assertThat(c.subList(1, 4)).allMatch(x -> x.dropped() == DropReason.TOO_FAST);
        assertThat(c.get(4).kept()).isTrue();
        assertThat(c.get(4).newStart()).isFalse();
    }

    @Test
    void aRunRestartsAfterAnInconsistentDrop() {
        // drops: A(0.2), B(-0.2, inconsistent with A: run 1), C, D consistent with B: D is the third
        List<Cleaned> c = run(new long[] {0, 10, 20, 30, 40}, new double[] {0, 0.2, -0.2, -0.2001, -0.2002});
        assertThat(c.get(3).dropped()).isEqualTo(DropReason.TOO_FAST);
        assertThat(c.get(4).newStart()).isTrue();
    }

    @Test
    void earlierThanTheLastKeptIsOutOfOrder() {
        List<Cleaned> c = run(new long[] {10, 5}, new double[] {0, 0});
        assertThat(c.get(1).dropped()).isEqualTo(DropReason.OUT_OF_ORDER);
    }

    @Test
    void totalsCountStepsByRule() {
        StepRule rule = StepRule.DEFAULT;
        // 0 -> 60 s moving (100 m = 6 km/h), -> +60 s stationary (1 m), -> +11 min gap (not counted)
        List<Cleaned> c = run(
                new long[] {0, 60, 120, 780}, new double[] {0, 0.1 * DEG_PER_KM, 0.101 * DEG_PER_KM, 0.2 * DEG_PER_KM});
        PeriodTotals t = PeriodTotals.ZERO;
        for (Cleaned x : c) {
            t = t.add(x, rule);
        }
        assertThat(t.positions()).isEqualTo(4);
        assertThat(t.movingMillis()).isEqualTo(60_000);
        assertThat(t.stationaryMillis()).isEqualTo(60_000);
        assertThat(t.meters()).isBetween(100.5, 101.5);
    }
}

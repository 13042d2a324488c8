package io.gridpulse.flink.alerts.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.alert.AlertType;
import io.gridpulse.domain.alert.spatial.HotspotRule;
import io.gridpulse.domain.alert.spatial.HotspotRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HOTSPOT through Flink CEP at parallelism 2, against the plain rule of issue #4 ({@link
 * PlainRules}): named edge cases, then random input, delivered shuffled.
 */
class HotspotCepTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static final long MIN = 60_000L;
    private static final long T0 = 1_790_000_000_000L;
    /** K = 3, W = 10 minutes: small enough to write cases by hand. */
    private static final SpatialAlertSettings K3_W10 =
            new SpatialAlertSettings(HotspotRules.defaults(HotspotRule.ofMinutes(3, 10)), 0, 0);

    private static Report r(String id, long minutes, String grid) {
        return new Report(id, "C-" + id, T0 + minutes * MIN, "0101", grid, 109.7, 38.3);
    }

    private static List<Alert> hotspots(List<Report> input, SpatialAlertSettings s) throws Exception {
        List<Report> shuffled = new ArrayList<>(input);
        Collections.shuffle(shuffled, new Random(input.size()));
        return SpatialRun.run(shuffled, s).stream()
                .filter(a -> a.type() == AlertType.HOTSPOT)
                .toList();
    }

    private static List<String> ids(List<List<Report>> hotspots, SpatialAlertSettings s) {
        return hotspots.stream()
                .map(h -> HotspotMatch.alert(
                                h, s.hotspotRules().ruleFor(h.get(0).categoryCode()), 0)
                        .alertId())
                .sorted()
                .toList();
    }

    @Test
    void exactlyKWithinTheWindowIsAHotspotAtTheLastReport() throws Exception {
        List<Alert> out = hotspots(List.of(r("a", 0, "G1"), r("b", 4, "G1"), r("c", 9, "G1")), K3_W10);
        assertThat(out).singleElement().satisfies(a -> {
            assertThat(a.time()).isEqualTo(T0 + 9 * MIN);
            assertThat(a.gridCode()).isEqualTo("G1");
            assertThat(a.categoryCode()).isEqualTo("0101");
            assertThat(a.details()).contains("\"eventIds\":[\"a\",\"b\",\"c\"]");
        });
    }

    @Test
    void kMinusOneIsNone() throws Exception {
        assertThat(hotspots(List.of(r("a", 0, "G1"), r("b", 1, "G1")), K3_W10)).isEmpty();
    }

    @Test
    void spanOfExactlyWCountsAndOneMillisecondMoreDoesNot() throws Exception {
        assertThat(hotspots(List.of(r("a", 0, "G1"), r("b", 5, "G1"), r("c", 10, "G1")), K3_W10))
                .hasSize(1);
        Report late = new Report("c", "C-c", T0 + 10 * MIN + 1, "0101", "G1", 109.7, 38.3);
        assertThat(hotspots(List.of(r("a", 0, "G1"), r("b", 5, "G1"), late), K3_W10))
                .isEmpty();
    }

    @Test
    void consumedReportsAreNotReused() throws Exception {
        // a b c match; d e alone are K-1; f makes d e f
        List<Report> in = List.of(
                r("a", 0, "G1"), r("b", 1, "G1"), r("c", 2, "G1"), r("d", 3, "G1"), r("e", 4, "G1"), r("f", 5, "G1"));
        assertThat(hotspots(in, K3_W10)).extracting(Alert::time).containsExactlyInAnyOrder(T0 + 2 * MIN, T0 + 5 * MIN);
    }

    @Test
    void reportsOutsideEveryGridAndOfOtherGridsAreLeftOut() throws Exception {
        List<Report> in = List.of(r("a", 0, ""), r("b", 1, ""), r("c", 2, ""), r("d", 3, "G1"), r("e", 4, "G2"));
        assertThat(hotspots(in, K3_W10)).isEmpty();
    }

    @Test
    void laterReportsOfTheSameCaseCount() throws Exception {
        List<Report> in = List.of(
                new Report("a", "C1", T0, "0101", "G1", 109.7, 38.3),
                new Report("b", "C1", T0 + MIN, "0101", "G1", 109.7, 38.3),
                new Report("c", "C1", T0 + 2 * MIN, "0101", "G1", 109.7, 38.3));
        assertThat(hotspots(in, K3_W10)).hasSize(1);
    }

    @Test
    void tiesInTimeAreTakenInEventIdOrder() throws Exception {
        // four reports at one instant: the first three by eventId match, the fourth is left
        List<Report> in = List.of(r("d", 0, "G1"), r("b", 0, "G1"), r("a", 0, "G1"), r("c", 0, "G1"));
        assertThat(hotspots(in, K3_W10)).singleElement().satisfies(a -> assertThat(a.details())
                .contains("\"eventIds\":[\"a\",\"b\",\"c\"]"));
    }

    @Test
    void categoriesFollowTheirOwnRule() throws Exception {
        SpatialAlertSettings s = new SpatialAlertSettings(
                new HotspotRules(HotspotRule.ofMinutes(3, 10), Map.of("0202", HotspotRule.ofMinutes(2, 0))), 0, 0);
        List<Report> in = List.of(
                new Report("x", "C1", T0, "0202", "G1", 109.7, 38.3),
                new Report("y", "C2", T0, "0202", "G1", 109.7, 38.3),
                r("a", 0, "G1"),
                r("b", 0, "G1"));
        assertThat(hotspots(in, s)).singleElement().satisfies(a -> assertThat(a.categoryCode())
                .isEqualTo("0202"));
    }

    @Test
    void matchesThePlainRuleOnRandomShuffledInput() throws Exception {
        Random rnd = new Random(20261122);
        SpatialAlertSettings s = new SpatialAlertSettings(
                new HotspotRules(
                        HotspotRule.ofMinutes(3, 10),
                        Map.of("0202", HotspotRule.ofMinutes(4, 30), "0303", HotspotRule.ofMinutes(2, 0))),
                0,
                0);
        long[] gaps = {0, 0, 1_000, MIN, 3 * MIN, 7 * MIN, 12 * MIN, 40 * MIN};
        String[] grids = {"G1", "G2", "G3", ""};
        String[] cats = {"0101", "0202", "0303"};
        List<Report> in = new ArrayList<>();
        long[] clock = new long[grids.length * cats.length];
        for (int i = 0; i < 3000; i++) {
            int g = rnd.nextInt(grids.length);
            int c = rnd.nextInt(cats.length);
            int key = g * cats.length + c;
            clock[key] += gaps[rnd.nextInt(gaps.length)];
            in.add(new Report(
                    String.format("E%05d", rnd.nextInt(100_000)) + "-" + i,
                    "C" + rnd.nextInt(500),
                    T0 + clock[key],
                    cats[c],
                    grids[g],
                    109.7,
                    38.3));
        }
        List<List<Report>> expected = PlainRules.hotspots(in, s.hotspotRules());
        assertThat(expected).hasSizeGreaterThan(100);
        List<Alert> actual = hotspots(in, s);
        assertThat(actual.stream().map(Alert::alertId).sorted().toList()).isEqualTo(ids(expected, s));
        Map<String, Long> timeById = actual.stream().collect(Collectors.toMap(Alert::alertId, Alert::time));
        for (List<Report> h : expected) {
            String id = HotspotMatch.alert(h, s.hotspotRules().ruleFor(h.get(0).categoryCode()), 0)
                    .alertId();
            assertThat(timeById.get(id)).isEqualTo(h.get(h.size() - 1).time());
        }
    }
}

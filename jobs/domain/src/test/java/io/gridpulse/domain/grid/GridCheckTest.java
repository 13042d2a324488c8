package io.gridpulse.domain.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.geo.Crs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridCheckTest {

    private static List<GeoFeature> read(String... features) {
        return GeoJsonFeatures.read(
                ("{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}")
                        .getBytes(StandardCharsets.UTF_8),
                Crs.WGS84);
    }

    private static String poly(String code, String rings) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":" + rings + "}}";
    }

    // squares of 0.001 deg (about 100 m) near Yulin
    private static String box(String code, double x0, double y0, double x1, double y1) {
        return poly(
                code,
                "[[[" + x0 + "," + y0 + "],[" + x1 + "," + y0 + "],[" + x1 + "," + y1 + "],[" + x0 + "," + y1 + "],["
                        + x0 + "," + y0 + "]]]");
    }

    @Test
    void cleanPartitionHasNoIssues() {
        assertThat(GridCheck.check(read(box("a", 110, 22, 110.001, 22.001), box("b", 110.001, 22, 110.002, 22.001))))
                .isEmpty();
        assertThat(GridCheck.check(SyntheticGrids.generate(200, 5))).isEmpty();
    }

    @Test
    void overlapIsReportedWithAreaAndPoint() {
        List<GridIssue> issues =
                GridCheck.check(read(box("a", 110, 22, 110.001, 22.001), box("b", 110.0005, 22, 110.002, 22.001)));
        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(GridIssue.Kind.OVERLAP);
            assertThat(i.codes()).containsExactly("a", "b");
            assertThat(i.lon()).isBetween(110.0005, 110.001);
            assertThat(i.lat()).isBetween(22.0, 22.001);
            // 0.0005 x 0.001 deg at 22 N: about 5,740 m2
            assertThat(i.detail()).containsPattern("overlap by 57\\d\\d\\.\\d\\d m2");
        });
    }

    @Test
    void gapInsideTheOuterBoundaryIsReported() {
        // a ring of four grids around an empty middle square
        List<GridIssue> issues = GridCheck.check(read(
                box("s", 110, 22, 110.003, 22.001),
                box("n", 110, 22.002, 110.003, 22.003),
                box("w", 110, 22.001, 110.001, 22.002),
                box("e", 110.002, 22.001, 110.003, 22.002)));
        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(GridIssue.Kind.GAP);
            assertThat(i.lon()).isBetween(110.001, 110.002);
            assertThat(i.lat()).isBetween(22.001, 22.002);
        });
    }

    @Test
    void duplicateCodesMissingCodesAndInvalidRingsAreReported() {
        List<GridIssue> issues = GridCheck.check(read(
                box("a", 110, 22, 110.001, 22.001),
                box("a", 110.001, 22, 110.002, 22.001),
                "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                        + "[[[110.003,22],[110.004,22],[110.004,22.001],[110.003,22.001],[110.003,22]]]}}",
                poly("bow", "[[[110.005,22],[110.006,22.001],[110.006,22],[110.005,22.001],[110.005,22]]]"),
                poly("open", "[[[110.007,22],[110.008,22],[110.008,22.001],[110.007,22.001]]]"),
                poly("few", "[[[110.009,22],[110.0095,22.001],[110.009,22]]]")));
        assertThat(issues).anySatisfy(i -> {
            assertThat(i.kind()).isEqualTo(GridIssue.Kind.DUPLICATE_CODE);
            assertThat(i.codes()).containsExactly("a");
        });
        assertThat(issues).anySatisfy(i -> assertThat(i.kind()).isEqualTo(GridIssue.Kind.MISSING_CODE));
        assertThat(issues).anySatisfy(i -> {
            assertThat(i.kind()).isEqualTo(GridIssue.Kind.INVALID_RING);
            assertThat(i.codes()).containsExactly("bow");
            assertThat(i.detail()).contains("Self-intersection");
            assertThat(i.lon()).isCloseTo(110.0055, org.assertj.core.data.Offset.offset(1e-9));
        });
        assertThat(issues).anySatisfy(i -> {
            assertThat(i.kind()).isEqualTo(GridIssue.Kind.INVALID_RING);
            assertThat(i.codes()).containsExactly("open");
            assertThat(i.detail()).contains("not closed");
            assertThat(i.lon()).isEqualTo(110.007);
        });
        assertThat(issues).anySatisfy(i -> {
            assertThat(i.kind()).isEqualTo(GridIssue.Kind.INVALID_RING);
            assertThat(i.codes()).containsExactly("few");
            assertThat(i.detail()).contains("fewer than 4 positions");
        });
        assertThat(issues).anySatisfy(i -> {
            assertThat(i.kind()).isEqualTo(GridIssue.Kind.NOT_POLYGONAL);
            assertThat(i.codes()).containsExactly("few");
        });
    }
}

package io.gridpulse.domain.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.geo.CoordinateTransform;
import io.gridpulse.domain.geo.Crs;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.io.ParseException;

/**
 * The WKT fixtures of {@link GridIndexEdgeCasesTest}, with the grid file and the points in
 * different coordinate systems. The expected answer is the one in the fixtures' own system after
 * an exact conversion of the point: the loader converts vertices with {@link
 * CoordinateTransform#toWgs84}, so a point on a vertex converted the same way stays on it, to the
 * bit. Where the conversion cannot be exact the case says which answers are possible:
 *
 * <ul>
 *   <li>a point on an edge (not a vertex) of a GCJ-02 file: GCJ-02 is non-linear, so the WGS84
 *       image of a straight edge's midpoint lies centimetres off the converted straight edge: one
 *       of the grids sharing the edge;
 *   <li>a vertex point given in GCJ-02 against a WGS84 file: the inverse transform is iterative
 *       (about 0.1 mm), so the point lands in one of the grids meeting at that vertex.
 * </ul>
 *
 * Points 1e-7 degree (about a centimetre) inside or outside a border are beyond both errors and
 * must keep their answer exactly.
 */
class GridCrsEdgeCasesTest {

    @ParameterizedTest(name = "{0}: ({1}, {2}) GCJ-02 file -> {3}; GCJ-02 points -> {4}")
    @CsvSource({
        "interior of A,                             110.001, 22.001, A, A",
        "vertex shared by A B C D,                  110.01, 22.01, A, A|B|C|D",
        "vertex shared by B T U (3 grids),          110.02, 22.0, B, B|T|U|''",
        "outer corner of A alone,                   110.0, 22.0, A, A|''",
        "outer corner of D (north-east),            110.02, 22.02, D, D|''",
        "vertex of A's hole (A and H share it),     110.002, 22.002, A, A|H",
        "shared vertical edge of A and B,           110.01, 22.005, A|B, A|B",
        "shared horizontal edge of B and D,         110.015, 22.01, B|D, B|D",
        "in A's hole: the grid H inside it,         110.005, 22.005, H, H",
        "just outside A to the west (1e-7 deg),     109.9999999, 22.005, '', ''",
        "just inside A (1e-7 deg),                  110.0000001, 22.005, A, A",
        "just outside A to the south (1e-7 deg),    110.005, 21.9999999, '', ''",
        "first polygon of MultiPolygon M,           110.035, 22.005, M, M",
        "between the two polygons of M,             110.045, 22.005, '', ''",
    })
    void sameAnswerAsAfterAnExactConversion(
            String name, double lon, double lat, String gcjFileExpected, String gcjPointsExpected)
            throws ParseException {
        GridSet fixtures = GridIndexEdgeCasesTest.fixtures();

        // 1. the grid file is published in GCJ-02 (the fixtures' numbers are GCJ-02), points in WGS84
        GridSet fromGcj = GridSet.load(GeoJsonWriter.write(fixtures, Crs.WGS84), Crs.GCJ02);
        double[] wgs = CoordinateTransform.toWgs84(Crs.GCJ02, lon, lat);
        assertThat(wgs[0]).as("the offset is real here").isNotCloseTo(lon, org.assertj.core.data.Offset.offset(1e-4));
        for (GridIndex index : List.of(GridIndex.of(fromGcj), GridIndex.baseline(fromGcj))) {
            assertThat(index.locate(wgs[0], wgs[1]))
                    .as("%s: GCJ-02 file, WGS84 point", name)
                    .isIn(options(gcjFileExpected));
            assertThat(index.locate(Crs.WGS84, wgs[0], wgs[1])).isEqualTo(index.locate(wgs[0], wgs[1]));
        }

        // 2. the grid file is WGS84 (the fixtures' numbers are WGS84), points arrive in GCJ-02
        double[] gcj = CoordinateTransform.fromWgs84(Crs.GCJ02, lon, lat);
        for (GridIndex index : List.of(GridIndex.of(fixtures), GridIndex.baseline(fixtures))) {
            assertThat(index.locate(Crs.GCJ02, gcj[0], gcj[1]))
                    .as("%s: WGS84 file, GCJ-02 point", name)
                    .isIn(options(gcjPointsExpected));
        }
    }

    private static List<String> options(String spec) {
        return java.util.Arrays.stream(spec.split("\\|", -1))
                .map(s -> s.equals("''") ? "" : s)
                .toList();
    }
}

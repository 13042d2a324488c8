package io.gridpulse.domain.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * WKT fixtures with the degenerate cases named. Layout (lon, lat, degrees near 110, 22):
 *
 * <pre>
 *  22.02 +----------+----------+
 *        |    C     |    D     |      A: [110.00,110.01] x [22.00,22.01], a hole
 *  22.01 +----------*----------+         [110.002,110.008] x [22.002,22.008]
 *        |  A  +--+ |    B     |      H: the grid inside A's hole
 *        |     |H | |          |      B, C, D: plain squares; * is a vertex of A, B, C, D
 *  22.00 +-----+--+-+----------+      M: a MultiPolygon, two squares further east
 *     110.00       110.01     110.02
 * </pre>
 */
class GridIndexEdgeCasesTest {

    private static final String[][] FIXTURES = {
        {
            "A",
            "POLYGON ((110 22, 110.01 22, 110.01 22.01, 110 22.01, 110 22),"
                    + " (110.002 22.002, 110.008 22.002, 110.008 22.008, 110.002 22.008, 110.002 22.002))"
        },
        {"H", "POLYGON ((110.002 22.002, 110.008 22.002, 110.008 22.008, 110.002 22.008, 110.002 22.002))"},
        {"B", "POLYGON ((110.01 22, 110.02 22, 110.02 22.01, 110.01 22.01, 110.01 22))"},
        {"C", "POLYGON ((110 22.01, 110.01 22.01, 110.01 22.02, 110 22.02, 110 22.01))"},
        {"D", "POLYGON ((110.01 22.01, 110.02 22.01, 110.02 22.02, 110.01 22.02, 110.01 22.01))"},
        {
            "M",
            "MULTIPOLYGON (((110.03 22, 110.04 22, 110.04 22.01, 110.03 22.01, 110.03 22)),"
                    + " ((110.05 22, 110.06 22, 110.06 22.01, 110.05 22.01, 110.05 22)))"
        },
        // a triangle sharing a vertex of three grids' corner region to the south-east: B, T and U meet
        {"T", "POLYGON ((110.02 22, 110.025 21.99, 110.02 21.99, 110.02 22))"},
        {"U", "POLYGON ((110.02 22, 110.03 22, 110.025 21.99, 110.02 22))"},
    };

    static GridSet fixtures() throws ParseException {
        WKTReader wkt = new WKTReader(GeoJsonFeatures.factory());
        List<Grid> grids = new ArrayList<>();
        for (String[] f : FIXTURES) {
            grids.add(new Grid(f[0], f[0], "c", "s", "d", wkt.read(f[1])));
        }
        return GridSet.of(grids);
    }

    @ParameterizedTest(name = "{0}: ({1}, {2}) -> \"{3}\"")
    @CsvSource({
        "interior of A,                                  110.001, 22.001, A",
        "vertex shared by A B C D,                       110.01, 22.01, A",
        "vertex shared by B T U (3 grids),               110.02, 22.0, B",
        "shared vertical edge of A and B,                110.01, 22.005, A",
        "shared horizontal edge of A and C,              110.005, 22.01, A",
        "shared horizontal edge of B and D,              110.015, 22.01, B",
        "shared horizontal edge of C above A (C side),   110.0001, 22.01, A",
        "shared edge of T and U (slanted),               110.0225, 21.995, T",
        "in A's hole: the grid H inside it,              110.005, 22.005, H",
        "on the hole's ring (A and H share it),          110.002, 22.005, A",
        "on the hole's bottom edge,                      110.005, 22.002, A",
        "outer boundary of A alone (west edge),          110.0, 22.005, A",
        "outer boundary of A alone (south edge),         110.005, 22.0, A",
        "outer corner of A alone,                        110.0, 22.0, A",
        "outer boundary of D (north-east corner),        110.02, 22.02, D",
        "just outside A to the west (1e-9 deg),          109.999999999, 22.005, ''",
        "just outside A to the south (1e-9 deg),         110.005, 21.999999999, ''",
        "just inside A (1e-9 deg),                       110.000000001, 22.005, A",
        "first polygon of MultiPolygon M,                110.035, 22.005, M",
        "second polygon of MultiPolygon M,               110.055, 22.005, M",
        "between the two polygons of M,                  110.045, 22.005, ''",
        "on the boundary of M's second polygon,          110.05, 22.01, M",
        "far away,                                       0.0, 0.0, ''",
    })
    void borderRule(String name, double lon, double lat, String expected) throws ParseException {
        GridSet set = fixtures();
        GridIndex baseline = StrTreeGridIndex.build(set);
        assertThat(baseline.locate(lon, lat)).as("baseline, " + name).isEqualTo(expected);
        for (int cells : new int[] {1, 1000, 1 << 20}) {
            GridIndex raster = RasterGridIndex.build(set, cells);
            assertThat(raster.locate(lon, lat))
                    .as("raster with %d cells, %s", cells, name)
                    .isEqualTo(expected);
        }
    }

    @Test
    void emptyGridSetPutsEveryPointOutside() {
        GridSet empty = GridSet.of(List.of());
        assertThat(RasterGridIndex.build(empty).locate(110, 22)).isEmpty();
        assertThat(StrTreeGridIndex.build(empty).locate(110, 22)).isEmpty();
    }

    @Test
    void nonFiniteCoordinatesAreOutside() throws ParseException {
        GridSet set = fixtures();
        for (GridIndex index : List.of(StrTreeGridIndex.build(set), RasterGridIndex.build(set))) {
            assertThat(index.locate(Double.NaN, 22.005)).isEmpty();
            assertThat(index.locate(110.005, Double.POSITIVE_INFINITY)).isEmpty();
        }
    }

    @Test
    void smallestCodeWinsWhereGridsOverlap() throws ParseException {
        WKTReader wkt = new WKTReader(GeoJsonFeatures.factory());
        GridSet set = GridSet.of(List.of(
                new Grid("Z2", "", "", "", "", wkt.read("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")),
                new Grid("Z10", "", "", "", "", wkt.read("POLYGON ((4 4, 6 4, 6 6, 4 6, 4 4))"))));
        // "Z10" < "Z2" as plain strings
        assertThat(StrTreeGridIndex.build(set).locate(5, 5)).isEqualTo("Z10");
        assertThat(RasterGridIndex.build(set).locate(5, 5)).isEqualTo("Z10");
        assertThat(RasterGridIndex.build(set).locate(1, 1)).isEqualTo("Z2");
    }
}

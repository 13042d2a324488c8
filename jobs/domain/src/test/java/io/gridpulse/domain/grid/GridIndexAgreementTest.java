package io.gridpulse.domain.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** The raster index and the baseline agree point by point, borders above all. */
class GridIndexAgreementTest {

    private static final GridSet GRIDS = SyntheticGrids.generate(300, 11);

    @Test
    void syntheticGridIsRealistic() {
        assertThat(GRIDS.size()).isGreaterThanOrEqualTo(300);
        double vertices = GRIDS.grids().stream()
                .mapToInt(g -> g.geometry().getNumPoints())
                .average()
                .orElse(0);
        assertThat(vertices).isGreaterThan(15);
        assertThat(GridCheck.check(GRIDS))
                .filteredOn(i -> i.kind() == GridIssue.Kind.OVERLAP)
                .isEmpty();
    }

    @Test
    void agreeOnRandomClusteredAndBorderPoints() {
        double[][] p = SyntheticGrids.points(GRIDS, 200_000, 50_000, 5);
        assertAgree(p[0], p[1]);
    }

    @Test
    void agreeOnEveryVertexAndOnPointsExactlyOnEdges() {
        SplittableRandom rnd = new SplittableRandom(3);
        java.util.List<double[]> pts = new java.util.ArrayList<>();
        for (Grid g : GRIDS.grids()) {
            Coordinate[] cs = g.geometry().getCoordinates();
            for (int i = 0; i + 1 < cs.length; i++) {
                pts.add(new double[] {cs[i].x, cs[i].y});
                double t = rnd.nextDouble();
                pts.add(new double[] {cs[i].x + t * (cs[i + 1].x - cs[i].x), cs[i].y + t * (cs[i + 1].y - cs[i].y)});
                pts.add(new double[] {(cs[i].x + cs[i + 1].x) / 2, (cs[i].y + cs[i + 1].y) / 2});
                // one ulp either side of a vertex
                pts.add(new double[] {Math.nextUp(cs[i].x), cs[i].y});
                pts.add(new double[] {cs[i].x, Math.nextDown(cs[i].y)});
            }
        }
        double[] lon = pts.stream().mapToDouble(d -> d[0]).toArray();
        double[] lat = pts.stream().mapToDouble(d -> d[1]).toArray();
        assertAgree(lon, lat);
    }

    private static void assertAgree(double[] lon, double[] lat) {
        StrTreeGridIndex baseline = StrTreeGridIndex.build(GRIDS);
        // coarse and fine rasters: cell edges fall on different places relative to the borders
        for (int cells : new int[] {5_000, GRIDS.size() * RasterGridIndex.CELLS_PER_GRID}) {
            RasterGridIndex raster = RasterGridIndex.build(GRIDS, cells);
            int differ = 0;
            String first = null;
            for (int i = 0; i < lon.length; i++) {
                String a = baseline.locate(lon[i], lat[i]);
                String b = raster.locate(lon[i], lat[i]);
                if (!a.equals(b) && differ++ == 0) {
                    first = lon[i] + "," + lat[i] + " baseline " + a + " raster " + b;
                }
                // the grid found is the one named, with its hierarchy, in both indexes
                Grid ga = baseline.locateGrid(lon[i], lat[i]);
                Grid gb = raster.locateGrid(lon[i], lat[i]);
                if ((!ga.code().equals(a) || !gb.code().equals(b) || ga != GRIDS.grid(a)) && differ++ == 0) {
                    first = lon[i] + "," + lat[i] + " grid " + ga.code() + "/" + gb.code() + " for " + a + "/" + b;
                }
            }
            assertThat(differ).as("cells %d, first difference %s", cells, first).isZero();
        }
    }
}

package io.gridpulse.domain.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.geo.CoordinateTransform;
import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.geo.Haversine;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/** Grid files and points in different coordinate systems give the assignment of an exact conversion. */
class GridCrsTest {

    private static final GridSet WGS = SyntheticGrids.generate(300, 23);
    private static final double[][] POINTS = SyntheticGrids.points(WGS, 30_000, 0, 9);

    @Test
    void gridFileInGcj02AndPointsInWgs84() {
        for (Crs fileCrs : new Crs[] {Crs.GCJ02, Crs.BD09}) {
            GridSet loaded = GridSet.load(GeoJsonWriter.write(WGS, fileCrs), fileCrs);
            // vertex by vertex, the loaded grid is the WGS84 grid to well under a millimetre
            for (int i = 0; i < WGS.size(); i++) {
                Coordinate[] a = WGS.grids().get(i).geometry().getCoordinates();
                Coordinate[] b =
                        loaded.grid(WGS.grids().get(i).code()).geometry().getCoordinates();
                assertThat(b).hasSameSizeAs(a);
                for (int k = 0; k < a.length; k++) {
                    assertThat(Haversine.meters(a[k].x, a[k].y, b[k].x, b[k].y)).isLessThan(0.001);
                }
            }
            assertSameAssignment(RasterGridIndex.build(WGS), RasterGridIndex.build(loaded), Crs.WGS84);
        }
    }

    @Test
    void gridFileInWgs84AndPointsInGcj02OrBd09() {
        GridIndex index = RasterGridIndex.build(WGS);
        for (Crs pointCrs : new Crs[] {Crs.GCJ02, Crs.BD09}) {
            assertSameAssignment(index, index, pointCrs);
        }
    }

    /**
     * Points are generated in WGS84; {@code actual} sees them converted to {@code pointCrs}. The
     * answers must match except within a millimetre of a border, where the inverse's sub-millimetre
     * error may legitimately move a point across.
     */
    private static void assertSameAssignment(GridIndex expected, GridIndex actual, Crs pointCrs) {
        int compared = 0;
        for (int i = 0; i < POINTS[0].length; i++) {
            double lon = POINTS[0][i];
            double lat = POINTS[1][i];
            double[] p = CoordinateTransform.fromWgs84(pointCrs, lon, lat);
            String want = expected.locate(lon, lat);
            String got = actual.locate(pointCrs, p[0], p[1]);
            if (!want.equals(got)) {
                assertThat(metresToBorder(lon, lat, want, got))
                        .as("point %f,%f", lon, lat)
                        .isLessThan(0.001);
            } else {
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(POINTS[0].length - 10);
    }

    private static double metresToBorder(double lon, double lat, String a, String b) {
        String code = a.isEmpty() ? b : a;
        Geometry g = WGS.grid(code).geometry();
        double deg = g.getBoundary().distance(g.getFactory().createPoint(new Coordinate(lon, lat)));
        return deg * 111_320;
    }
}

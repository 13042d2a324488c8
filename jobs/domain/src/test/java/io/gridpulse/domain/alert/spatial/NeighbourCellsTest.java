package io.gridpulse.domain.alert.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.domain.geo.Haversine;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NeighbourCellsTest {

    /** A point at about {@code meters} from (lon, lat) in direction {@code bearing}, on the sphere. */
    private static double[] offset(double lon, double lat, double meters, double bearing) {
        double d = meters / Haversine.EARTH_RADIUS_M;
        double phi = Math.toRadians(lat);
        double lam = Math.toRadians(lon);
        double phi2 = Math.asin(Math.sin(phi) * Math.cos(d) + Math.cos(phi) * Math.sin(d) * Math.cos(bearing));
        double lam2 = lam
                + Math.atan2(
                        Math.sin(bearing) * Math.sin(d) * Math.cos(phi), Math.cos(d) - Math.sin(phi) * Math.sin(phi2));
        return new double[] {Math.toDegrees(lam2), Math.toDegrees(phi2)};
    }

    private static void assertFound(NeighbourCells cells, double meters, double lon, double lat, Random rnd, int n) {
        for (int i = 0; i < n; i++) {
            double[] q = offset(lon, lat, meters * rnd.nextDouble(), rnd.nextDouble() * 2 * Math.PI);
            if (Haversine.meters(lon, lat, q[0], q[1]) > meters) {
                continue; // rounding put it just outside: not a pair the rule must find
            }
            assertThat(cells.covering(lon, lat))
                    .as("%s,%s -> %s,%s", lon, lat, q[0], q[1])
                    .contains(cells.home(q[0], q[1]));
            assertThat(cells.covering(q[0], q[1])).contains(cells.home(lon, lat));
        }
    }

    @Test
    void everyPointWithinTheDistanceIsInACoveringCell() {
        Random rnd = new Random(42);
        for (double meters : new double[] {0, 1, 50, 333, 5000}) {
            NeighbourCells cells = new NeighbourCells(meters);
            for (int i = 0; i < 300; i++) {
                double lat = -75 + 150 * rnd.nextDouble();
                double lon = -170 + 340 * rnd.nextDouble();
                assertFound(cells, meters, lon, lat, rnd, 20);
            }
        }
    }

    @Test
    void pointsExactlyAtTheDistanceOnACellEdgeAreFound() {
        NeighbourCells cells = new NeighbourCells(50);
        Random rnd = new Random(7);
        // cell edges: multiples of the cell size; points exactly on them and at the full distance
        double cellDeg = Math.toDegrees(2 * 50 / Haversine.EARTH_RADIUS_M);
        for (int i = 0; i < 200; i++) {
            double lon = Math.floor(109.7 / cellDeg) * cellDeg;
            double lat = Math.floor(38.3 / cellDeg) * cellDeg;
            for (double bearing = 0; bearing < 2 * Math.PI; bearing += Math.PI / 4) {
                double[] q = offset(lon, lat, 50 - 1e-6, bearing);
                assertThat(cells.covering(lon, lat)).contains(cells.home(q[0], q[1]));
            }
            assertFound(cells, 50, lon, lat, rnd, 5);
        }
    }

    @Test
    void nearThePolesRowsAreOneCellAndStillFound() {
        NeighbourCells cells = new NeighbourCells(50);
        Random rnd = new Random(3);
        for (double lat : new double[] {79.9995, 80.0, 80.0004, 85, 89.9999, -79.9996, -89.9999}) {
            assertFound(cells, 50, 123.4, lat, rnd, 200);
            assertThat(cells.covering(123.4, lat)).hasSizeLessThan(20);
        }
    }

    @Test
    void aBoxTouchesFewCellsAtCityLatitudes() {
        NeighbourCells cells = new NeighbourCells(50);
        assertThat(cells.covering(109.7345, 38.2851)).hasSizeBetween(1, 9);
        assertThat(cells.covering(109.7345, 38.2851)).contains(cells.home(109.7345, 38.2851));
    }

    @Test
    void distanceOutOfRangeIsRefused() {
        assertThatThrownBy(() -> new NeighbourCells(-1)).hasMessageContaining("between 0 and");
        assertThatThrownBy(() -> new NeighbourCells(Double.NaN)).hasMessageContaining("between 0 and");
        assertThatThrownBy(() -> new NeighbourCells(200_000)).hasMessageContaining("between 0 and");
    }
}

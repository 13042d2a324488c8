package io.gridpulse.domain.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CoordinateTransformTest {

    // Reference pairs published with wandergis/coordtransform (test/app.js), the implementation
    // most Chinese GIS code copies; input (116.404, 39.915) in Beijing.
    @Test
    void wgs84ToGcj02MatchesPublishedPair() {
        double[] g = CoordinateTransform.wgs84ToGcj02(116.404, 39.915);
        assertThat(g[0]).isCloseTo(116.41024449916938, within(1e-12));
        assertThat(g[1]).isCloseTo(39.91640428150164, within(1e-12));
    }

    @Test
    void gcj02ToBd09MatchesPublishedPair() {
        double[] b = CoordinateTransform.gcj02ToBd09(116.404, 39.915);
        assertThat(b[0]).isCloseTo(116.41036949371029, within(1e-12));
        assertThat(b[1]).isCloseTo(39.92133699351021, within(1e-12));
    }

    @Test
    void inversesAreWithinAFewMetresOfThePublishedOneStepApproximations() {
        // coordtransform's inverses are one-step approximations (off by up to metres); ours iterate
        double[] w = CoordinateTransform.gcj02ToWgs84(116.404, 39.915);
        assertThat(Haversine.meters(w[0], w[1], 116.39775550083061, 39.91359571849836))
                .isLessThan(5);
        double[] g = CoordinateTransform.bd09ToGcj02(116.404, 39.915);
        assertThat(Haversine.meters(g[0], g[1], 116.39762729119315, 39.90865673957631))
                .isLessThan(5);
        // and ours map forward onto the input exactly (to a millimetre)
        double[] fw = CoordinateTransform.wgs84ToGcj02(w[0], w[1]);
        assertThat(Haversine.meters(fw[0], fw[1], 116.404, 39.915)).isLessThan(0.001);
        double[] fb = CoordinateTransform.gcj02ToBd09(g[0], g[1]);
        assertThat(Haversine.meters(fb[0], fb[1], 116.404, 39.915)).isLessThan(0.001);
    }

    @Test
    void offsetIsHundredsOfMetresInChina() {
        double[] g = CoordinateTransform.wgs84ToGcj02(110.16, 22.63);
        double m = Haversine.meters(110.16, 22.63, g[0], g[1]);
        assertThat(m).isBetween(100.0, 1000.0);
    }

    @Test
    void roundTripsWithinHalfAMetreOverChina() {
        double worst = 0;
        for (double lon = 73.5; lon <= 135.0; lon += 0.37) {
            for (double lat = 18.0; lat <= 53.5; lat += 0.23) {
                for (Crs crs : new Crs[] {Crs.GCJ02, Crs.BD09}) {
                    double[] there = CoordinateTransform.fromWgs84(crs, lon, lat);
                    double[] back = CoordinateTransform.toWgs84(crs, there[0], there[1]);
                    worst = Math.max(worst, Haversine.meters(lon, lat, back[0], back[1]));
                    // the other way: a published offset coordinate, to WGS84 and back
                    double[] wgs = CoordinateTransform.toWgs84(crs, lon, lat);
                    double[] again = CoordinateTransform.fromWgs84(crs, wgs[0], wgs[1]);
                    worst = Math.max(worst, Haversine.meters(lon, lat, again[0], again[1]));
                }
            }
        }
        assertThat(worst).isLessThan(0.5);
    }

    @Test
    void gcj02IsTheIdentityOutsideChina() {
        double[][] outside = {{-0.1278, 51.5074}, {139.6917, 35.6895}, {-74.006, 40.7128}, {151.2093, -33.8688}};
        for (double[] p : outside) {
            assertThat(CoordinateTransform.wgs84ToGcj02(p[0], p[1])).containsExactly(p[0], p[1]);
            assertThat(CoordinateTransform.gcj02ToWgs84(p[0], p[1])).containsExactly(p[0], p[1]);
            assertThat(CoordinateTransform.toWgs84(Crs.GCJ02, p[0], p[1])).containsExactly(p[0], p[1]);
        }
    }

    @Test
    void wgs84AndCgcs2000AreTheIdentity() {
        assertThat(CoordinateTransform.toWgs84(Crs.CGCS2000, 110.1, 22.6)).containsExactly(110.1, 22.6);
        assertThat(CoordinateTransform.fromWgs84(Crs.WGS84, 110.1, 22.6)).containsExactly(110.1, 22.6);
    }
}

package io.gridpulse.domain.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.domain.geo.CoordinateTransform;
import io.gridpulse.domain.geo.Crs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

class GeoJsonFeaturesTest {

    private static byte[] fc(String... features) {
        return ("{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String feature(String properties, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":" + geometry + "}";
    }

    @Test
    void readsPolygonWithHoleMultiPolygonPointAndLine() {
        List<GeoFeature> fs = GeoJsonFeatures.read(
                fc(
                        feature(
                                "{\"code\":\"g1\",\"n\":3}",
                                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[4,0],[4,4],[0,4],[0,0]],"
                                        + "[[1,1],[2,1],[2,2],[1,2],[1,1]]]}"),
                        feature(
                                "{\"code\":\"g2\"}",
                                "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[5,0],[6,0],[6,1],[5,0]]],"
                                        + "[[[7,0],[8,0],[8,1],[7,0]]]]}"),
                        feature("{\"id\":\"z\"}", "{\"type\":\"Point\",\"coordinates\":[1.5,2.5]}"),
                        feature("null", "{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}")),
                Crs.WGS84);
        assertThat(fs).hasSize(4);
        assertThat(fs.get(0).geometry()).isInstanceOf(Polygon.class);
        assertThat(((Polygon) fs.get(0).geometry()).getNumInteriorRing()).isEqualTo(1);
        assertThat(fs.get(0).properties()).containsEntry("code", "g1").containsEntry("n", 3);
        assertThat(fs.get(1).geometry()).isInstanceOf(MultiPolygon.class);
        assertThat(fs.get(1).geometry().getNumGeometries()).isEqualTo(2);
        assertThat(fs.get(2).geometry()).isInstanceOf(Point.class);
        assertThat(fs.get(2).label()).isEqualTo("feature 2 (id=z)");
        assertThat(fs.get(3).geometry()).isInstanceOf(LineString.class);
        assertThat(fs.get(3).properties()).isEmpty();
    }

    @Test
    void convertsEveryVertexToWgs84() {
        List<GeoFeature> fs = GeoJsonFeatures.read(
                fc(feature("{\"code\":\"g\"}", "{\"type\":\"Point\",\"coordinates\":[116.404,39.915]}")), Crs.GCJ02);
        double[] want = CoordinateTransform.gcj02ToWgs84(116.404, 39.915);
        assertThat(fs.get(0).geometry().getCoordinate().x).isEqualTo(want[0]);
        assertThat(fs.get(0).geometry().getCoordinate().y).isEqualTo(want[1]);
    }

    @Test
    void unclosedRingIsClosedAndRecorded_tooFewPointsIsLeftOutAndRecorded() {
        List<GeoFeature> fs = GeoJsonFeatures.read(
                fc(feature(
                        "{\"code\":\"g\"}",
                        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[4,0],[4,4],[0,4]],[[1,1],[2,1],[1,1]]]}")),
                Crs.WGS84);
        assertThat(fs.get(0).ringDefects())
                .extracting(RingDefect::kind)
                .containsExactly(RingDefect.Kind.UNCLOSED, RingDefect.Kind.TOO_FEW_POINTS);
        assertThat(((Polygon) fs.get(0).geometry()).getNumInteriorRing()).isZero();
        assertThat(fs.get(0).geometry().getArea()).isEqualTo(16.0);
    }

    @Test
    void badGeometryNamesTheFeatureByIndexAndCode() {
        assertThatThrownBy(() -> GeoJsonFeatures.read(
                        fc(
                                feature("{\"code\":\"ok\"}", "{\"type\":\"Point\",\"coordinates\":[1,2]}"),
                                feature(
                                        "{\"code\":\"42010200\"}",
                                        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[\"x\",1]]]}")),
                        Crs.WGS84))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature 1 (code=42010200)")
                .hasMessageContaining("position 1");
        assertThatThrownBy(() -> GeoJsonFeatures.read(
                        fc(feature("{\"id\":7}", "{\"type\":\"Circle\",\"coordinates\":[1,2]}")), Crs.WGS84))
                .hasMessageContaining("feature 0 (id=7)")
                .hasMessageContaining("Circle");
        assertThatThrownBy(() -> GeoJsonFeatures.read(fc(feature("{}", "null")), Crs.WGS84))
                .hasMessageContaining("feature 0: geometry is missing");
        assertThatThrownBy(() -> GeoJsonFeatures.read("[1]".getBytes(StandardCharsets.UTF_8), Crs.WGS84))
                .hasMessageContaining("FeatureCollection");
        assertThatThrownBy(() -> GeoJsonFeatures.read("{\"type\":".getBytes(StandardCharsets.UTF_8), Crs.WGS84))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void emptyCollectionHasNoFeatures() {
        assertThat(GeoJsonFeatures.read(fc(), Crs.WGS84)).isEmpty();
    }
}

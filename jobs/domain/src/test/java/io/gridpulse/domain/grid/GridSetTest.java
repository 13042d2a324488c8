package io.gridpulse.domain.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.domain.geo.Crs;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GridSetTest {

    private static byte[] fc(String... features) {
        return ("{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String square(String props, double x, double y) {
        return "{\"type\":\"Feature\",\"properties\":" + props + ",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[" + x + "," + y + "],[" + (x + 1) + "," + y + "],[" + (x + 1) + "," + (y + 1) + "],[" + x + ","
                + (y + 1) + "],[" + x + "," + y + "]]]}}";
    }

    @Test
    void hierarchyIsAvailableFromTheCode() {
        GridSet set = GridSet.load(
                fc(
                        square(
                                "{\"code\":\"450902001001001\",\"name\":\"一网格\",\"community\":\"东门社区\","
                                        + "\"street\":\"名山街道\",\"district\":\"玉州区\"}",
                                0,
                                0),
                        square(
                                "{\"code\":\"450902001002001\",\"community\":\"西门社区\",\"street\":\"名山街道\","
                                        + "\"district\":\"玉州区\"}",
                                1,
                                0)),
                Crs.WGS84);
        Grid g = set.grid("450902001001001");
        assertThat(g.name()).isEqualTo("一网格");
        assertThat(g.community()).isEqualTo("东门社区");
        assertThat(g.street()).isEqualTo("名山街道");
        assertThat(g.district()).isEqualTo("玉州区");
        assertThat(set.grid("450902001002001").name()).isEmpty();
        assertThat(set.grid("")).isEqualTo(Grid.OUTSIDE);
        assertThat(Grid.OUTSIDE.district()).isEmpty();
        assertThat(set.inStreet("名山街道")).hasSize(2);
        assertThat(set.inCommunity("西门社区")).extracting(Grid::code).containsExactly("450902001002001");
        assertThat(set.inDistrict("玉州区")).hasSize(2);
        assertThat(set.find("nope")).isEmpty();
        assertThatThrownBy(() -> set.grid("nope")).hasMessageContaining("unknown grid code nope");
    }

    @Test
    void missingAndDuplicateCodesAreRefusedWithTheFeaturesNamed() {
        assertThatThrownBy(() -> GridSet.load(
                        fc(square("{\"code\":\"a\"}", 0, 0), square("{\"code\":\"a\"}", 1, 0), square("{}", 2, 0)),
                        Crs.WGS84))
                .hasMessageContaining("feature 1 (code=a): duplicate code, also used by feature 0")
                .hasMessageContaining("feature 2: property \"code\" is missing");
    }

    @Test
    void selfIntersectingBowTieIsRepairedAndReported() {
        String bowTie = "{\"type\":\"Feature\",\"properties\":{\"code\":\"bow\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}}";
        GridSet set = GridSet.load(fc(bowTie), Crs.WGS84);
        assertThat(set.grid("bow").geometry().isValid()).isTrue();
        assertThat(set.grid("bow").geometry().getArea()).isEqualTo(2.0);
        assertThat(set.repairs())
                .singleElement()
                .asString()
                .contains("feature 0 (code=bow)")
                .contains("Self-intersection");
        assertThat(GridIndex.of(set).locate(0.5, 1.0)).isEqualTo("bow");
    }

    @Test
    void unrepairableGridIsRefusedWithItsCode() {
        String flat = "{\"type\":\"Feature\",\"properties\":{\"code\":\"flat\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[0,0],[1,0],[2,0],[0,0]]]}}";
        assertThatThrownBy(() -> GridSet.load(fc(flat), Crs.WGS84))
                .hasMessageContaining("feature 0 (code=flat)")
                .hasMessageContaining("cannot be repaired");
        String point = "{\"type\":\"Feature\",\"properties\":{\"code\":\"p\"},\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[0,0]}}";
        assertThatThrownBy(() -> GridSet.load(fc(point), Crs.WGS84))
                .hasMessageContaining("must be Polygon or MultiPolygon");
    }
}

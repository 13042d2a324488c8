package io.gridpulse.domain.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.domain.geo.CoordinateTransform;
import io.gridpulse.domain.geo.Crs;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridAssignTest {

    @Test
    void assignsEveryGoodLineAndReportsEveryBadOneWithItsLineNumber() throws Exception {
        GridIndex index = RasterGridIndex.build(GridIndexEdgeCasesTest.fixtures());
        double[] gcjInA = CoordinateTransform.wgs84ToGcj02(110.001, 22.001);
        String csv = "id,lon,lat\n"
                + "p1," + gcjInA[0] + "," + gcjInA[1] + "\n"
                + "\n"
                + "\"p,2\",0,0\n"
                + "p3,abc,22\n"
                + "p4,110,91\n"
                + "p5,110\n"
                + ",110,22\n"
                + "\"p6,110,22\n";
        StringWriter out = new StringWriter();
        List<String> errors = new ArrayList<>();
        GridAssign.Result r = GridAssign.assign(new StringReader(csv), Crs.GCJ02, index, out, errors::add);
        assertThat(out.toString()).isEqualTo("id,grid_code\np1,A\n\"p,2\",\n");
        assertThat(errors)
                .containsExactly(
                        "line 5: lon \"abc\" is not a number",
                        "line 6: lat \"91\" is out of range",
                        "line 7: expected 3 fields id,lon,lat, got 2",
                        "line 8: id is empty",
                        "line 9: unterminated quote");
        assertThat(r).isEqualTo(new GridAssign.Result(2, 1, 5));
    }

    @Test
    void wrongHeaderIsRefused() {
        assertThatThrownBy(() -> GridAssign.assign(
                        new StringReader("lon,lat,id\n1,2,3\n"),
                        Crs.WGS84,
                        GridIndex.baseline(GridSet.of(java.util.List.of())),
                        new StringWriter(),
                        e -> {}))
                .hasMessageContaining("header must be id,lon,lat");
    }
}

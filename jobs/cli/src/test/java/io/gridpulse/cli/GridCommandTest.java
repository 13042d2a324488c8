package io.gridpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.geo.CoordinateTransform;
import io.gridpulse.domain.geo.Crs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grid assign} and {@code grid check} run in process, through {@link Main#run}. */
class GridCommandTest {

    /** Two unit squares side by side: A [110.00,110.01] and B [110.01,110.02] x [22.00,22.01]. */
    private static final String TWO_SQUARES = collection(
            feature("A", "[[110.00,22.00],[110.01,22.00],[110.01,22.01],[110.00,22.01],[110.00,22.00]]"),
            feature("B", "[[110.01,22.00],[110.02,22.00],[110.02,22.01],[110.01,22.01],[110.01,22.00]]"));

    record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void assignWritesOneLinePerPointWithTheBorderRuleAndOutsideAsEmpty(@TempDir Path dir) throws Exception {
        Path grids = write(dir, "grids.geojson", TWO_SQUARES);
        Path points = write(
                dir,
                "points.csv",
                """
                id,lon,lat
                p1,110.005,22.005
                p2,110.015,22.005
                on-shared-edge,110.01,22.005
                "quoted,id",110.019,22.009
                outside,110.03,22.005
                """);
        Run r = run("grid", "assign", "--grids", grids.toString(), "--points", points.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .isEqualTo(
                        """
                        id,grid_code
                        p1,A
                        p2,B
                        on-shared-edge,A
                        "quoted,id",B
                        outside,
                        """);
        assertThat(r.err()).contains("5 points assigned (1 in no grid), 0 bad lines");
    }

    @Test
    void badLinesAreReportedWithTheirLineNumberCountedAndMakeTheExitCodeOne(@TempDir Path dir) throws Exception {
        Path grids = write(dir, "grids.geojson", TWO_SQUARES);
        Path points = write(
                dir,
                "points.csv",
                """
                id,lon,lat
                good,110.005,22.005
                nan,NaN,22.005
                lat-out-of-range,110.005,91
                too-few-fields,110.005
                not-a-number,abc,22.005

                also-good,110.015,22.005
                """);
        Run r = run("grid", "assign", "--grids", grids.toString(), "--points", points.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("id,grid_code\ngood,A\nalso-good,B\n");
        assertThat(r.err())
                .contains("line 3: lon \"NaN\" is out of range")
                .contains("line 4: lat \"91\" is out of range")
                .contains("line 5: expected 3 fields id,lon,lat, got 2")
                .contains("line 6: lon \"abc\" is not a number")
                .contains("2 points assigned (0 in no grid), 4 bad lines")
                .contains("exit code 1 because 4 line(s)");
        assertThat(r.err()).doesNotContain("line 7").doesNotContain("line 8:");
    }

    @Test
    void gcj02GridFileAndWgs84PointsAgreeWithTheExactConversion(@TempDir Path dir) throws Exception {
        // the same two squares, published in GCJ-02 (as most Chinese sources are)
        Path grids = write(dir, "grids-gcj.geojson", TWO_SQUARES);
        double[] inA = CoordinateTransform.toWgs84(Crs.GCJ02, 110.0099, 22.005);
        double[] inB = CoordinateTransform.toWgs84(Crs.GCJ02, 110.0101, 22.005);
        Path points = write(
                dir,
                "points.csv",
                String.format(
                        Locale.ROOT,
                        "id,lon,lat%na,%.12f,%.12f%nb,%.12f,%.12f%nraw,110.0099,22.005%n",
                        inA[0],
                        inA[1],
                        inB[0],
                        inB[1]));
        Run r = run(
                "grid",
                "assign",
                "--grids",
                grids.toString(),
                "--grids-crs",
                "GCJ02",
                "--points",
                points.toString(),
                "--crs",
                "WGS84");
        assertThat(r.code()).as(r.err()).isZero();
        // "raw" is a GCJ-02 number of A taken as WGS84: the offset of some hundreds of metres puts it in B
        assertThat(r.out()).isEqualTo("id,grid_code\na,A\nb,B\nraw,B\n");

        // and the other way round: points in GCJ-02 against the file read as WGS84
        double[] gcjOfB = CoordinateTransform.fromWgs84(Crs.GCJ02, 110.015, 22.005);
        Path gcjPoints = write(
                dir, "points-gcj.csv", String.format(Locale.ROOT, "id,lon,lat%nq,%.12f,%.12f%n", gcjOfB[0], gcjOfB[1]));
        Run r2 = run("grid", "assign", "--grids", grids.toString(), "--points", gcjPoints.toString(), "--crs", "GCJ02");
        assertThat(r2.code()).as(r2.err()).isZero();
        assertThat(r2.out()).isEqualTo("id,grid_code\nq,B\n");
    }

    @Test
    void wrongHeaderOrCrsIsBadUsage(@TempDir Path dir) throws Exception {
        Path grids = write(dir, "grids.geojson", TWO_SQUARES);
        Path points = write(dir, "points.csv", "id,lat,lon\np,22,110\n");
        Run r = run("grid", "assign", "--grids", grids.toString(), "--points", points.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("header must be id,lon,lat");
        Run r2 = run("grid", "assign", "--grids", grids.toString(), "--points", points.toString(), "--crs", "UTM");
        assertThat(r2.code()).isEqualTo(2);
        assertThat(r2.err()).contains("--crs must be WGS84, CGCS2000, GCJ02 or BD09, got UTM");
        assertThat(run("grid", "frobnicate").code()).isEqualTo(2);
    }

    @Test
    void checkOfACleanFileSaysCleanAndExitsZero(@TempDir Path dir) throws Exception {
        Path grids = write(dir, "grids.geojson", TWO_SQUARES);
        Run r = run("grid", "check", "--grids", grids.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("clean");
    }

    @Test
    void checkReportsOverlapGapDuplicateCodeAndInvalidRingWithWhere(@TempDir Path dir) throws Exception {
        Path grids = write(
                dir,
                "bad.geojson",
                collection(
                        // a ring of four squares around an empty one: the middle is a gap
                        feature("S1", "[[0,0],[3,0],[3,1],[0,1],[0,0]]"),
                        feature("S2", "[[0,2],[3,2],[3,3],[0,3],[0,2]]"),
                        feature("S3", "[[0,1],[1,1],[1,2],[0,2],[0,1]]"),
                        feature("S4", "[[2,1],[3,1],[3,2],[2,2],[2,1]]"),
                        // overlaps S1 in [2.5,3]x[0,1]
                        feature("S5", "[[2.5,0],[4,0],[4,1],[2.5,1],[2.5,0]]"),
                        // same code again, far away
                        feature("S5", "[[10,10],[11,10],[11,11],[10,11],[10,10]]"),
                        // a bow tie: self-intersecting at (21,10.5)
                        feature("BOW", "[[20,10],[22,11],[22,10],[20,11],[20,10]]")));
        Run r = run("grid", "check", "--grids", grids.toString());
        assertThat(r.code()).isEqualTo(1);
        String[] lines = r.out().split("\n");
        assertThat(lines)
                .anySatisfy(l -> assertThat(l).startsWith("OVERLAP\tS1,S5\t2.75"))
                .anySatisfy(l -> assertThat(l).startsWith("GAP\t\t1.5000000,1.5000000\t"))
                .anySatisfy(l -> assertThat(l).startsWith("DUPLICATE_CODE\tS5\t10.0000000,10.0000000\t"))
                .anySatisfy(l -> assertThat(l).startsWith("INVALID_RING\tBOW\t21.0000000,10.5000000\t"));
        assertThat(r.err()).contains("issue(s)");
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String feature(String code, String ring) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code
                + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}";
    }

    private static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }
}

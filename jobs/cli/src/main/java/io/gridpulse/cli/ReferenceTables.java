package io.gridpulse.cli;

import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.clickhouse.RetryPolicy;
import io.gridpulse.clickhouse.TableWriter;
import io.gridpulse.clickhouse.TableWriter.TableSpec;
import io.gridpulse.domain.geo.Haversine;
import io.gridpulse.domain.grid.Grid;
import io.gridpulse.domain.reference.Category;
import io.gridpulse.domain.reference.Department;
import io.gridpulse.flink.common.ReferenceData;
import io.gridpulse.flink.common.Times;
import java.util.List;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTWriter;

/**
 * Writes the grids (with their WGS84 outlines as WKT), categories and departments of a run's
 * reference data to ClickHouse (sql V006, V013), for reports to name and draw things.
 */
final class ReferenceTables {

    private static final WKTWriter WKT = new WKTWriter();

    private ReferenceTables() {}

    static void write(ClickHouseSettings ch, ReferenceData reference) throws Exception {
        long now = System.currentTimeMillis();
        TableSpec<Grid> grids = new TableSpec<>(
                "grids",
                List.of("code", "name", "community", "street", "district", "area_m2", "geometry", "loaded_at"),
                (ps, g) -> {
                    ps.setString(1, g.code());
                    ps.setString(2, nz(g.name()));
                    ps.setString(3, nz(g.community()));
                    ps.setString(4, nz(g.street()));
                    ps.setString(5, nz(g.district()));
                    ps.setDouble(6, areaSquareMetres(g));
                    ps.setString(7, WKT.write(g.geometry()));
                    ps.setString(8, Times.millis(now));
                });
        TableSpec<Category> categories = new TableSpec<>(
                "categories",
                List.of("code", "kind", "major", "minor", "name", "time_limit", "department", "loaded_at"),
                (ps, c) -> {
                    ps.setString(1, c.code());
                    ps.setString(2, String.valueOf(c.kind()));
                    ps.setString(3, nz(c.major()));
                    ps.setString(4, nz(c.minor()));
                    ps.setString(5, nz(c.name()));
                    ps.setString(6, String.valueOf(c.limit()));
                    ps.setString(7, nz(c.department()));
                    ps.setString(8, Times.millis(now));
                });
        TableSpec<Department> departments =
                new TableSpec<>("departments", List.of("code", "name", "parent", "loaded_at"), (ps, d) -> {
                    ps.setString(1, d.code());
                    ps.setString(2, nz(d.name()));
                    ps.setString(3, nz(d.parent()));
                    ps.setString(4, Times.millis(now));
                });
        if (reference.departments() != null) {
            try (TableWriter<Department> w = new TableWriter<>(ch, departments, RetryPolicy.DEFAULT)) {
                w.write(reference.departments().all());
            }
        }
        try (TableWriter<Grid> w = new TableWriter<>(ch, grids, RetryPolicy.DEFAULT)) {
            w.write(reference.gridSet().grids());
        }
        try (TableWriter<Category> w = new TableWriter<>(ch, categories, RetryPolicy.DEFAULT)) {
            w.write(reference.catalog().categories());
        }
    }

    /**
     * Planar area in square degrees scaled at the grid's centroid latitude: within 0.1% for
     * grids of a few square kilometres, which is all a density needs.
     */
    static double areaSquareMetres(Grid g) {
        Point c = g.geometry().getCentroid();
        double mPerDeg = Haversine.EARTH_RADIUS_M * Math.PI / 180.0;
        return g.geometry().getArea() * mPerDeg * mPerDeg * Math.cos(Math.toRadians(c.getY()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

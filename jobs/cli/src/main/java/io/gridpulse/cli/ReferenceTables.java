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
                (out, g) -> {
                    out.setString(1, g.code());
                    out.setString(2, nz(g.name()));
                    out.setString(3, nz(g.community()));
                    out.setString(4, nz(g.street()));
                    out.setString(5, nz(g.district()));
                    out.setDouble(6, areaSquareMetres(g));
                    out.setString(7, WKT.write(g.geometry()));
                    out.setTime(8, now);
                });
        TableSpec<Category> categories = new TableSpec<>(
                "categories",
                List.of("code", "kind", "major", "minor", "name", "time_limit", "department", "loaded_at"),
                (out, c) -> {
                    out.setString(1, c.code());
                    out.setString(2, String.valueOf(c.kind()));
                    out.setString(3, nz(c.major()));
                    out.setString(4, nz(c.minor()));
                    out.setString(5, nz(c.name()));
                    out.setString(6, String.valueOf(c.limit()));
                    out.setString(7, nz(c.department()));
                    out.setTime(8, now);
                });
        TableSpec<Department> departments =
                new TableSpec<>("departments", List.of("code", "name", "parent", "loaded_at"), (out, d) -> {
                    out.setString(1, d.code());
                    out.setString(2, nz(d.name()));
                    out.setString(3, nz(d.parent()));
                    out.setTime(4, now);
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

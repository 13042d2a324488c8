package io.gridpulse.flink.common;

import io.gridpulse.domain.geo.CoordinateTransform;
import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.grid.Grid;
import io.gridpulse.domain.grid.GridIndex;

/**
 * Converts a feed's point to WGS84 and assigns it to its unit grid with the shared immutable
 * index (built once per JVM by {@link ReferenceData}). Cheap to create in {@code open()}.
 */
public final class GridAssigner {

    private final GridIndex index;

    public GridAssigner(ReferenceData reference) {
        this.index = reference.gridIndex();
    }

    public Located locate(Crs crs, Double lon, Double lat) {
        if (lon == null || lat == null) {
            return Located.NOWHERE;
        }
        double[] wgs = CoordinateTransform.toWgs84(crs == null ? Crs.WGS84 : crs, lon, lat);
        Grid g = index.locateGrid(wgs[0], wgs[1]);
        if (g == Grid.OUTSIDE) {
            return new Located(wgs[0], wgs[1], "", "", "", "");
        }
        return new Located(wgs[0], wgs[1], g.code(), nz(g.community()), nz(g.street()), nz(g.district()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

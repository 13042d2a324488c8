package io.gridpulse.domain.grid;

import io.gridpulse.domain.geo.CoordinateTransform;
import io.gridpulse.domain.geo.Crs;

/**
 * Finds the unit grid of a point. The contract's border rule: a point covered by several grids (on
 * a shared border or vertex, or where grids overlap) belongs to the grid whose code is smallest as
 * a plain string ({@link String#compareTo}); a point on the outer boundary of a single grid belongs
 * to it (covers, not contains); a point in no grid gets {@code ""}. Non-finite coordinates get
 * {@code ""}.
 *
 * <p>Implementations are immutable after build and thread-safe: build one per grid file and share
 * it across threads.
 */
public interface GridIndex {

    /** The code of the grid that covers the WGS84 point, or {@code ""} when none does. */
    String locate(double lonWgs84, double latWgs84);

    /**
     * The grid that covers the WGS84 point (the same one {@link #locate(double, double)} names),
     * or {@link Grid#OUTSIDE}: its community, street and district without a look-up by code.
     */
    Grid locateGrid(double lonWgs84, double latWgs84);

    /** Converts a point of {@code crs} to WGS84 first, then {@link #locate(double, double)}. */
    default String locate(Crs crs, double lon, double lat) {
        if (crs == Crs.WGS84 || crs == Crs.CGCS2000) {
            return locate(lon, lat);
        }
        double[] wgs = CoordinateTransform.toWgs84(crs, lon, lat);
        return locate(wgs[0], wgs[1]);
    }

    /** The fast index ({@link RasterGridIndex}); same answers as {@link #baseline}. */
    static GridIndex of(GridSet grids) {
        return RasterGridIndex.build(grids);
    }

    /** The plain JTS way ({@link StrTreeGridIndex}), the reference for the fast index. */
    static GridIndex baseline(GridSet grids) {
        return StrTreeGridIndex.build(grids);
    }
}

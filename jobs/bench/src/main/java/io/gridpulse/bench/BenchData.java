package io.gridpulse.bench;

import io.gridpulse.domain.grid.GridSet;
import io.gridpulse.domain.grid.SyntheticGrids;

/** The benchmark's grid and points, the same in every JVM for the same sizes and seeds. */
final class BenchData {

    static final long GRID_SEED = 42;
    static final long POINT_SEED = 7;

    final GridSet grids;
    /** lon[i], lat[i]: WGS84. */
    final double[] lon;

    final double[] lat;

    BenchData(int minGrids, int points) {
        grids = SyntheticGrids.generate(minGrids, GRID_SEED);
        // 1% exactly on grid vertices and edges, where the border rule decides
        double[][] p = SyntheticGrids.points(grids, points, points / 100, POINT_SEED);
        lon = p[0];
        lat = p[1];
    }
}

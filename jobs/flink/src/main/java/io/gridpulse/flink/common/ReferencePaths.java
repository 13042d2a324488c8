package io.gridpulse.flink.common;

import io.gridpulse.domain.geo.Crs;
import java.nio.file.Path;

/**
 * Where a run's reference files are. {@code grids} and {@code catalog} are required; the others
 * are null when not given. Immutable.
 *
 * @param gridsCrs the coordinate system the grid file is published in (null: WGS84)
 */
public record ReferencePaths(
        Path grids,
        Crs gridsCrs,
        Path catalog,
        Path calendar,
        Path departments,
        Path vehicles,
        Path sensors,
        Path zones,
        Path sensorRules) {}

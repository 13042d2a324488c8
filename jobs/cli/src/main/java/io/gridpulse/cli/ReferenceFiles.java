package io.gridpulse.cli;

import io.gridpulse.domain.geo.Crs;
import java.nio.file.Path;

/** The reference files of a run; departments, vehicles, sensors, zones and rules may be null. */
record ReferenceFiles(
        Path grids,
        Crs gridsCrs,
        Path catalog,
        Path calendar,
        Path departments,
        Path vehicles,
        Path sensors,
        Path zones,
        Path sensorRules) {

    /** The demo city's reference files in a generated city folder. */
    static ReferenceFiles demoCity(Path dir) {
        return new ReferenceFiles(
                dir.resolve("grids.geojson"),
                Crs.WGS84,
                dir.resolve("catalog.csv"),
                dir.resolve("calendar.json"),
                dir.resolve("departments.csv"),
                dir.resolve("vehicles-ref.csv"),
                dir.resolve("sensors-ref.csv"),
                dir.resolve("zones.geojson"),
                dir.resolve("sensor-rules.csv"));
    }
}

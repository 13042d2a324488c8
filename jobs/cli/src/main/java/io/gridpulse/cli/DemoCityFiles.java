package io.gridpulse.cli;

import io.gridpulse.demo.DemoOptions;
import io.gridpulse.domain.geo.Crs;
import io.gridpulse.flink.common.ReferencePaths;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The demo city's files under the project's home (.gridpulse/demo/city), generated once: the
 * generator is deterministic, so the files of a given seed never change. Generated into a
 * temporary folder and renamed when complete, so an interrupted generation is never used.
 */
final class DemoCityFiles {

    private DemoCityFiles() {}

    static Path dir() {
        return ProjectHome.dir()
                .resolve("demo")
                .resolve("city-" + DemoOptions.defaults().seed());
    }

    static Path ensure(PrintStream err) throws IOException {
        Path dir = dir();
        if (Files.isRegularFile(dir.resolve("manifest.json"))) {
            return dir;
        }
        Path tmp = dir.resolveSibling(dir.getFileName() + ".partial");
        ProjectHome.deleteTree(tmp);
        Files.createDirectories(tmp);
        err.println("gridpulse: generating the demo city into " + dir + " (once)");
        long t0 = System.nanoTime();
        io.gridpulse.demo.DemoCity.generate(DemoOptions.defaults(), tmp);
        ProjectHome.deleteTree(dir);
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        err.printf("gridpulse: demo city generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return dir;
    }

    /** The reference defaults of `process`: the demo city's, generated on first use. */
    static ReferencePaths referenceDefaults(PrintStream err) throws IOException {
        return reference(ensure(err));
    }

    /** The demo city's reference files in a generated city folder. */
    static ReferencePaths reference(Path dir) {
        return new ReferencePaths(
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

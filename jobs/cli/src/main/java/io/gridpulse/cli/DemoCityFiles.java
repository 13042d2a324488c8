package io.gridpulse.cli;

import io.gridpulse.demo.DemoOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The demo city's files under the project's home (.gridpulse/demo/city), generated once: the
 * generator is deterministic, so the files of a given seed never change. Generated into a
 * temporary folder and renamed when complete, so an interrupted generation is never used.
 */
final class DemoCityFiles {

    private DemoCityFiles() {}

    static Path dir() {
        String home = System.getenv("GRIDPULSE_HOME");
        Path base =
                home != null ? Path.of(home) : Path.of(System.getProperty("gridpulse.repo.root", "."), ".gridpulse");
        return base.resolve("demo").resolve("city-" + DemoOptions.defaults().seed());
    }

    static Path ensure(PrintStream err) throws IOException {
        Path dir = dir();
        if (Files.isRegularFile(dir.resolve("manifest.json"))) {
            return dir;
        }
        Path tmp = dir.resolveSibling(dir.getFileName() + ".partial");
        deleteTree(tmp);
        Files.createDirectories(tmp);
        err.println("gridpulse: generating the demo city into " + dir + " (once)");
        long t0 = System.nanoTime();
        io.gridpulse.demo.DemoCity.generate(DemoOptions.defaults(), tmp);
        deleteTree(dir);
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        err.printf("gridpulse: demo city generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return dir;
    }

    /** The reference defaults of `process`: the demo city's, generated on first use. */
    static ReferenceFiles referenceDefaults(PrintStream err) throws IOException {
        return ReferenceFiles.demoCity(ensure(err));
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}

package io.gridpulse.cli;

import io.gridpulse.stack.StackPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The project's own folder (.gridpulse, or GRIDPULSE_HOME): the same one the local stack uses. */
final class ProjectHome {

    private ProjectHome() {}

    static Path dir() {
        return StackPaths.fromEnvironment().home();
    }

    /**
     * Deletes a folder and everything in it; nothing when it does not exist. Files that vanish
     * meanwhile are fine: Flink may still be discarding subsumed checkpoints when a job has ended.
     */
    static void deleteTree(Path p) throws IOException {
        for (int attempt = 0; ; attempt++) {
            if (!Files.exists(p)) {
                return;
            }
            try (Stream<Path> s = Files.walk(p)) {
                for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(x);
                }
                return;
            } catch (UncheckedIOException | NoSuchFileException | DirectoryNotEmptyException e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }
}

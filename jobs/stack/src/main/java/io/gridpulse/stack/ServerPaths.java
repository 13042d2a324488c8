package io.gridpulse.stack;

import java.nio.file.Path;

/**
 * The state of one local server: {@code <home>/stack/<name>/} with its data folder, log file, pid file and port
 * file. Immutable and thread-safe.
 */
public record ServerPaths(Path dir, Path data, Path log, Path pidFile, Path portFile) {

    static ServerPaths under(Path dir, String name) {
        return new ServerPaths(
                dir, dir.resolve("data"), dir.resolve(name + ".log"), dir.resolve(name + ".pid"), dir.resolve("ports"));
    }
}

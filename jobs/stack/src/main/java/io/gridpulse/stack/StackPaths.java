package io.gridpulse.stack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where the local stack keeps its state and where downloaded or compiled things are cached. Immutable and
 * thread-safe.
 *
 * <ul>
 *   <li>home: {@code $GRIDPULSE_HOME}, else {@code <gridpulse.repo.root>/.gridpulse}, else {@code ./.gridpulse};
 *       one per clone, holding the servers' data, logs, pid and port files under {@code <home>/stack/}.
 *   <li>cache: {@code $GRIDPULSE_CACHE}, else {@code ~/.cache/gridpulse}; shared by every clone on the machine
 *       (the 180 MB ClickHouse engine is downloaded once per machine).
 * </ul>
 */
public record StackPaths(Path home, Path cache) {

    public static final String HOME_ENV = "GRIDPULSE_HOME";
    public static final String CACHE_ENV = "GRIDPULSE_CACHE";
    public static final String REPO_ROOT_PROPERTY = "gridpulse.repo.root";

    public StackPaths {
        home = Objects.requireNonNull(home, "home").toAbsolutePath().normalize();
        cache = Objects.requireNonNull(cache, "cache").toAbsolutePath().normalize();
    }

    /** From this process's environment and system properties. */
    public static StackPaths fromEnvironment() {
        return resolve(System.getenv(), System.getProperties());
    }

    static StackPaths resolve(Map<String, String> env, Properties props) {
        Path home;
        String homeEnv = env.get(HOME_ENV);
        String root = props.getProperty(REPO_ROOT_PROPERTY);
        if (homeEnv != null && !homeEnv.isBlank()) {
            home = Path.of(homeEnv.trim());
        } else if (root != null && !root.isBlank()) {
            home = Path.of(root.trim(), ".gridpulse");
        } else {
            home = Path.of(".gridpulse");
        }
        String cacheEnv = env.get(CACHE_ENV);
        Path cache = cacheEnv != null && !cacheEnv.isBlank()
                ? Path.of(cacheEnv.trim())
                : Path.of(props.getProperty("user.home"), ".cache", "gridpulse");
        return new StackPaths(home, cache);
    }

    /** {@code <home>/stack}. */
    public Path stackDir() {
        return home.resolve("stack");
    }

    /** Held while the stack starts or stops, so two processes never both start servers. */
    public Path lockFile() {
        return stackDir().resolve("lock");
    }

    public ServerPaths kafka() {
        return ServerPaths.under(stackDir().resolve("kafka"), "kafka");
    }

    public ServerPaths clickhouse() {
        return ServerPaths.under(stackDir().resolve("clickhouse"), "clickhouse");
    }
}

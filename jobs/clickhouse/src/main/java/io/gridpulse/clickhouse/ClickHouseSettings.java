package io.gridpulse.clickhouse;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where ClickHouse is and which database gridpulse owns there. The password comes only from the
 * environment (CLICKHOUSE_PASSWORD or a file named by CLICKHOUSE_PASSWORD_FILE) and never appears
 * in {@link #toString()}, logs or command lines. Immutable and serializable, so Flink sinks can
 * carry it to the task managers.
 *
 * @param httpUrl the HTTP interface, like {@code http://127.0.0.1:8123}
 * @param database gridpulse's database, {@code gridpulse} unless tests isolate themselves
 */
public record ClickHouseSettings(String httpUrl, String user, String password, String database)
        implements Serializable {

    public static final String DEFAULT_DATABASE = "gridpulse";

    public ClickHouseSettings {
        Objects.requireNonNull(httpUrl, "httpUrl");
        httpUrl = normalise(httpUrl);
        user = user == null || user.isEmpty() ? "default" : user;
        password = password == null ? "" : password;
        database = database == null || database.isEmpty() ? DEFAULT_DATABASE : database;
        if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
    }

    /**
     * Settings from CLICKHOUSE_URL, CLICKHOUSE_USER, CLICKHOUSE_PASSWORD / CLICKHOUSE_PASSWORD_FILE
     * and GRIDPULSE_DATABASE; null when CLICKHOUSE_URL is not set.
     */
    public static ClickHouseSettings fromEnvironment(Map<String, String> env) {
        String url = env.get("CLICKHOUSE_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        return new ClickHouseSettings(
                url, env.get("CLICKHOUSE_USER"), passwordFrom(env), env.get("GRIDPULSE_DATABASE"));
    }

    static String passwordFrom(Map<String, String> env) {
        String file = env.get("CLICKHOUSE_PASSWORD_FILE");
        if (file != null && !file.isBlank()) {
            try {
                return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read CLICKHOUSE_PASSWORD_FILE " + file, e);
            }
        }
        return env.get("CLICKHOUSE_PASSWORD");
    }

    /** Accepts {@code http(s)://host:port} and {@code jdbc:clickhouse:http(s)://host:port[/db]}. */
    static String normalise(String url) {
        String u = url.strip();
        if (u.startsWith("jdbc:clickhouse:")) {
            u = u.substring("jdbc:clickhouse:".length());
        } else if (u.startsWith("jdbc:ch:")) {
            u = u.substring("jdbc:ch:".length());
        }
        if (!u.startsWith("http://") && !u.startsWith("https://")) {
            u = "http://" + u;
        }
        int pathStart = u.indexOf('/', u.indexOf("//") + 2);
        if (pathStart > 0) {
            u = u.substring(0, pathStart);
        }
        return u;
    }

    public ClickHouseSettings withDatabase(String db) {
        return new ClickHouseSettings(httpUrl, user, password, db);
    }

    /** The JDBC URL of the server (no database: statements name {@code database} explicitly). */
    public String jdbcUrl() {
        return "jdbc:clickhouse:" + httpUrl;
    }

    @Override
    public String toString() {
        return "ClickHouse " + httpUrl + " as " + user + ", database " + database;
    }
}

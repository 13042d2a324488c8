package io.gridpulse.clickhouse;

import java.io.Serializable;
import java.net.URI;
import java.util.Locale;
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
    private static final String JDBC_PREFIX = "jdbc:clickhouse:";

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
     * (see {@link Secrets})
     * and GRIDPULSE_DATABASE; null when CLICKHOUSE_URL is not set.
     */
    public static ClickHouseSettings fromEnvironment(Map<String, String> env) {
        String url = env.get("CLICKHOUSE_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        return new ClickHouseSettings(
                url,
                env.get("CLICKHOUSE_USER"),
                Secrets.fromEnvironment(env, "CLICKHOUSE_PASSWORD"),
                env.get("GRIDPULSE_DATABASE"));
    }

    /**
     * The plain HTTP(S) URL of a ClickHouse HTTP interface, also accepting JDBC URLs
     * ({@code jdbc:clickhouse:http://h:8123/db} or {@code jdbc:clickhouse://h:8123}); drops a path,
     * a query and a trailing slash, since gridpulse names its database in every statement.
     *
     * @throws IllegalArgumentException for anything else, and for a URL carrying a user or password
     */
    public static String normalise(String url) {
        String u = url.trim();
        if (u.regionMatches(true, 0, JDBC_PREFIX, 0, JDBC_PREFIX.length())) {
            u = u.substring(JDBC_PREFIX.length());
            if (u.startsWith("//")) {
                u = "http:" + u;
            }
        }
        URI uri;
        try {
            uri = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a ClickHouse HTTP URL: '" + url + "' (" + e.getMessage() + ")", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Not a ClickHouse HTTP URL: '" + url
                    + "' (expected http://host:port, https://host:port or jdbc:clickhouse:http://host:port)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("ClickHouse URL has no host: '" + url + "'");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException(
                    "Put the ClickHouse user and password in CLICKHOUSE_USER and CLICKHOUSE_PASSWORD, not in the URL");
        }
        return scheme + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
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

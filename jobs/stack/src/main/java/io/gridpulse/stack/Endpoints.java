package io.gridpulse.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Kafka and ClickHouse are: either the local stack or external servers named by environment variables.
 * Immutable and thread-safe.
 *
 * @param kafkaBootstrap Kafka bootstrap servers, e.g. {@code 127.0.0.1:9092}
 * @param clickhouseUrl ClickHouse HTTP interface, e.g. {@code http://127.0.0.1:8123} (no trailing slash)
 * @param clickhouseUser ClickHouse user
 * @param clickhousePassword ClickHouse password, may be empty; never printed by {@link #toString()}
 * @param local true for the local stack started by this project
 */
public record Endpoints(
        String kafkaBootstrap, String clickhouseUrl, String clickhouseUser, String clickhousePassword, boolean local) {

    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String CLICKHOUSE_URL = "CLICKHOUSE_URL";
    public static final String CLICKHOUSE_USER = "CLICKHOUSE_USER";
    public static final String CLICKHOUSE_PASSWORD = "CLICKHOUSE_PASSWORD";
    public static final String CLICKHOUSE_PASSWORD_FILE = "CLICKHOUSE_PASSWORD_FILE";
    public static final String DEFAULT_USER = "default";

    private static final String JDBC_PREFIX = "jdbc:clickhouse:";

    public Endpoints {
        Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
        Objects.requireNonNull(clickhouseUrl, "clickhouseUrl");
        Objects.requireNonNull(clickhouseUser, "clickhouseUser");
        Objects.requireNonNull(clickhousePassword, "clickhousePassword");
        if (kafkaBootstrap.isBlank()) {
            throw new IllegalArgumentException("Kafka bootstrap servers are empty");
        }
        clickhouseUrl = normaliseClickHouseUrl(clickhouseUrl);
    }

    /** The endpoints of the local stack on 127.0.0.1: user {@code default}, no password. */
    public static Endpoints local(int kafkaPort, int clickhouseHttpPort) {
        return new Endpoints(
                "127.0.0.1:" + kafkaPort, "http://127.0.0.1:" + clickhouseHttpPort, DEFAULT_USER, "", true);
    }

    /** External servers from the process environment; empty unless both Kafka and ClickHouse are named. */
    public static Optional<Endpoints> fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * External servers from the given variables: {@value #KAFKA_BOOTSTRAP_SERVERS} and {@value #CLICKHOUSE_URL}
     * (both required, else empty), {@value #CLICKHOUSE_USER} (default {@value #DEFAULT_USER}),
     * {@value #CLICKHOUSE_PASSWORD} or else the first line of the file named by {@value #CLICKHOUSE_PASSWORD_FILE}
     * (default empty).
     *
     * @throws IllegalArgumentException when a variable is set but unusable (bad URL, unreadable password file)
     */
    public static Optional<Endpoints> fromEnvironment(Map<String, String> env) {
        String kafka = trimmed(env.get(KAFKA_BOOTSTRAP_SERVERS));
        String url = trimmed(env.get(CLICKHOUSE_URL));
        if (kafka.isEmpty() || url.isEmpty()) {
            return Optional.empty();
        }
        String user = trimmed(env.get(CLICKHOUSE_USER));
        return Optional.of(new Endpoints(kafka, url, user.isEmpty() ? DEFAULT_USER : user, password(env), false));
    }

    /**
     * The plain HTTP(S) URL of a ClickHouse HTTP interface, also accepting JDBC URLs
     * ({@code jdbc:clickhouse:http://h:8123/db} or {@code jdbc:clickhouse://h:8123}); drops a path, a query and a
     * trailing slash, since this project always names its database in its queries.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static String normaliseClickHouseUrl(String url) {
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
            throw new IllegalArgumentException("Put the ClickHouse user and password in " + CLICKHOUSE_USER + " and "
                    + CLICKHOUSE_PASSWORD + ", not in the URL");
        }
        return scheme + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }

    /** The lines of a shell script that point the commands at these endpoints (the password is never written). */
    public String exportLines() {
        StringBuilder sb = new StringBuilder();
        sb.append("export ")
                .append(KAFKA_BOOTSTRAP_SERVERS)
                .append('=')
                .append(kafkaBootstrap)
                .append('\n');
        sb.append("export ")
                .append(CLICKHOUSE_URL)
                .append('=')
                .append(clickhouseUrl)
                .append('\n');
        if (!clickhouseUser.equals(DEFAULT_USER)) {
            sb.append("export ")
                    .append(CLICKHOUSE_USER)
                    .append('=')
                    .append(clickhouseUser)
                    .append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Endpoints[kafka=" + kafkaBootstrap + ", clickhouse=" + clickhouseUrl + ", user=" + clickhouseUser
                + ", password=" + (clickhousePassword.isEmpty() ? "(none)" : "(set)") + ", "
                + (local ? "local" : "external") + "]";
    }

    private static String password(Map<String, String> env) {
        String direct = env.get(CLICKHOUSE_PASSWORD);
        if (direct != null && !direct.isEmpty()) {
            return direct;
        }
        String file = trimmed(env.get(CLICKHOUSE_PASSWORD_FILE));
        if (file.isEmpty()) {
            return "";
        }
        try {
            String content = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            int newline = content.indexOf('\n');
            String first = newline < 0 ? content : content.substring(0, newline);
            return first.endsWith("\r") ? first.substring(0, first.length() - 1) : first;
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException(
                    "Cannot read the ClickHouse password from " + CLICKHOUSE_PASSWORD_FILE + "=" + file + ": " + e, e);
        }
    }

    private static String trimmed(String s) {
        return s == null ? "" : s.trim();
    }
}

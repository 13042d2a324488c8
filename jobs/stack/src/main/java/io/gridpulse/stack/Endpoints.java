package io.gridpulse.stack;

import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.clickhouse.Secrets;
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

    /** The one rule for ClickHouse URLs: {@link ClickHouseSettings#normalise}. */
    public static String normaliseClickHouseUrl(String url) {
        return ClickHouseSettings.normalise(url);
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
        String p = Secrets.fromEnvironment(env, CLICKHOUSE_PASSWORD);
        return p == null ? "" : p;
    }

    private static String trimmed(String s) {
        return s == null ? "" : s.trim();
    }
}

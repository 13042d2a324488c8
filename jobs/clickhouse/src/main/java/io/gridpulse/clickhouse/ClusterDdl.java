package io.gridpulse.clickhouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The ClickHouse cluster variant of each migration (sql/migrations/Vnnn__x.sql ->
 * sql/cluster/Vnnn__x.sql), by one rule, so the cluster DDL never drifts from the single-server
 * DDL:
 *
 * <ul>
 *   <li>{@code CREATE TABLE IF NOT EXISTS ${db}.t (...) ENGINE = ReplacingMergeTree[(v)] ...
 *       ORDER BY k} becomes a replicated local table {@code ${db}.t_local ON CLUSTER '{cluster}'}
 *       with {@code ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${db}/t_local',
 *       '{replica}'[, v])}, and a {@code Distributed('{cluster}', '${db}', 't_local',
 *       cityHash64(k))} table under the original name {@code ${db}.t}. Sharding by the sorting key
 *       puts every version of a row on one shard, so ReplacingMergeTree's deduplication and
 *       {@code FINAL} stay exact across shards. Writers and readers keep using {@code ${db}.t}.
 *   <li>{@code CREATE OR REPLACE VIEW ${db}.v AS ...} gets {@code ON CLUSTER '{cluster}'}; since the
 *       Distributed tables carry the original names, views read the whole cluster unchanged.
 *   <li>{@code CREATE DATABASE IF NOT EXISTS ${db}} gets {@code ON CLUSTER '{cluster}'}.
 *   <li>{@code INSERT INTO ${db}.t ...} (seed rows) stays as it is: it goes through the Distributed
 *       table to the shard of each row and replicates from there; a second application writes the
 *       same rows again, which the ReplacingMergeTree collapses.
 *   <li>{@code ALTER TABLE ${db}.t ADD COLUMN IF NOT EXISTS ...} becomes the same ALTER on
 *       {@code t_local} and on the Distributed {@code t}, each {@code ON CLUSTER '{cluster}'}: the
 *       Distributed table's columns are its own, so both need the column.
 *   <li>Anything else (another engine, a materialized view, another ALTER) is refused with the statement
 *       named: it needs a decision, not a guess.
 * </ul>
 *
 * The macros {@code {cluster}}, {@code {shard}} and {@code {replica}} come from each server's
 * configuration ({@code <macros>}). Run {@code main} to regenerate sql/cluster after adding a
 * migration; {@code ClusterDdlTest} fails while the files are stale. Stateless.
 */
public final class ClusterDdl {

    private static final Pattern TABLE =
            Pattern.compile("(?s)CREATE TABLE IF NOT EXISTS \\$\\{db}\\.(\\w+)\\s*(\\(.*\\))\\s*ENGINE\\s*=\\s*"
                    + "ReplacingMergeTree(?:\\(([^)]*)\\))?(.*?)ORDER BY\\s+(\\(.*?\\)|\\w+)\\s*(.*)");
    private static final Pattern VIEW = Pattern.compile("(?s)CREATE OR REPLACE VIEW \\$\\{db}\\.(\\w+) AS(.*)");
    private static final Pattern INSERT = Pattern.compile("(?s)INSERT INTO \\$\\{db}\\.\\w+.*");
    private static final Pattern DATABASE = Pattern.compile("(?s)CREATE DATABASE IF NOT EXISTS \\$\\{db}(.*)");
    private static final Pattern ADD_COLUMN =
            Pattern.compile("(?s)ALTER TABLE \\$\\{db}\\.(\\w+)\\s+(ADD COLUMN IF NOT EXISTS .*)");
    static final String ON_CLUSTER = " ON CLUSTER '{cluster}'";

    private ClusterDdl() {}

    /** The cluster variant of one migration file's text. */
    public static String generate(String fileName, String migrationSql) {
        StringBuilder out = new StringBuilder();
        out.append("-- Generated from sql/migrations/")
                .append(fileName)
                .append(" by io.gridpulse.clickhouse.ClusterDdl: do not edit, regenerate.\n")
                .append("-- Cluster variant: replicated local tables (*_local) and Distributed tables under the\n")
                .append("-- original names; macros {cluster}, {shard}, {replica} from each server's config.\n");
        for (String statement : Migrations.statements(migrationSql, "${db}")) {
            out.append('\n');
            for (String s : convert(statement)) {
                out.append(s).append(";\n");
            }
        }
        return out.toString();
    }

    /** One single-server statement as its cluster statements. */
    static List<String> convert(String statement) {
        Matcher t = TABLE.matcher(statement);
        if (t.matches()) {
            String name = t.group(1);
            String columns = t.group(2);
            String version = t.group(3);
            String between = t.group(4).strip();
            String orderBy = t.group(5);
            String after = t.group(6).strip();
            String local = name + "_local";
            String engine = "ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${db}/" + local + "', '{replica}'"
                    + (version == null || version.isBlank() ? "" : ", " + version.strip()) + ")";
            String key = orderBy.startsWith("(") ? orderBy.substring(1, orderBy.length() - 1) : orderBy;
            List<String> out = new ArrayList<>();
            out.add("CREATE TABLE IF NOT EXISTS ${db}." + local + ON_CLUSTER + "\n" + columns + "\nENGINE = " + engine
                    + (between.isEmpty() ? "" : "\n" + between) + "\nORDER BY " + orderBy
                    + (after.isEmpty() ? "" : "\n" + after));
            out.add("CREATE TABLE IF NOT EXISTS ${db}." + name + ON_CLUSTER + " AS ${db}." + local
                    + "\nENGINE = Distributed('{cluster}', '${db}', '" + local + "', cityHash64(" + key + "))");
            return out;
        }
        Matcher v = VIEW.matcher(statement);
        if (v.matches()) {
            return List.of("CREATE OR REPLACE VIEW ${db}." + v.group(1) + ON_CLUSTER + " AS" + v.group(2));
        }
        if (INSERT.matcher(statement).matches()) {
            // seed rows: inserted once, through the Distributed table under the original name
            return List.of(statement);
        }
        Matcher a = ADD_COLUMN.matcher(statement);
        if (a.matches()) {
            return List.of(
                    "ALTER TABLE ${db}." + a.group(1) + "_local" + ON_CLUSTER + " " + a.group(2),
                    "ALTER TABLE ${db}." + a.group(1) + ON_CLUSTER + " " + a.group(2));
        }
        Matcher d = DATABASE.matcher(statement);
        if (d.matches()) {
            return List.of("CREATE DATABASE IF NOT EXISTS ${db}" + ON_CLUSTER + d.group(1));
        }
        throw new IllegalArgumentException("no cluster rule for this statement (extend ClusterDdl): "
                + statement.lines().findFirst().orElse(""));
    }

    /** Every migration file of {@code migrations} with its expected cluster file name and text. */
    public static List<String[]> expected(Path migrations) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("V\\d{3}__[a-z0-9_]+\\.sql"))
                    .sorted()
                    .toList()) {
                String name = f.getFileName().toString();
                out.add(new String[] {name, generate(name, Files.readString(f, StandardCharsets.UTF_8))});
            }
        }
        return out;
    }

    /** Writes sql/cluster from sql/migrations; argument: the repository root (default: the current directory). */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Path cluster = Files.createDirectories(root.resolve("sql/cluster"));
        for (String[] f : expected(root.resolve("sql/migrations"))) {
            Files.writeString(cluster.resolve(f[0]), f[1], StandardCharsets.UTF_8);
            System.out.println("wrote sql/cluster/" + f[0]);
        }
    }
}

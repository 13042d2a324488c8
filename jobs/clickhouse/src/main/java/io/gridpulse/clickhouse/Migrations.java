package io.gridpulse.clickhouse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the ordered migration files of {@code sql/migrations} (shipped in this jar under
 * {@code gridpulse/sql/migrations}) to a ClickHouse database. Every file is idempotent (IF NOT
 * EXISTS, CREATE OR REPLACE VIEW), so applying all of them again is harmless; the table {@code
 * schema_migrations} records what was applied, with a checksum, and a changed file is applied
 * again (which is why files must stay idempotent). {@code ${db}} in a file is the database name.
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final String RESOURCE_DIR = "gridpulse/sql/migrations";
    private static final Pattern FILE_NAME = Pattern.compile("V\\d{3}__[a-z0-9_]+\\.sql");

    /** One migration file. */
    public record Migration(String name, String sql) {
        String checksum() {
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(d, 0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Migrations() {}

    /** Applies every migration not yet applied (or changed since); returns the names applied. */
    public static List<String> apply(ClickHouseSettings settings) throws SQLException {
        List<Migration> all = load();
        List<String> applied = new ArrayList<>();
        try (Connection c = ClickHouseConnections.open(settings);
                Statement st = c.createStatement()) {
            String db = settings.database();
            st.execute("CREATE DATABASE IF NOT EXISTS " + db);
            st.execute("CREATE TABLE IF NOT EXISTS " + db + ".schema_migrations (name String, checksum String,"
                    + " applied_at DateTime64(3) DEFAULT now64(3)) ENGINE = ReplacingMergeTree(applied_at)"
                    + " ORDER BY name");
            Map<String, String> done = new HashMap<>();
            try (ResultSet rs = st.executeQuery(
                    "SELECT name, argMax(checksum, applied_at) FROM " + db + ".schema_migrations GROUP BY name")) {
                while (rs.next()) {
                    done.put(rs.getString(1), rs.getString(2));
                }
            }
            for (Migration m : all) {
                if (m.checksum().equals(done.get(m.name()))) {
                    continue;
                }
                for (String statement : statements(m.sql(), db)) {
                    try {
                        st.execute(statement);
                    } catch (SQLException e) {
                        throw new SQLException("migration " + m.name() + " failed at: " + firstLine(statement), e);
                    }
                }
                try (PreparedStatement ps =
                        c.prepareStatement("INSERT INTO " + db + ".schema_migrations (name, checksum) VALUES (?, ?)")) {
                    ps.setString(1, m.name());
                    ps.setString(2, m.checksum());
                    ps.executeUpdate();
                }
                applied.add(m.name());
            }
        }
        if (!applied.isEmpty()) {
            LOG.info("applied migrations {} to {}", applied, settings);
        }
        return applied;
    }

    /** The migration files in name order. */
    public static List<Migration> load() {
        URL url = Migrations.class.getClassLoader().getResource(RESOURCE_DIR);
        if (url == null) {
            throw new IllegalStateException("no " + RESOURCE_DIR + " on the classpath");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return loadFrom(fs.getPath(RESOURCE_DIR));
            }
            return loadFrom(Path.of(uri));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read migrations from " + url, e);
        }
    }

    private static List<Migration> loadFrom(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.sql")) {
            ds.forEach(files::add);
        }
        files.sort(
                (a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        List<Migration> out = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (!FILE_NAME.matcher(name).matches()) {
                throw new IllegalStateException("migration file name must look like V001__what.sql: " + name);
            }
            try (InputStream in = Files.newInputStream(f)) {
                out.add(new Migration(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    /**
     * Splits a file into statements at semicolons that end a line, after removing whole-line
     * comments, and substitutes the database name.
     */
    public static List<String> statements(String sql, String db) {
        StringBuilder cleaned = new StringBuilder();
        for (String line : sql.split("\n", -1)) {
            if (!line.stripLeading().startsWith("--")) {
                cleaned.append(line).append('\n');
            }
        }
        List<String> out = new ArrayList<>();
        for (String part : cleaned.toString().split(";\\s*\n")) {
            String s = part.strip();
            if (s.endsWith(";")) {
                s = s.substring(0, s.length() - 1).strip();
            }
            if (!s.isEmpty()) {
                out.add(s.replace("${db}", db));
            }
        }
        return out;
    }

    private static String firstLine(String statement) {
        int nl = statement.indexOf('\n');
        return nl < 0 ? statement : statement.substring(0, nl);
    }
}

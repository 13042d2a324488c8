package io.gridpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.clickhouse.ClickHouseConnections;
import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.clickhouse.Migrations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every statement of the cluster DDL (sql/cluster) is parsed by the real ClickHouse parser of the
 * local server: {@code formatQuery} parses a statement and fails on a syntax error, without
 * running it (the local server has no cluster, no ZooKeeper/Keeper and no macros to execute it
 * with).
 */
class ClusterDdlSyntaxIT {

    @Test
    void everyClusterStatementParses() throws Exception {
        ClickHouseSettings ch = SharedStack.freshDatabase("cluster_ddl");
        Path dir = Path.of("../../sql/cluster");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        int parsed = 0;
        List<String> failures = new ArrayList<>();
        try (Connection c = ClickHouseConnections.open(ch);
                PreparedStatement format = c.prepareStatement("SELECT formatQuery(?)")) {
            for (Path f : files) {
                for (String st : Migrations.statements(Files.readString(f, StandardCharsets.UTF_8), "gridpulse")) {
                    format.setString(1, st);
                    try (ResultSet rs = format.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        String formatted = rs.getString(1);
                        // the parser kept what matters: the ON CLUSTER clause and the engine
                        if (st.startsWith("CREATE")) {
                            assertThat(formatted).contains("ON CLUSTER");
                        }
                        parsed++;
                    } catch (SQLException e) {
                        failures.add(f.getFileName() + ": " + e.getMessage());
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(parsed).isGreaterThanOrEqualTo(20);

        // and the parser does refuse broken DDL, so the check above can fail
        try (Connection c = ClickHouseConnections.open(ch);
                PreparedStatement format = c.prepareStatement("SELECT formatQuery(?)")) {
            format.setString(1, "CREATE TABLE x ON CLUSTER '{cluster}' (a String ENGINE = Distributed(");
            boolean refused;
            try (ResultSet rs = format.executeQuery()) {
                refused = !rs.next();
            } catch (SQLException e) {
                refused = true;
            }
            assertThat(refused).isTrue();
        }
    }
}

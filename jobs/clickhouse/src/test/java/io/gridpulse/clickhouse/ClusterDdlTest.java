package io.gridpulse.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterDdlTest {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void sqlClusterIsCurrentWithSqlMigrations() throws Exception {
        List<String[]> expected = ClusterDdl.expected(ROOT.resolve("sql/migrations"));
        assertThat(expected).isNotEmpty();
        for (String[] f : expected) {
            Path file = ROOT.resolve("sql/cluster").resolve(f[0]);
            assertThat(file)
                    .as(
                            "sql/cluster/%s is missing or stale: run"
                                    + " `java -cp jobs/clickhouse/target/classes io.gridpulse.clickhouse.ClusterDdl`",
                            f[0])
                    .exists();
            assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .as("sql/cluster/%s is stale: regenerate with io.gridpulse.clickhouse.ClusterDdl", f[0])
                    .isEqualTo(f[1]);
        }
    }

    @Test
    void aReplacingTableBecomesAReplicatedLocalTableAndADistributedTableShardedBySortingKey() {
        List<String> out = ClusterDdl.convert("CREATE TABLE IF NOT EXISTS ${db}.t\n(a String, v UInt64)\n"
                + "ENGINE = ReplacingMergeTree(v)\nPARTITION BY toYYYYMM(x)\nORDER BY (a, b)");
        assertThat(out)
                .containsExactly(
                        "CREATE TABLE IF NOT EXISTS ${db}.t_local ON CLUSTER '{cluster}'\n(a String, v UInt64)\n"
                                + "ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${db}/t_local',"
                                + " '{replica}', v)\nPARTITION BY toYYYYMM(x)\nORDER BY (a, b)",
                        "CREATE TABLE IF NOT EXISTS ${db}.t ON CLUSTER '{cluster}' AS ${db}.t_local\n"
                                + "ENGINE = Distributed('{cluster}', '${db}', 't_local', cityHash64(a, b))");
    }

    @Test
    void aTableWithoutVersionAndASingleColumnKey() {
        List<String> out = ClusterDdl.convert(
                "CREATE TABLE IF NOT EXISTS ${db}.p (scope String)\nENGINE = ReplacingMergeTree\nORDER BY scope");
        assertThat(out.get(0))
                .contains("ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${db}/p_local', '{replica}')");
        assertThat(out.get(1)).endsWith("cityHash64(scope))");
    }

    @Test
    void viewsGetOnClusterAndKeepReadingTheOriginalNames() {
        assertThat(ClusterDdl.convert("CREATE OR REPLACE VIEW ${db}.v AS\nSELECT * FROM ${db}.t FINAL"))
                .containsExactly(
                        "CREATE OR REPLACE VIEW ${db}.v ON CLUSTER '{cluster}' AS\nSELECT * FROM ${db}.t FINAL");
    }

    @Test
    void seedInsertsPassUnchangedThroughTheDistributedTable() {
        String insert = "INSERT INTO ${db}.config (key, value) SELECT 'a', 1";
        assertThat(ClusterDdl.convert(insert)).containsExactly(insert);
    }

    @Test
    void anAddedColumnGoesToTheLocalAndTheDistributedTable() {
        assertThat(ClusterDdl.convert("ALTER TABLE ${db}.grids ADD COLUMN IF NOT EXISTS geometry String DEFAULT ''"))
                .containsExactly(
                        "ALTER TABLE ${db}.grids_local ON CLUSTER '{cluster}' ADD COLUMN IF NOT EXISTS geometry String DEFAULT ''",
                        "ALTER TABLE ${db}.grids ON CLUSTER '{cluster}' ADD COLUMN IF NOT EXISTS geometry String DEFAULT ''");
        assertThatThrownBy(() -> ClusterDdl.convert("ALTER TABLE ${db}.grids DROP COLUMN geometry"))
                .hasMessageContaining("no cluster rule");
    }

    @Test
    void statementsWithoutARuleAreRefusedByName() {
        assertThatThrownBy(() -> ClusterDdl.convert("CREATE MATERIALIZED VIEW ${db}.m TO ${db}.t AS SELECT 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no cluster rule")
                .hasMessageContaining("CREATE MATERIALIZED VIEW");
    }
}

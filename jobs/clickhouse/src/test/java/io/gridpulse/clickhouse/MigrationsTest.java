package io.gridpulse.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void migrationsAreOrderedAndIdempotentByConstruction() {
        List<Migrations.Migration> all = Migrations.load();
        assertThat(all).isNotEmpty();
        assertThat(all).extracting(Migrations.Migration::name).isSorted();
        for (Migrations.Migration m : all) {
            for (String st : Migrations.statements(m.sql(), "gp")) {
                // Applying a file twice must be harmless: only idempotent DDL is allowed, and seed
                // rows written at a fixed version into a ReplacingMergeTree (a second copy of the
                // same key and version merges away; a later user setting outranks it).
                assertThat(st)
                        .matches("(?s)(CREATE TABLE IF NOT EXISTS|CREATE OR REPLACE VIEW|CREATE DATABASE IF NOT EXISTS"
                                + "|ALTER TABLE \\S+ ADD COLUMN IF NOT EXISTS"
                                + "|INSERT INTO \\S+ \\(key, value, set_at, origin\\)\\s+SELECT key, value,"
                                + " toDateTime64\\(0, 3, 'Asia/Shanghai'\\), 'default').*");
                assertThat(st).doesNotContain("${db}");
            }
        }
    }

    @Test
    void splitsAtLineEndingSemicolonsAndDropsCommentLines() {
        String sql = "-- a comment; with a semicolon\nCREATE TABLE IF NOT EXISTS ${db}.a (x String);\n\n"
                + "CREATE OR REPLACE VIEW ${db}.v AS SELECT 'a;b' AS s FROM ${db}.a;\n";
        assertThat(Migrations.statements(sql, "gp"))
                .containsExactly(
                        "CREATE TABLE IF NOT EXISTS gp.a (x String)",
                        "CREATE OR REPLACE VIEW gp.v AS SELECT 'a;b' AS s FROM gp.a");
    }
}

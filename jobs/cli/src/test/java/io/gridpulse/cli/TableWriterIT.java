package io.gridpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.clickhouse.ClickHouseConnections;
import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.clickhouse.FailureKind;
import io.gridpulse.clickhouse.RetryPolicy;
import io.gridpulse.clickhouse.TableWriter;
import io.gridpulse.clickhouse.TableWriter.TableSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Native inserts against the real server: every column type gridpulse writes comes back as
 * written (times to the millisecond, in any zone; NULLs; non-ASCII text; the edges of unsigned
 * ranges; LowCardinality dictionaries of every index width, Nullable or not, batch after batch
 * through one writer), and a binder that gives a column a value of the wrong type fails as
 * POISON, naming the table and column, without writing anything.
 */
class TableWriterIT {

    private static ClickHouseSettings ch;

    record Sample(
            String id,
            String text,
            long time,
            Long maybeTime,
            long day,
            int small,
            long big,
            double x,
            Float maybeX,
            String kind,
            String tag,
            String note,
            String level,
            int delta,
            long day32,
            boolean flag,
            String many) {}

    private static final TableSpec<Sample> SPEC = new TableSpec<>(
            "samples",
            List.of(
                    "id",
                    "text",
                    "time",
                    "maybe_time",
                    "day",
                    "small",
                    "big",
                    "x",
                    "maybe_x",
                    "kind",
                    "at_second",
                    "tag",
                    "note",
                    "level",
                    "delta",
                    "day32",
                    "flag",
                    "many"),
            (out, s) -> {
                out.setString(1, s.id());
                out.setString(2, s.text());
                out.setTime(3, s.time());
                if (s.maybeTime() == null) {
                    out.setNull(4);
                } else {
                    out.setTime(4, s.maybeTime());
                }
                out.setDate(5, s.day());
                out.setInt(6, s.small());
                out.setLong(7, s.big());
                out.setDouble(8, s.x());
                if (s.maybeX() == null) {
                    out.setNull(9);
                } else {
                    out.setFloat(9, s.maybeX());
                }
                out.setString(10, s.kind());
                out.setTime(11, s.time());
                out.setString(12, s.tag());
                out.setString(13, s.note());
                out.setString(14, s.level());
                out.setInt(15, s.delta());
                out.setDate(16, s.day32());
                out.setBoolean(17, s.flag());
                out.setString(18, s.many());
            });

    @BeforeAll
    static void table() throws Exception {
        ch = new ClickHouseSettings(SharedStack.endpoints().clickhouseUrl(), null, null, "gp_it_table_writer");
        try (Connection c = ClickHouseConnections.open(ch.withDatabase("default"));
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS gp_it_table_writer SYNC");
            st.execute("CREATE DATABASE gp_it_table_writer");
            st.execute("CREATE TABLE gp_it_table_writer.samples (id String, text String,"
                    + " time DateTime64(3, 'Asia/Shanghai'), maybe_time Nullable(DateTime64(3, 'UTC')), day Date,"
                    + " small UInt8, big UInt64, x Float64, maybe_x Nullable(Float32),"
                    + " kind LowCardinality(String), at_second DateTime('Asia/Shanghai'),"
                    + " tag LowCardinality(Nullable(String)), note Nullable(String),"
                    + " level Enum8('low' = 1, 'high' = -2), delta Int32, day32 Date32, flag Bool,"
                    + " many LowCardinality(String),"
                    + " loaded DateTime DEFAULT now()) ENGINE = MergeTree ORDER BY id");
        }
    }

    @Test
    void everyTypeComesBackAsWritten() throws Exception {
        List<Sample> rows = new ArrayList<>();
        rows.add(new Sample(
                "a",
                "陕K00001 'quoted' \\ back\nslash",
                1_760_000_000_123L,
                null,
                20_000,
                0,
                0L,
                -1.5,
                null,
                "MUCK",
                null,
                null,
                "high",
                Integer.MIN_VALUE,
                -25_000,
                true,
                ""));
        rows.add(new Sample(
                "b",
                "",
                0L,
                1_760_000_000_999L,
                0,
                255,
                Long.MAX_VALUE,
                Double.MAX_VALUE,
                2.5f,
                "ÄÖ",
                "",
                "",
                "low",
                Integer.MAX_VALUE,
                0,
                false,
                "鼓楼区"));
        for (int i = 0; i < 5000; i++) {
            rows.add(new Sample(
                    "r" + i,
                    "x".repeat(i % 300),
                    1_700_000_000_000L + i * 1001L,
                    null,
                    19_000 + i % 400,
                    i % 256,
                    i,
                    i / 7.0,
                    null,
                    "K" + i % 3,
                    i % 5 == 0 ? null : "标签" + i % 4,
                    i % 7 == 0 ? null : "n" + i,
                    i % 2 == 0 ? "low" : "high",
                    i - 2500,
                    -1000 + i,
                    i % 3 == 0,
                    // over 256 distinct values: the dictionary's indexes are two bytes wide
                    "m" + i % 1000));
        }
        try (TableWriter<Sample> w = new TableWriter<>(ch, SPEC, RetryPolicy.DEFAULT)) {
            // three batches through one writer: each carries its own dictionaries
            w.write(rows.subList(0, 2));
            w.write(rows.subList(2, 3000));
            w.write(rows.subList(3000, rows.size()));
        }
        List<Sample> back = new ArrayList<>();
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, text, toUnixTimestamp64Milli(time),"
                        + " toUnixTimestamp64Milli(maybe_time), toUInt16(day), small, big, x, maybe_x, kind,"
                        + " toUnixTimestamp(at_second), tag, note, toString(level), delta, toInt32(day32), flag,"
                        + " many FROM gp_it_table_writer.samples ORDER BY id")) {
            while (rs.next()) {
                long maybe = rs.getLong(4);
                Long maybeTime = rs.wasNull() ? null : maybe;
                float f = rs.getFloat(9);
                Float maybeX = rs.wasNull() ? null : f;
                back.add(new Sample(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        maybeTime,
                        rs.getLong(5),
                        rs.getInt(6),
                        rs.getLong(7),
                        rs.getDouble(8),
                        maybeX,
                        rs.getString(10),
                        rs.getString(12),
                        rs.getString(13),
                        rs.getString(14),
                        rs.getInt(15),
                        rs.getLong(16),
                        rs.getBoolean(17),
                        rs.getString(18)));
                assertThat(rs.getLong(11) * 1000).isEqualTo(Math.floorDiv(rs.getLong(3), 1000) * 1000);
            }
        }
        rows.sort(java.util.Comparator.comparing(Sample::id));
        assertThat(back).containsExactlyElementsOf(rows);
    }

    @Test
    void aDictionaryOfOver65536ValuesHasFourByteIndexes() throws Exception {
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE gp_it_table_writer.wide (k LowCardinality(String), n UInt32)"
                    + " ENGINE = MergeTree ORDER BY n");
        }
        TableSpec<Integer> wide = new TableSpec<>("wide", List.of("k", "n"), (out, n) -> {
            out.setString(1, "v" + n);
            out.setLong(2, n);
        });
        List<Integer> rows = java.util.stream.IntStream.range(0, 70_000).boxed().toList();
        try (TableWriter<Integer> w = new TableWriter<>(ch, wide, RetryPolicy.DEFAULT)) {
            w.write(rows);
        }
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(), uniqExact(k), countIf(k = concat('v', toString(n)))"
                        + " FROM gp_it_table_writer.wide")) {
            rs.next();
            assertThat(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).containsExactly(70_000L, 70_000L, 70_000L);
        }
    }

    @Test
    void aSpecWithDistinctKeysLeavesEqualKeysOfABatchToTheMerges() throws Exception {
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE gp_it_table_writer.replacing_plain (k String, v UInt32)"
                    + " ENGINE = ReplacingMergeTree ORDER BY k");
            st.execute("CREATE TABLE gp_it_table_writer.replacing_distinct AS gp_it_table_writer.replacing_plain");
        }
        for (String table : List.of("replacing_plain", "replacing_distinct")) {
            TableSpec<Integer> spec = new TableSpec<>(table, List.of("k", "v"), (out, v) -> {
                out.setString(1, "same key");
                out.setLong(2, v);
            });
            try (TableWriter<Integer> w = new TableWriter<>(
                    ch, table.endsWith("distinct") ? spec.withDistinctKeys() : spec, RetryPolicy.DEFAULT)) {
                w.write(List.of(1, 2));
            }
        }
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT (SELECT count() FROM gp_it_table_writer.replacing_plain),"
                        + " (SELECT count() FROM gp_it_table_writer.replacing_distinct),"
                        + " (SELECT count() FROM gp_it_table_writer.replacing_distinct FINAL)")) {
            rs.next();
            // collapsed at insert by default; one part of two rows with the flag, one row with FINAL
            assertThat(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).containsExactly(1L, 2L, 1L);
        }
    }

    @Test
    void aValueOfTheWrongTypeIsPoisonNamingTheColumnAndWritesNothing() throws Exception {
        TableSpec<String> wrong = new TableSpec<>("samples", List.of("id", "big"), (out, s) -> {
            out.setString(1, "wrong-" + s);
            out.setString(2, s); // a number sent as text: refused, never coerced
        });
        Throwable failure = null;
        try (TableWriter<String> w = new TableWriter<>(ch, wrong, RetryPolicy.DEFAULT)) {
            w.write(List.of("1", "2"));
        } catch (Exception e) {
            failure = e;
        }
        assertThat(failure).isNotNull();
        assertThat(FailureKind.of(failure)).isEqualTo(FailureKind.POISON);
        assertThat(failure).rootCause().hasMessageContaining("samples.big is UInt64: a String was given");
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT count() FROM gp_it_table_writer.samples WHERE startsWith(id, 'wrong-')")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    void anUnknownTableOrColumnIsFatal() {
        TableSpec<String> noTable = new TableSpec<>("no_such_table", List.of("id"), (out, s) -> out.setString(1, s));
        TableSpec<String> noColumn = new TableSpec<>("samples", List.of("nope"), (out, s) -> out.setString(1, s));
        for (TableSpec<String> spec : List.of(noTable, noColumn)) {
            assertThatThrownBy(() -> {
                        try (TableWriter<String> w = new TableWriter<>(ch, spec, RetryPolicy.DEFAULT)) {
                            w.write(List.of("x"));
                        }
                    })
                    .satisfies(e -> assertThat(FailureKind.of(e)).isEqualTo(FailureKind.FATAL));
        }
    }
}

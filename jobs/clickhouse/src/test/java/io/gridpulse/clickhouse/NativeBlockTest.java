package io.gridpulse.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The expected bytes are ClickHouse 26.7's own {@code FORMAT Native} output for the same values
 * and types ({@code SELECT * FROM format(Values, '<types>', '<rows>') FORMAT Native}), so the
 * encoder is held to what the server writes, not to a reading of its source.
 */
class NativeBlockTest {

    /** Encodes the rows (each a binder call) as one block of columns c0, c1, ... of these types. */
    @SafeVarargs
    private static String block(List<String> types, Consumer<Row>... rows) {
        NativeBlock b = newBlock(types);
        return encode(b, rows);
    }

    private static NativeBlock newBlock(List<String> types) {
        List<String> names = java.util.stream.IntStream.range(0, types.size())
                .mapToObj(i -> "c" + i)
                .toList();
        return new NativeBlock("t", names, types.stream().map(ColumnType::parse).toList());
    }

    @SafeVarargs
    private static String encode(NativeBlock b, Consumer<Row>... rows) {
        b.reset();
        for (Consumer<Row> r : rows) {
            b.startRow();
            r.accept(b);
            b.endRow();
        }
        BinaryOutput out = new BinaryOutput();
        b.writeTo(out);
        return HexFormat.of().formatHex(out.toByteArray());
    }

    @Test
    void numbersAreColumnsOfLittleEndianValuesOfTheTypesWidth() {
        assertThat(block(
                        List.of("UInt8", "UInt16", "UInt32", "UInt64", "Int64", "Float64", "Float32", "Bool"),
                        r -> {
                            r.setInt(1, 1);
                            r.setInt(2, 258);
                            r.setLong(3, 0xFFFF_FFFEL);
                            r.setLong(4, 5);
                            r.setLong(5, -1);
                            r.setDouble(6, 1.0);
                            r.setFloat(7, 1.0f);
                            r.setBoolean(8, true);
                        },
                        r -> {
                            r.setInt(1, 255);
                            r.setInt(2, 0);
                            r.setLong(3, 0);
                            r.setLong(4, 0);
                            r.setLong(5, 9);
                            r.setDouble(6, -2.5);
                            r.setFloat(7, 0.5f);
                            r.setBoolean(8, false);
                        }))
                .isEqualTo("0802026330055549"
                        + "6e743801ff0263310655496e743136020100000263320655496e743332feffffff0000000002633306"
                        + "55496e7436340500000000000000000000000000000002633405496e743634ffffffffffffffff0900"
                        + "00000000000002633507466c6f61743634000000000000f03f00000000000004c002633607466c6f61"
                        + "7433320000803f0000003f02633704426f6f6c0100");
    }

    @Test
    void stringsAndLowCardinalityDictionariesAndNullFlags() {
        List<String> types = List.of(
                "String",
                "LowCardinality(String)",
                "LowCardinality(Nullable(String))",
                "Nullable(Float64)",
                "Nullable(String)");
        assertThat(block(
                        types,
                        r -> {
                            r.setString(1, "");
                            r.setString(2, "陕K");
                            r.setNull(3);
                            r.setNullableDouble(4, null);
                            r.setString(5, "x");
                        },
                        r -> {
                            r.setString(1, "ab");
                            r.setString(2, "");
                            r.setString(3, "z");
                            r.setNullableDouble(4, 2.5);
                            r.setString(5, null);
                        },
                        r -> {
                            r.setString(1, "陕K");
                            r.setString(2, "陕K");
                            r.setString(3, "");
                            r.setNull(4);
                            r.setString(5, "");
                        }))
                .isEqualTo("050302633006537472696e670002616204e999954b026331164c6f7743617264696e616c6974792853"
                        + "7472696e67290100000000000000000600000000000002000000000000000004e999954b0300000000"
                        + "000000010001026332204c6f7743617264696e616c697479284e756c6c61626c6528537472696e6729"
                        + "290100000000000000000600000000000003000000000000000000017a030000000000000000020102"
                        + "6333114e756c6c61626c6528466c6f6174363429010001000000000000000000000000000004400000"
                        + "000000000000026334104e756c6c61626c6528537472696e672900010001780000");
    }

    @Test
    void timesAreEpochTicksOfTheColumnsPrecisionDatesEpochDaysEnumsTheirNumber() {
        // system.columns escapes a quote in an enum name with a backslash
        List<String> types = List.of(
                "DateTime64(3, 'Asia/Shanghai')",
                "DateTime",
                "Date",
                "Date32",
                "Nullable(DateTime64(3))",
                "Enum8('it\\'s' = -2, 'a' = 1)",
                "DateTime64(6)",
                "DateTime64(0)");
        assertThat(block(
                        types,
                        r -> {
                            r.setTime(1, 1_760_000_000_123L);
                            r.setTime(2, 1_760_000_000_999L);
                            r.setDate(3, 20_000);
                            r.setDate(4, -1);
                            r.setNullableTime(5, null);
                            r.setString(6, "it's");
                            r.setTime(7, -1);
                            r.setTime(8, 1_760_000_000_500L);
                        },
                        r -> {
                            r.setTime(1, 0);
                            r.setTime(2, 0);
                            r.setDate(3, 0);
                            r.setDate(4, 0);
                            r.setNullableTime(5, 5L);
                            r.setString(6, "a");
                            r.setTime(7, 0);
                            r.setTime(8, -1); // before 1970, ticks round towards minus infinity
                        }))
                .isEqualTo("08020263301e4461746554696d65363428332c2027417369612f5368616e6768616927297bc02cc899"
                        + "0100000000000000000000026331084461746554696d650078e768000000000263320444617465204e"
                        + "000002633306446174653332ffffffff00000000026334174e756c6c61626c65284461746554696d65"
                        + "3634283329290100000000000000000005000000000000000263351c456e756d38282769745c277327"
                        + "203d202d322c20276127203d203129fe010263360d4461746554696d65363428362918fcffffffffff"
                        + "ff00000000000000000263370d4461746554696d6536342830290078e76800000000"
                        + "ffffffffffffffff");
    }

    @Test
    void aDictionaryOfMoreThan256KeysHasWiderIndexes() {
        NativeBlock b = newBlock(List.of("LowCardinality(String)"));
        List<Consumer<Row>> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String v = "k" + (i % 290);
            rows.add(r -> r.setString(1, v));
        }
        @SuppressWarnings("unchecked")
        String hex = encode(b, rows.toArray(new Consumer[0]));
        String header = "01" + "ac02" + "026330" + "16" + hex(("LowCardinality(String)"));
        assertThat(hex).startsWith(header + le(1, 8) + le(0x601, 8) + le(291, 8));
        // 291 keys ("" and k0..k289), then 300 UInt16 indexes: k0 is key 1
        assertThat(hex).endsWith(le(300, 8) + dictionaryIndexes(300, 290, 2));
    }

    @Test
    void aResetBlockEncodesTheNextBatchAsAFreshOneWould() {
        List<String> types = List.of("LowCardinality(String)", "Nullable(String)", "UInt8");
        NativeBlock reused = newBlock(types);
        encode(reused, r -> {
            r.setString(1, "a");
            r.setString(2, null);
            r.setInt(3, 1);
        });
        Consumer<Row> second = r -> {
            r.setString(1, "b");
            r.setString(2, "x");
            r.setInt(3, 2);
        };
        assertThat(encode(reused, second)).isEqualTo(block(types, second));
    }

    @Test
    void anAbortedRowLeavesTheBlockAsItWas() {
        List<String> types = List.of("LowCardinality(String)", "Nullable(String)", "UInt8", "UInt8");
        Consumer<Row> good = r -> {
            r.setString(1, "a");
            r.setString(2, null);
            r.setInt(3, 1);
            r.setInt(4, 2);
        };
        NativeBlock b = newBlock(types);
        b.reset();
        b.startRow();
        good.accept(b);
        b.endRow();
        b.startRow();
        b.setString(1, "new key");
        b.setString(2, "x");
        assertThatThrownBy(() -> b.setInt(3, 300)).hasMessageContaining("out of its range");
        b.abortRow();
        b.startRow();
        b.setString(1, "a");
        b.setString(2, null);
        b.setInt(3, 1);
        b.setInt(4, 2);
        b.endRow();
        BinaryOutput out = new BinaryOutput();
        b.writeTo(out);
        assertThat(b.rows()).isEqualTo(2);
        assertThat(HexFormat.of().formatHex(out.toByteArray())).isEqualTo(block(types, good, good));
    }

    @Test
    void stringsAreUtf8AsJavaEncodesThem() {
        List<String> samples = new ArrayList<>(
                List.of("", "ascii", "陕K00001", "Ä", "😀 emoji", "lone \uD800 high", "lone \uDC00 low", "end \uD83D"));
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            char[] c = new char[random.nextInt(40)];
            for (int j = 0; j < c.length; j++) {
                c[j] = (char) (random.nextInt(4) == 0 ? random.nextInt(0x10000) : random.nextInt(0x80));
            }
            samples.add(new String(c));
        }
        for (String s : samples) {
            BinaryOutput out = new BinaryOutput(4);
            out.writeString(s);
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            BinaryOutput expected = new BinaryOutput(4);
            expected.writeUnsignedVarint(utf8.length);
            assertThat(HexFormat.of().formatHex(out.toByteArray()))
                    .as("%s", s)
                    .isEqualTo(HexFormat.of().formatHex(expected.toByteArray())
                            + HexFormat.of().formatHex(utf8));
        }
    }

    @Test
    void aValueTheColumnCannotHoldNamesTheColumn() {
        assertThatThrownBy(() -> block(List.of("UInt64"), r -> r.setString(1, "12")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t.c0 is UInt64: a String was given");
        assertThatThrownBy(() -> block(List.of("UInt8"), r -> r.setInt(1, 256)))
                .hasMessageContaining("256 is out of its range");
        assertThatThrownBy(() -> block(List.of("String"), r -> r.setNull(1))).hasMessageContaining("NULL was given");
        assertThatThrownBy(() -> block(List.of("LowCardinality(String)"), r -> r.setNull(1)))
                .hasMessageContaining("NULL was given");
        assertThatThrownBy(() -> block(List.of("DateTime64(3)"), r -> r.setString(1, "2026-01-01 00:00:00")))
                .hasMessageContaining("a String was given");
        assertThatThrownBy(() -> block(List.of("UInt32"), r -> r.setLong(1, -1)))
                .hasMessageContaining("out of its range");
        assertThatThrownBy(() -> block(List.of("Enum8('a' = 1)"), r -> r.setString(1, "b")))
                .hasMessageContaining("'b' is not one of its values");
    }

    @Test
    void columnsMustBeSetOnceEachInOrder() {
        assertThatThrownBy(() -> block(List.of("String", "String"), r -> r.setString(2, "b")))
                .hasMessageContaining("column 2 set where column 1 was expected");
        assertThatThrownBy(() -> block(List.of("String", "String"), r -> r.setString(1, "a")))
                .hasMessageContaining("first missing: c1");
    }

    @Test
    void typesGridpulseDoesNotWriteAreRefusedWhenRead() {
        assertThatThrownBy(() -> ColumnType.parse("Array(String)"))
                .hasMessageContaining("does not write columns of type Array(String)");
        assertThatThrownBy(() -> ColumnType.parse("LowCardinality(UInt32)"))
                .hasMessageContaining("does not write columns of type LowCardinality(UInt32)");
        ColumnType lc = ColumnType.parse("LowCardinality(Nullable(String))");
        assertThat(lc.nullable()).isTrue();
        assertThat(lc.lowCardinality()).isTrue();
        assertThat(ColumnType.parse("Nullable(String)").lowCardinality()).isFalse();
    }

    private static String dictionaryIndexes(int rows, int distinct, int width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            b.append(le(1 + i % distinct, width));
        }
        return b.toString();
    }

    private static String hex(String ascii) {
        return HexFormat.of().formatHex(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    private static String le(long v, int bytes) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < bytes; i++) {
            b.append(String.format("%02x", (v >>> (8 * i)) & 0xFF));
        }
        return b.toString();
    }
}

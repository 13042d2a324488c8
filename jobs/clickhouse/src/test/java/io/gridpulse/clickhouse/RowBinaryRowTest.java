package io.gridpulse.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowBinaryRowTest {

    private static String encode(List<String> types, java.util.function.Consumer<Row> binder) {
        RowBinaryOutput out = new RowBinaryOutput();
        List<String> names = java.util.stream.IntStream.range(0, types.size())
                .mapToObj(i -> "c" + i)
                .toList();
        RowBinaryRow row = new RowBinaryRow(
                "t", names, types.stream().map(ColumnType::parse).toList(), out);
        row.startRow();
        binder.accept(row);
        row.endRow();
        return HexFormat.of().formatHex(out.toByteArray());
    }

    @Test
    void numbersAreLittleEndianOfTheColumnsWidth() {
        assertThat(encode(List.of("UInt8", "UInt16", "UInt32", "UInt64", "Int64"), r -> {
                    r.setInt(1, 1);
                    r.setInt(2, 0x0102);
                    r.setLong(3, 0xFFFF_FFFEL);
                    r.setLong(4, 5);
                    r.setLong(5, -1);
                }))
                .isEqualTo("01" + "0201" + "feffffff" + "0500000000000000" + "ffffffffffffffff");
        assertThat(encode(List.of("Float64", "Float32"), r -> {
                    r.setDouble(1, 1.0);
                    r.setFloat(2, 1.0f);
                }))
                .isEqualTo("000000000000f03f" + "0000803f");
    }

    @Test
    void stringsAreVarintLengthAndUtf8() {
        String longAscii = "x".repeat(200);
        assertThat(encode(List.of("String", "LowCardinality(String)", "String"), r -> {
                    r.setString(1, "");
                    r.setString(2, "陕K");
                    r.setString(3, longAscii);
                }))
                .isEqualTo("00" + "04e99995" + "4b" + "c801" + "78".repeat(200));
    }

    @Test
    void timesAreEpochTicksOfTheColumnsPrecisionAndDatesEpochDays() {
        long t = 1_760_000_000_123L;
        assertThat(encode(List.of("DateTime64(3, 'Asia/Shanghai')", "DateTime('Asia/Shanghai')", "Date"), r -> {
                    r.setTime(1, t);
                    r.setTime(2, t);
                    r.setDate(3, 20_000);
                }))
                .isEqualTo(le(t, 8) + le(t / 1000, 4) + le(20_000, 2));
        assertThat(encode(List.of("DateTime64(6)", "DateTime64(0)"), r -> {
                    r.setTime(1, -1);
                    r.setTime(2, -1);
                }))
                .as("before 1970: ticks round towards minus infinity")
                .isEqualTo(le(-1000, 8) + le(-1, 8));
    }

    @Test
    void nullableColumnsCarryAFlagByteAndEnumsTheirNumber() {
        // system.columns escapes a quote in an enum name with a backslash
        assertThat(encode(
                        List.of("Nullable(Float64)", "Nullable(DateTime64(3))", "Enum8('a' = 1, 'it\\'s' = -2)"), r -> {
                            r.setNull(1);
                            r.setTime(2, 0);
                            r.setString(3, "it's");
                        }))
                .isEqualTo("01" + "00" + le(0, 8) + "fe");
    }

    @Test
    void aValueTheColumnCannotHoldNamesTheColumn() {
        assertThatThrownBy(() -> encode(List.of("UInt64"), r -> r.setString(1, "12")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t.c0 is UInt64: a String was given");
        assertThatThrownBy(() -> encode(List.of("UInt8"), r -> r.setInt(1, 256)))
                .hasMessageContaining("256 is out of its range");
        assertThatThrownBy(() -> encode(List.of("String"), r -> r.setNull(1))).hasMessageContaining("NULL was given");
        assertThatThrownBy(() -> encode(List.of("DateTime64(3)"), r -> r.setString(1, "2026-01-01 00:00:00")))
                .hasMessageContaining("a String was given");
        assertThatThrownBy(() -> encode(List.of("UInt32"), r -> r.setLong(1, -1)))
                .hasMessageContaining("out of its range");
    }

    @Test
    void columnsMustBeSetOnceEachInOrder() {
        assertThatThrownBy(() -> encode(List.of("String", "String"), r -> r.setString(2, "b")))
                .hasMessageContaining("column 2 set where column 1 was expected");
        assertThatThrownBy(() -> encode(List.of("String", "String"), r -> r.setString(1, "a")))
                .hasMessageContaining("first missing: c1");
    }

    @Test
    void typesGridpulseDoesNotWriteAreRefusedWhenRead() {
        assertThatThrownBy(() -> ColumnType.parse("Array(String)"))
                .hasMessageContaining("does not write columns of type Array(String)");
        assertThat(ColumnType.parse("LowCardinality(Nullable(String))").nullable())
                .isTrue();
    }

    @Test
    void nullableSettersWriteNullForAMissingValueAndTheValueOtherwise() {
        assertThat(encode(
                        List.of(
                                "Nullable(Float32)",
                                "Nullable(Float32)",
                                "Nullable(DateTime64(3))",
                                "Nullable(DateTime64(3))"),
                        r -> {
                            r.setNullableDouble(1, null);
                            r.setNullableDouble(2, 1.0f);
                            r.setNullableTime(3, null);
                            r.setNullableTime(4, 5L);
                        }))
                .isEqualTo("01" + "00" + "0000803f" + "01" + "00" + le(5, 8));
    }

    private static String le(long v, int bytes) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < bytes; i++) {
            b.append(String.format("%02x", (v >>> (8 * i)) & 0xFF));
        }
        return b.toString();
    }
}

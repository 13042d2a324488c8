package io.gridpulse.clickhouse;

import io.gridpulse.clickhouse.ColumnType.Kind;
import java.util.List;

/**
 * Encodes rows into RowBinary for one table's column list, checking each value against the
 * column's type as read from the server: the bytes are exactly what the column expects, or the
 * binder is told which column it got wrong. Columns must be set in order, each exactly once.
 */
final class RowBinaryRow implements Row {

    private static final long[] POW10 = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
    };

    private final String table;
    private final List<String> columns;
    private final ColumnType[] types;
    private final RowBinaryOutput out;
    private int next;

    RowBinaryRow(String table, List<String> columns, List<ColumnType> types, RowBinaryOutput out) {
        if (columns.size() != types.size()) {
            throw new IllegalArgumentException("columns and types differ in number for " + table);
        }
        this.table = table;
        this.columns = List.copyOf(columns);
        this.types = types.toArray(new ColumnType[0]);
        this.out = out;
    }

    void startRow() {
        next = 0;
    }

    void endRow() {
        if (next != types.length) {
            throw new IllegalArgumentException(table + ": the binder set " + next + " of " + types.length
                    + " columns; first missing: " + columns.get(next));
        }
    }

    @Override
    public void setString(int column, String value) {
        ColumnType t = column(column);
        if (value == null) {
            nullValue(column, t);
            return;
        }
        switch (t.kind()) {
            case STRING -> {
                present(t);
                out.writeString(value);
            }
            case ENUM8, ENUM16 -> {
                Integer v = t.enumValues().get(value);
                if (v == null) {
                    throw wrong(column, t, "'" + value + "' is not one of its values");
                }
                present(t);
                if (t.kind() == Kind.ENUM8) {
                    out.writeByte(v);
                } else {
                    out.writeShortLE(v);
                }
            }
            default -> throw wrong(column, t, "a String was given");
        }
    }

    @Override
    public void setLong(int column, long v) {
        ColumnType t = column(column);
        switch (t.kind()) {
            case BOOL -> {
                check(column, t, v, 0, 1);
                present(t);
                out.writeByte((int) v);
            }
            case UINT8 -> {
                check(column, t, v, 0, 0xFF);
                present(t);
                out.writeByte((int) v);
            }
            case UINT16 -> {
                check(column, t, v, 0, 0xFFFF);
                present(t);
                out.writeShortLE((int) v);
            }
            case UINT32 -> {
                check(column, t, v, 0, 0xFFFF_FFFFL);
                present(t);
                out.writeIntLE((int) v);
            }
            case UINT64 -> {
                check(column, t, v, 0, Long.MAX_VALUE);
                present(t);
                out.writeLongLE(v);
            }
            case INT8 -> {
                check(column, t, v, Byte.MIN_VALUE, Byte.MAX_VALUE);
                present(t);
                out.writeByte((int) v);
            }
            case INT16 -> {
                check(column, t, v, Short.MIN_VALUE, Short.MAX_VALUE);
                present(t);
                out.writeShortLE((int) v);
            }
            case INT32 -> {
                check(column, t, v, Integer.MIN_VALUE, Integer.MAX_VALUE);
                present(t);
                out.writeIntLE((int) v);
            }
            case INT64 -> {
                present(t);
                out.writeLongLE(v);
            }
            default -> throw wrong(column, t, "an integer was given");
        }
    }

    @Override
    public void setDouble(int column, double v) {
        ColumnType t = column(column);
        switch (t.kind()) {
            case FLOAT64 -> {
                present(t);
                out.writeLongLE(Double.doubleToRawLongBits(v));
            }
            case FLOAT32 -> {
                present(t);
                out.writeIntLE(Float.floatToRawIntBits((float) v));
            }
            default -> throw wrong(column, t, "a floating-point number was given");
        }
    }

    @Override
    public void setTime(int column, long epochMillis) {
        ColumnType t = column(column);
        switch (t.kind()) {
            case DATETIME -> {
                long seconds = Math.floorDiv(epochMillis, 1000L);
                check(column, t, seconds, 0, 0xFFFF_FFFFL);
                present(t);
                out.writeIntLE((int) seconds);
            }
            case DATETIME64 -> {
                int p = t.precision();
                long ticks = p >= 3
                        ? Math.multiplyExact(epochMillis, POW10[p - 3])
                        : Math.floorDiv(epochMillis, POW10[3 - p]);
                present(t);
                out.writeLongLE(ticks);
            }
            default -> throw wrong(column, t, "a time was given");
        }
    }

    @Override
    public void setDate(int column, long epochDay) {
        ColumnType t = column(column);
        switch (t.kind()) {
            case DATE -> {
                check(column, t, epochDay, 0, 0xFFFF);
                present(t);
                out.writeShortLE((int) epochDay);
            }
            case DATE32 -> {
                check(column, t, epochDay, Integer.MIN_VALUE, Integer.MAX_VALUE);
                present(t);
                out.writeIntLE((int) epochDay);
            }
            default -> throw wrong(column, t, "a date was given");
        }
    }

    @Override
    public void setNull(int column) {
        nullValue(column, column(column));
    }

    private ColumnType column(int column) {
        if (column != next + 1) {
            throw new IllegalArgumentException(table + ": column " + column + " set where column " + (next + 1)
                    + " was expected (set each column once, in order)");
        }
        next = column;
        return types[column - 1];
    }

    private void present(ColumnType t) {
        if (t.nullable()) {
            out.writeByte(0);
        }
    }

    private void nullValue(int column, ColumnType t) {
        if (!t.nullable()) {
            throw wrong(column, t, "NULL was given");
        }
        out.writeByte(1);
    }

    private void check(int column, ColumnType t, long v, long min, long max) {
        if (v < min || v > max) {
            throw wrong(column, t, v + " is out of its range");
        }
    }

    private IllegalArgumentException wrong(int column, ColumnType t, String what) {
        return new IllegalArgumentException(table + "." + columns.get(column - 1) + " is " + t.name() + ": " + what);
    }
}

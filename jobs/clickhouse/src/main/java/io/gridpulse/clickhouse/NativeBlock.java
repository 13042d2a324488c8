package io.gridpulse.clickhouse;

import io.gridpulse.clickhouse.ColumnType.Kind;
import java.util.List;

/**
 * One insert's rows in ClickHouse's Native format, checked value by value against the column
 * types read from the server: the bytes are exactly what each column expects, or the binder is
 * told which column it got wrong. Columns must be set in order, each exactly once per row.
 *
 * <p>Why Native and not RowBinary: the server then receives whole columns, and a
 * LowCardinality column arrives as its dictionary and one small index per row. Parsing
 * RowBinary into LowCardinality columns was most of ClickHouse's work on the vehicle positions
 * (measured on this server, 5 M rows: 13.0-13.8 s of its CPU as RowBinary, 8.2-8.6 s as Native),
 * and the job itself encodes each distinct district or grid name once per batch instead of once
 * per row.
 *
 * <p>The layout (the server's own {@code FORMAT Native} output, which the tests compare with): the
 * number of columns and of rows as varints; then per column its name, its type as the server
 * spells it, and its data: fixed-width values little-endian, strings length-prefixed, a Nullable
 * column's null flags (one byte per row) before its values (zero under a NULL), and a
 * LowCardinality column as version, index width and flags, the dictionary, then the indexes.
 */
final class NativeBlock implements Row {

    private static final long[] POW10 = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
    };

    private final String table;
    private final List<String> columns;
    private final NativeColumn[] data;
    private int next;
    private int rows;

    NativeBlock(String table, List<String> columns, List<ColumnType> types) {
        if (columns.size() != types.size()) {
            throw new IllegalArgumentException("columns and types differ in number for " + table);
        }
        this.table = table;
        this.columns = List.copyOf(columns);
        this.data = new NativeColumn[types.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = new NativeColumn(types.get(i));
        }
    }

    /** Empties the block for the next batch (the buffers are kept). */
    void reset() {
        for (NativeColumn c : data) {
            c.reset();
        }
        rows = 0;
    }

    int rows() {
        return rows;
    }

    void startRow() {
        next = 0;
    }

    /** Undoes what the current row set (its binder failed): the block is as before {@link #startRow}. */
    void abortRow() {
        for (int i = 0; i < next; i++) {
            data[i].rollback();
        }
        next = 0;
    }

    void endRow() {
        if (next != data.length) {
            throw new IllegalArgumentException(table + ": the binder set " + next + " of " + data.length
                    + " columns; first missing: " + columns.get(next));
        }
        rows++;
    }

    /** The block, header and columns, appended to {@code out}. */
    void writeTo(BinaryOutput out) {
        out.writeUnsignedVarint(data.length);
        out.writeUnsignedVarint(rows);
        for (int i = 0; i < data.length; i++) {
            out.writeString(columns.get(i));
            out.writeString(data[i].type().name());
            data[i].writeTo(out);
        }
    }

    @Override
    public void setString(int column, String value) {
        NativeColumn c = column(column);
        ColumnType t = c.type();
        if (value == null) {
            nullValue(column, c);
            return;
        }
        switch (t.kind()) {
            case STRING -> {
                if (t.lowCardinality()) {
                    c.addKey(value);
                } else {
                    c.present().writeString(value);
                }
            }
            case ENUM8, ENUM16 -> {
                Integer v = t.enumValues().get(value);
                if (v == null) {
                    throw wrong(column, t, "'" + value + "' is not one of its values");
                }
                if (t.kind() == Kind.ENUM8) {
                    c.present().writeByte(v);
                } else {
                    c.present().writeShortLE(v);
                }
            }
            default -> throw wrong(column, t, "a String was given");
        }
    }

    @Override
    public void setLong(int column, long v) {
        NativeColumn c = column(column);
        ColumnType t = c.type();
        switch (t.kind()) {
            case BOOL -> {
                check(column, t, v, 0, 1);
                c.present().writeByte((int) v);
            }
            case UINT8 -> {
                check(column, t, v, 0, 0xFF);
                c.present().writeByte((int) v);
            }
            case UINT16 -> {
                check(column, t, v, 0, 0xFFFF);
                c.present().writeShortLE((int) v);
            }
            case UINT32 -> {
                check(column, t, v, 0, 0xFFFF_FFFFL);
                c.present().writeIntLE((int) v);
            }
            case UINT64 -> {
                check(column, t, v, 0, Long.MAX_VALUE);
                c.present().writeLongLE(v);
            }
            case INT8 -> {
                check(column, t, v, Byte.MIN_VALUE, Byte.MAX_VALUE);
                c.present().writeByte((int) v);
            }
            case INT16 -> {
                check(column, t, v, Short.MIN_VALUE, Short.MAX_VALUE);
                c.present().writeShortLE((int) v);
            }
            case INT32 -> {
                check(column, t, v, Integer.MIN_VALUE, Integer.MAX_VALUE);
                c.present().writeIntLE((int) v);
            }
            case INT64 -> c.present().writeLongLE(v);
            default -> throw wrong(column, t, "an integer was given");
        }
    }

    @Override
    public void setDouble(int column, double v) {
        NativeColumn c = column(column);
        ColumnType t = c.type();
        switch (t.kind()) {
            case FLOAT64 -> c.present().writeLongLE(Double.doubleToRawLongBits(v));
            case FLOAT32 -> c.present().writeIntLE(Float.floatToRawIntBits((float) v));
            default -> throw wrong(column, t, "a floating-point number was given");
        }
    }

    @Override
    public void setTime(int column, long epochMillis) {
        NativeColumn c = column(column);
        ColumnType t = c.type();
        switch (t.kind()) {
            case DATETIME -> {
                long seconds = Math.floorDiv(epochMillis, 1000L);
                check(column, t, seconds, 0, 0xFFFF_FFFFL);
                c.present().writeIntLE((int) seconds);
            }
            case DATETIME64 -> {
                int p = t.precision();
                long ticks = p >= 3
                        ? Math.multiplyExact(epochMillis, POW10[p - 3])
                        : Math.floorDiv(epochMillis, POW10[3 - p]);
                c.present().writeLongLE(ticks);
            }
            default -> throw wrong(column, t, "a time was given");
        }
    }

    @Override
    public void setDate(int column, long epochDay) {
        NativeColumn c = column(column);
        ColumnType t = c.type();
        switch (t.kind()) {
            case DATE -> {
                check(column, t, epochDay, 0, 0xFFFF);
                c.present().writeShortLE((int) epochDay);
            }
            case DATE32 -> {
                check(column, t, epochDay, Integer.MIN_VALUE, Integer.MAX_VALUE);
                c.present().writeIntLE((int) epochDay);
            }
            default -> throw wrong(column, t, "a date was given");
        }
    }

    @Override
    public void setNull(int column) {
        nullValue(column, column(column));
    }

    private NativeColumn column(int column) {
        if (column != next + 1) {
            throw new IllegalArgumentException(table + ": column " + column + " set where column " + (next + 1)
                    + " was expected (set each column once, in order)");
        }
        next = column;
        NativeColumn c = data[column - 1];
        c.mark();
        return c;
    }

    private void nullValue(int column, NativeColumn c) {
        if (!c.type().nullable()) {
            throw wrong(column, c.type(), "NULL was given");
        }
        c.addNull();
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

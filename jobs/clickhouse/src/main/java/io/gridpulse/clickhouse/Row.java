package io.gridpulse.clickhouse;

/**
 * One row being written, column by column in the table spec's order (1-based, like JDBC
 * parameters). The setters are typed so that no value is rendered as text: a time is epoch
 * milliseconds, a date an epoch day. A value the column's ClickHouse type cannot hold (a String
 * for a UInt64, a negative number for a UInt, a NULL for a column that is not Nullable) throws
 * {@link IllegalArgumentException} naming the column: that is a bug in a binder, never input.
 */
public interface Row {

    void setString(int column, String value);

    void setLong(int column, long value);

    default void setInt(int column, int value) {
        setLong(column, value);
    }

    void setDouble(int column, double value);

    default void setFloat(int column, float value) {
        setDouble(column, value);
    }

    default void setBoolean(int column, boolean value) {
        setLong(column, value ? 1 : 0);
    }

    /** An instant, for DateTime (whole seconds, rounded down) and DateTime64 columns. */
    void setTime(int column, long epochMillis);

    /** A calendar day, for Date and Date32 columns. */
    void setDate(int column, long epochDay);

    /** NULL, for Nullable columns. */
    void setNull(int column);

    /** A Nullable Float32/Float64 column: NULL when {@code value} is. */
    default void setNullableDouble(int column, Number value) {
        if (value == null) {
            setNull(column);
        } else {
            setDouble(column, value.doubleValue());
        }
    }

    /** A Nullable DateTime/DateTime64 column: NULL when {@code epochMillis} is. */
    default void setNullableTime(int column, Long epochMillis) {
        if (epochMillis == null) {
            setNull(column);
        } else {
            setTime(column, epochMillis);
        }
    }
}

package io.gridpulse.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A query result: column names and rows of JSON values in column order. Immutable once built. */
public record Table(List<String> columns, List<List<JsonNode>> rows) {

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public int column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("the result has no column '" + name + "' (it has " + columns + ")");
        }
        return i;
    }

    public int size() {
        return rows.size();
    }

    /** One row by index, read by column name. */
    public Row row(int i) {
        return new Row(this, rows.get(i));
    }

    public List<Row> all() {
        List<Row> out = new ArrayList<>(rows.size());
        for (List<JsonNode> r : rows) {
            out.add(new Row(this, r));
        }
        return out;
    }

    /** A row read by column name. */
    public record Row(Table table, List<JsonNode> values) {
        public JsonNode get(String column) {
            return values.get(table.column(column));
        }

        public String text(String column) {
            JsonNode n = get(column);
            return n == null || n.isNull() ? "" : n.asText();
        }

        public long count(String column) {
            JsonNode n = get(column);
            if (n == null || n.isNull()) {
                return 0;
            }
            if (!n.canConvertToLong() && !n.isTextual()) {
                throw new IllegalStateException(column + " is not a count: " + n);
            }
            return n.isTextual() ? Long.parseLong(n.asText()) : n.asLong();
        }

        public double number(String column) {
            JsonNode n = get(column);
            return n == null || n.isNull() ? Double.NaN : n.asDouble();
        }
    }
}

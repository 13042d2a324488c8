package io.gridpulse.clickhouse;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ClickHouse column type as far as the Native encoding needs it ({@link NativeBlock}): the base
 * kind, whether it is Nullable or LowCardinality (of String only), the DateTime64 precision and
 * an Enum's names. Parsed from {@code system.columns.type}; {@link #name()} is that text, which
 * the block's header repeats.
 */
record ColumnType(
        String name,
        Kind kind,
        boolean nullable,
        boolean lowCardinality,
        int precision,
        Map<String, Integer> enumValues) {

    enum Kind {
        STRING,
        BOOL,
        UINT8,
        UINT16,
        UINT32,
        UINT64,
        INT8,
        INT16,
        INT32,
        INT64,
        FLOAT32,
        FLOAT64,
        DATE,
        DATE32,
        DATETIME,
        DATETIME64,
        ENUM8,
        ENUM16
    }

    private static final Pattern WRAPPER = Pattern.compile("(LowCardinality|Nullable)\\((.*)\\)");
    private static final Pattern DATETIME64 = Pattern.compile("DateTime64\\((\\d+)(\\s*,.*)?\\)");
    private static final Pattern ENUM = Pattern.compile("(Enum8|Enum16)\\((.*)\\)");
    private static final Pattern ENUM_ENTRY = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'\\s*=\\s*(-?\\d+)");

    /** @throws IllegalArgumentException for a type gridpulse does not write */
    static ColumnType parse(String name) {
        String t = name.trim();
        boolean nullable = false;
        boolean lowCardinality = false;
        for (Matcher m = WRAPPER.matcher(t); m.matches(); m = WRAPPER.matcher(t)) {
            nullable |= m.group(1).equals("Nullable");
            lowCardinality |= m.group(1).equals("LowCardinality");
            t = m.group(2).trim();
        }
        if (lowCardinality && !t.equals("String")) {
            throw new IllegalArgumentException("gridpulse does not write columns of type " + name);
        }
        Matcher dt64 = DATETIME64.matcher(t);
        if (dt64.matches()) {
            return new ColumnType(name, Kind.DATETIME64, nullable, false, Integer.parseInt(dt64.group(1)), Map.of());
        }
        Matcher en = ENUM.matcher(t);
        if (en.matches()) {
            Map<String, Integer> values = new HashMap<>();
            Matcher e = ENUM_ENTRY.matcher(en.group(2));
            while (e.find()) {
                values.put(e.group(1).replace("\\'", "'").replace("\\\\", "\\"), Integer.parseInt(e.group(2)));
            }
            Kind k = en.group(1).equals("Enum8") ? Kind.ENUM8 : Kind.ENUM16;
            return new ColumnType(name, k, nullable, false, 0, Map.copyOf(values));
        }
        String base = t.startsWith("DateTime(") ? "DateTime" : t;
        Kind kind =
                switch (base) {
                    case "String" -> Kind.STRING;
                    case "Bool" -> Kind.BOOL;
                    case "UInt8" -> Kind.UINT8;
                    case "UInt16" -> Kind.UINT16;
                    case "UInt32" -> Kind.UINT32;
                    case "UInt64" -> Kind.UINT64;
                    case "Int8" -> Kind.INT8;
                    case "Int16" -> Kind.INT16;
                    case "Int32" -> Kind.INT32;
                    case "Int64" -> Kind.INT64;
                    case "Float32" -> Kind.FLOAT32;
                    case "Float64" -> Kind.FLOAT64;
                    case "Date" -> Kind.DATE;
                    case "Date32" -> Kind.DATE32;
                    case "DateTime" -> Kind.DATETIME;
                    default -> throw new IllegalArgumentException("gridpulse does not write columns of type " + name);
                };
        return new ColumnType(name, kind, nullable, lowCardinality, 0, Map.of());
    }
}

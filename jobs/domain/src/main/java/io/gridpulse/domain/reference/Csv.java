package io.gridpulse.domain.reference;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The small CSV reader of every reference file: RFC 4180 (fields in double quotes may hold
 * commas, line breaks and doubled quotes {@code ""}; Chinese names often contain commas), UTF-8
 * with an optional byte-order mark, lines ending in LF or CRLF, blank lines (empty or only spaces
 * and tabs) skipped. Fields are kept as written; {@link Table} strips surrounding whitespace
 * from unquoted and quoted values alike when a loader reads them. Stateless and thread-safe.
 */
public final class Csv {

    private Csv() {}

    /** One record of the file; {@code line} is the 1-based line it starts on. */
    public record Row(int line, List<String> fields) {}

    /** All records, the header included, or a {@link ReferenceDataException} naming the line. */
    public static List<Row> read(byte[] data, String source) {
        String text = decode(data, source);
        List<Row> rows = new ArrayList<>();
        int n = text.length();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        while (i < n) {
            int lineEnd = i;
            while (lineEnd < n && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            if (text.substring(i, lineEnd).isBlank()) {
                i = skipLineBreak(text, lineEnd);
                line++;
                continue;
            }
            int startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean endOfRecord = false;
            while (!endOfRecord) {
                if (i < n && text.charAt(i) == '"') {
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new ReferenceDataException(source, startLine, "a quoted field is never closed");
                        }
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                field.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        if (c == '\n' || (c == '\r' && !(i + 1 < n && text.charAt(i + 1) == '\n'))) {
                            line++;
                        }
                        field.append(c);
                        i++;
                    }
                    if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        throw new ReferenceDataException(
                                source, line, "unexpected '" + text.charAt(i) + "' after a closing quote");
                    }
                } else {
                    while (i < n) {
                        char c = text.charAt(i);
                        if (c == ',' || c == '\n' || c == '\r') {
                            break;
                        }
                        if (c == '"') {
                            throw new ReferenceDataException(
                                    source, line, "a quote inside an unquoted field; quote the whole field");
                        }
                        field.append(c);
                        i++;
                    }
                }
                fields.add(field.toString());
                field.setLength(0);
                if (i < n && text.charAt(i) == ',') {
                    i++;
                } else {
                    endOfRecord = true;
                    i = skipLineBreak(text, i);
                    line++;
                }
            }
            rows.add(new Row(startLine, List.copyOf(fields)));
        }
        return rows;
    }

    private static int skipLineBreak(String text, int i) {
        if (i < text.length() && text.charAt(i) == '\r') {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '\n') {
            i++;
        }
        return i;
    }

    private static String decode(byte[] data, String source) {
        if (data == null) {
            throw new ReferenceDataException(source, 0, "no data");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(data);
        try {
            CharBuffer chars = decoder.decode(in);
            return chars.toString();
        } catch (MalformedInputException e) {
            int line = 1;
            for (int k = 0; k < in.position() && k < data.length; k++) {
                if (data[k] == '\n') {
                    line++;
                }
            }
            throw new ReferenceDataException(source, line, "not valid UTF-8 (byte offset " + in.position() + ")");
        } catch (CharacterCodingException e) {
            throw new ReferenceDataException(source, 0, "not valid UTF-8: " + e.getMessage());
        }
    }

    /**
     * A CSV file with a header: the required columns must be present, optional ones may be, any
     * other column is an error (a misspelt column would otherwise be silently ignored). Column
     * order is free. Every row must have as many fields as the header.
     */
    public static final class Table {

        private final String source;
        private final Map<String, Integer> columns;
        private final List<Row> rows;

        private Table(String source, Map<String, Integer> columns, List<Row> rows) {
            this.source = source;
            this.columns = columns;
            this.rows = rows;
        }

        public static Table read(byte[] data, String source, List<String> required, List<String> optional) {
            List<Row> all = Csv.read(data, source);
            if (all.isEmpty()) {
                throw new ReferenceDataException(
                        source, 0, "empty file: expected a header " + String.join(",", required));
            }
            Row header = all.get(0);
            Map<String, Integer> columns = new HashMap<>();
            Set<String> known = new LinkedHashSet<>(required);
            known.addAll(optional);
            for (int k = 0; k < header.fields().size(); k++) {
                String name = header.fields().get(k).strip();
                if (!known.contains(name)) {
                    throw new ReferenceDataException(
                            source,
                            header.line(),
                            "unknown column '" + name + "' (expected " + String.join(",", known) + ")");
                }
                if (columns.put(name, k) != null) {
                    throw new ReferenceDataException(source, header.line(), "column '" + name + "' appears twice");
                }
            }
            for (String name : required) {
                if (!columns.containsKey(name)) {
                    throw new ReferenceDataException(source, header.line(), "missing column '" + name + "'");
                }
            }
            List<Row> data2 = all.subList(1, all.size());
            for (Row row : data2) {
                if (row.fields().size() != header.fields().size()) {
                    throw new ReferenceDataException(
                            source,
                            row.line(),
                            "expected " + header.fields().size() + " fields, got "
                                    + row.fields().size());
                }
            }
            return new Table(source, Map.copyOf(columns), List.copyOf(data2));
        }

        public List<Row> rows() {
            return rows;
        }

        /** The stripped value, or the empty string when the column is absent from this file. */
        public String text(Row row, String column) {
            Integer k = columns.get(column);
            return k == null ? "" : row.fields().get(k).strip();
        }

        /** The stripped value, or null when empty or absent. */
        public String optional(Row row, String column) {
            String v = text(row, column);
            return v.isEmpty() ? null : v;
        }

        /** The stripped value; an error naming the line when it is empty. */
        public String required(Row row, String column) {
            String v = text(row, column);
            if (v.isEmpty()) {
                throw fail(row, "column '" + column + "' is empty");
            }
            return v;
        }

        public double number(Row row, String column) {
            String v = required(row, column);
            try {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d) || !v.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
                    throw fail(row, "column '" + column + "' must be a finite decimal number, got '" + v + "'");
                }
                return d;
            } catch (NumberFormatException e) {
                throw fail(row, "column '" + column + "' must be a number, got '" + v + "'");
            }
        }

        public int integer(Row row, String column) {
            String v = required(row, column);
            if (!v.matches("-?[0-9]{1,9}")) {
                throw fail(row, "column '" + column + "' must be an integer, got '" + v + "'");
            }
            return Integer.parseInt(v);
        }

        public ReferenceDataException fail(Row row, String problem) {
            return new ReferenceDataException(source, row.line(), problem);
        }
    }
}

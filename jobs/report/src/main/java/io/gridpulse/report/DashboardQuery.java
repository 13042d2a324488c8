package io.gridpulse.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One dashboard question, read from {@code sql/dashboards/NAME.sql}: a comment header that
 * documents it (title, question, {@code @param} lines, example output) and one SELECT with
 * ClickHouse query parameters {@code {name:Type}}. {@link #bind} validates raw values (from a
 * URL or a command line) against the declared parameters, so that only whitelisted names with
 * well-formed values ever reach ClickHouse, where they are bound server-side. Immutable.
 *
 * <p>Header grammar: {@code -- title: ...}, {@code -- @param name Type: description} or {@code
 * -- @param name String [a|b|c]: description} (a closed list of values).
 */
public record DashboardQuery(String name, String title, String sql, List<Param> params) {

    /** Types a dashboard parameter may have. */
    public enum ParamType {
        /** A date; {@code 2026-10} is read as the first day of that month. */
        Date,
        UInt32,
        /** Free text restricted to codes and names (letters, digits, CJK, {@code _-.}); or a closed list. */
        String
    }

    /** A declared parameter. {@code choices} empty means any value of its type. */
    public record Param(String name, ParamType type, List<String> choices, String description) {}

    private static final Pattern PARAM_LINE =
            Pattern.compile("^--\\s*@param\\s+(\\w+)\\s+(\\w+)(?:\\s+\\[([^\\]]*)\\])?\\s*:\\s*(.*)$");
    private static final Pattern TITLE_LINE = Pattern.compile("^--\\s*title:\\s*(.*)$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+):([A-Za-z0-9()]+)\\}");
    private static final Pattern SAFE_TEXT = Pattern.compile("[\\p{L}\\p{N}_\\-. ]{0,100}");
    private static final long MAX_UINT = 1_000_000L;

    public DashboardQuery {
        params = List.copyOf(params);
    }

    /** Parses a file's text; fails naming the file when header and placeholders disagree. */
    public static DashboardQuery parse(String name, String text) {
        String title = name;
        List<Param> params = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            Matcher t = TITLE_LINE.matcher(l);
            if (t.matches()) {
                title = t.group(1).strip();
            }
            Matcher m = PARAM_LINE.matcher(l);
            if (m.matches()) {
                ParamType type;
                try {
                    type = ParamType.valueOf(m.group(2));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(name + ".sql: unsupported parameter type " + m.group(2));
                }
                List<String> choices = m.group(3) == null
                        ? List.of()
                        : List.of(m.group(3).strip().split("\\s*\\|\\s*"));
                params.add(new Param(m.group(1), type, choices, m.group(4).strip()));
            }
        }
        Map<String, String> used = new LinkedHashMap<>();
        Matcher p = PLACEHOLDER.matcher(stripComments(text));
        while (p.find()) {
            String prev = used.put(p.group(1), p.group(2));
            if (prev != null && !prev.equals(p.group(2))) {
                throw new IllegalStateException(name + ".sql: {" + p.group(1) + "} used with two types");
            }
        }
        Set<String> declared = new TreeSet<>();
        for (Param d : params) {
            declared.add(d.name());
            if (!d.type().name().equals(used.get(d.name()))) {
                throw new IllegalStateException(name + ".sql: @param " + d.name() + " " + d.type()
                        + " but the query uses {" + d.name() + ":" + used.get(d.name()) + "}");
            }
        }
        if (!declared.equals(new TreeSet<>(used.keySet()))) {
            throw new IllegalStateException(
                    name + ".sql: declared parameters " + declared + " differ from those used " + used.keySet());
        }
        return new DashboardQuery(name, title, text, params);
    }

    /**
     * Checks raw values against the declared parameters: every declared one present, no other
     * name, each value well-formed. Returns the values to bind (dates normalised to ISO days).
     *
     * @throws IllegalArgumentException naming the offending parameter
     */
    public Map<String, String> bind(Map<String, String> raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : raw.keySet()) {
            if (params.stream().noneMatch(p -> p.name().equals(k))) {
                throw new IllegalArgumentException(
                        name + ": unknown parameter '" + k + "' (known: " + paramNames() + ")");
            }
        }
        for (Param p : params) {
            String v = raw.get(p.name());
            if (v == null) {
                throw new IllegalArgumentException(
                        name + ": missing parameter '" + p.name() + "' (" + p.description() + ")");
            }
            out.put(p.name(), check(p, v.strip()));
        }
        return out;
    }

    private String check(Param p, String v) {
        if (!p.choices().isEmpty()) {
            if (!p.choices().contains(v)) {
                throw new IllegalArgumentException(
                        name + ": " + p.name() + " must be one of " + p.choices() + ", not '" + v + "'");
            }
            return v;
        }
        switch (p.type()) {
            case Date -> {
                return parseDate(p.name(), v).toString();
            }
            case UInt32 -> {
                long n;
                try {
                    n = Long.parseLong(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            name + ": " + p.name() + " must be a whole number, not '" + v + "'");
                }
                if (n < 0 || n > MAX_UINT) {
                    throw new IllegalArgumentException(
                            name + ": " + p.name() + " must be 0.." + MAX_UINT + ", not " + n);
                }
                return Long.toString(n);
            }
            default -> {
                if (!SAFE_TEXT.matcher(v).matches()) {
                    throw new IllegalArgumentException(
                            name + ": " + p.name() + " holds characters a code or name cannot");
                }
                return v;
            }
        }
    }

    /** {@code 2026-10-08}, or {@code 2026-10} for the first day of that month. */
    public static LocalDate parseDate(String what, String v) {
        try {
            if (v.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(v).atDay(1);
            }
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    what + " must be a date like 2026-10-08 or a month like 2026-10, not '" + v + "'");
        }
    }

    public List<String> paramNames() {
        return params.stream().map(Param::name).toList();
    }

    private static String stripComments(String text) {
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.stripLeading().startsWith("--")) {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }

    /** The query without its comment header, as sent to ClickHouse. */
    public String body() {
        return stripComments(sql).strip();
    }
}

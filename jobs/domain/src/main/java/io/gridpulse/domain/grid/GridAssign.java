package io.gridpulse.domain.grid;

import io.gridpulse.domain.geo.Crs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Re-geocodes points (历史数据重新落格): reads CSV {@code id,lon,lat} with that header, in a given
 * coordinate system, and writes {@code id,grid_code} (grid code {@code ""} for a point in no grid).
 * Blank lines are skipped; a line that cannot be read (wrong number of fields, coordinates that are
 * not finite numbers in range, an unterminated quote) is reported to the error callback with its
 * line number and written nowhere else, never dropped silently. Fields may be quoted the RFC 4180
 * way. Stateless and thread-safe.
 */
public final class GridAssign {

    /** What a run did. */
    public record Result(long assigned, long outside, long rejected) {}

    private GridAssign() {}

    /**
     * @param errors receives one message per bad line, e.g. {@code line 7: lat "91" is out of range}
     * @throws IllegalArgumentException when the header is not {@code id,lon,lat}
     */
    public static Result assign(Reader points, Crs crs, GridIndex index, Writer out, Consumer<String> errors)
            throws IOException {
        BufferedReader in = points instanceof BufferedReader b ? b : new BufferedReader(points);
        String header = in.readLine();
        int lineNo = 1;
        while (header != null && header.isBlank()) {
            header = in.readLine();
            lineNo++;
        }
        if (header == null) {
            throw new IllegalArgumentException("points CSV is empty: expected the header id,lon,lat");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (!header.strip().equals("id,lon,lat")) {
            throw new IllegalArgumentException("points CSV header must be id,lon,lat, got: " + header);
        }
        out.write("id,grid_code\n");
        long assigned = 0;
        long outside = 0;
        long rejected = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                List<String> fields = split(line);
                if (fields.size() != 3) {
                    throw new IllegalArgumentException("expected 3 fields id,lon,lat, got " + fields.size());
                }
                String id = fields.get(0);
                if (id.isEmpty()) {
                    throw new IllegalArgumentException("id is empty");
                }
                double lon = number("lon", fields.get(1), 180);
                double lat = number("lat", fields.get(2), 90);
                String code = index.locate(crs, lon, lat);
                out.write(quote(id));
                out.write(',');
                out.write(quote(code));
                out.write('\n');
                assigned++;
                if (code.isEmpty()) {
                    outside++;
                }
            } catch (IllegalArgumentException e) {
                rejected++;
                errors.accept("line " + lineNo + ": " + e.getMessage());
            }
        }
        out.flush();
        return new Result(assigned, outside, rejected);
    }

    private static double number(String name, String text, double limit) {
        double v;
        try {
            v = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " \"" + text + "\" is not a number");
        }
        if (!Double.isFinite(v) || Math.abs(v) > limit) {
            throw new IllegalArgumentException(name + " \"" + text + "\" is out of range");
        }
        return v;
    }

    static List<String> split(String line) {
        List<String> fields = new ArrayList<>(3);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote");
        }
        fields.add(field.toString());
        return fields;
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}

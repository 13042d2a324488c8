package io.gridpulse.clickhouse;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs one query and prints tab-separated values with a header line, escaping tabs, newlines and
 * backslashes inside values the way ClickHouse's TSV does. NULL prints as {@code \N}.
 */
public final class QueryRunner {

    private QueryRunner() {}

    /** Returns the number of rows printed. */
    public static long printTsv(ClickHouseSettings settings, String query, PrintStream out) throws SQLException {
        try (Connection c = ClickHouseConnections.open(settings);
                Statement st = c.createStatement()) {
            boolean hasResult = st.execute(query);
            if (!hasResult) {
                return 0;
            }
            try (ResultSet rs = st.getResultSet()) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    if (i > 1) {
                        line.append('\t');
                    }
                    line.append(escape(md.getColumnLabel(i)));
                }
                out.println(line);
                long rows = 0;
                while (rs.next()) {
                    line.setLength(0);
                    for (int i = 1; i <= n; i++) {
                        if (i > 1) {
                            line.append('\t');
                        }
                        String v = rs.getString(i);
                        line.append(v == null ? "\\N" : escape(v));
                    }
                    out.println(line);
                    rows++;
                }
                out.flush();
                return rows;
            }
        }
    }

    static String escape(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\\' -> b.append("\\\\");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}

package io.gridpulse.cli;

import io.gridpulse.flink.Args;
import io.gridpulse.report.BulletinWriter;
import io.gridpulse.report.ClickHouseHttp;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * {@code ./gridpulse bulletin --month YYYY-MM [--as-of T] [--out DIR] [--issuer NAME]}: the
 * month's bulletin (月度考核通报) as HTML and PDF; prints the files written.
 */
final class BulletinCommand {

    static final String DEFAULT_ISSUER = "数字化城市管理监督指挥中心";

    private BulletinCommand() {}

    static int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(argv, Set.of("month", "as-of", "out", "issuer"), Set.of());
        if (a.get("month") == null) {
            throw new IllegalArgumentException(
                    "usage: gridpulse bulletin --month YYYY-MM [--as-of T] [--out DIR] [--issuer NAME]");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(a.get("month"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--month must look like 2026-10, got " + a.get("month"));
        }
        OffsetDateTime asOf = null;
        if (a.get("as-of") != null) {
            try {
                asOf = OffsetDateTime.parse(a.get("as-of"));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "--as-of must be ISO-8601 with an offset, like 2026-10-31T18:00:00+08:00; got "
                                + a.get("as-of"));
            }
        }
        Path dir = Path.of(a.get("out", "bulletins"));
        ClickHouseHttp ch = new ClickHouseHttp(Connections.clickHouse(Connections.endpoints(false, err)));
        BulletinWriter.Written w = BulletinWriter.write(ch, month, asOf, a.get("issuer", DEFAULT_ISSUER), dir);
        err.println("gridpulse: bulletin for " + month + " as of " + w.asOf());
        out.println(w.html());
        out.println(w.pdf());
        return 0;
    }
}

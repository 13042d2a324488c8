package io.gridpulse.cli;

import io.gridpulse.clickhouse.ClickHouseConnections;
import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.demo.DemoCity;
import io.gridpulse.demo.DemoOptions;
import io.gridpulse.demo.city.WorkCalendar;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.flink.Args;
import io.gridpulse.stack.Endpoints;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Set;

/**
 * {@code ./gridpulse bench cases}: a year of a Fuzhou-sized city (by default 100,000 cases a
 * month, 1.2 million cases, about 7.4 million lines) through `process`. The year is the twelve
 * complete months before the current one (by default), so no event lies ahead of the wall clock, into a database of its
 * own ({@code gridpulse_bench}). The feed is generated once, month by month with the demo city's
 * generator (its noise included: redeliveries, disorder, bad lines), and cached under
 * {@code .gridpulse/bench/}. Prints case events per second and the JVM's peak resident memory
 * (the publisher, Flink and the sinks all run in this one JVM). A benchmark, not a test.
 */
final class CasesBench {

    /** The demo city's time zone: its months begin at midnight in China. */
    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");

    private CasesBench() {}

    static int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(argv, Set.of("cases-per-month", "months", "parallelism"), Set.of());
        int perMonth = Integer.parseInt(a.get("cases-per-month", "100000"));
        int months = Integer.parseInt(a.get("months", "12"));
        int parallelism = Integer.parseInt(a.get("parallelism", "2"));
        if (months < 1 || months > 12 || perMonth < 1) {
            throw new IllegalArgumentException("--months must be 1..12 and --cases-per-month positive");
        }
        YearMonth first = firstMonth(YearMonth.now(CST), months);
        Path dir = feed(first, perMonth, months, err);
        Path cases = dir.resolve("cases.jsonl");
        Endpoints endpoints = Connections.endpoints(true, err);
        ClickHouseSettings ch = Connections.clickHouse(endpoints).withDatabase("gridpulse_bench");
        ProcessOptions options = new ProcessOptions(
                cases, null, null, DemoCityFiles.reference(dir.resolve("city")), null, false, parallelism);
        // a fresh database of its own; the topics are left alone (a bounded run reads only its offsets)
        try (Connection c = ClickHouseConnections.open(ch.withDatabase("default"));
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + ch.database() + " SYNC");
        }
        String loadBefore = load();
        long t0 = System.nanoTime();
        RunReport report = ProcessCommand.process(options, endpoints, ch, err);
        double total = (System.nanoTime() - t0) / 1e9;
        double job = report.result().elapsed().toMillis() / 1e3;
        long lines = report.published().get(Feed.CASES).lines();
        long valid = report.result().feeds().get(Feed.CASES).valid();
        out.printf(
                "bench cases: %,d months (%s to %s) x %,d cases, %,d lines (%,d distinct valid events), parallelism %d%n",
                months, first, first.plusMonths(months - 1L), perMonth, lines, valid, parallelism);
        out.printf("  process total %.1f s (publish %.1f s, jobs %.1f s)%n", total, total - job, job);
        out.printf(
                "  case events per second: %,.0f over the whole process, %,.0f in the jobs%n",
                lines / total, lines / job);
        out.printf(
                "  CPU time of this JVM (publisher, Flink, sinks) %.1f s: less sensitive to the machine's other load%n",
                ProcessCpu.seconds());
        out.printf(
                "  peak resident memory (VmHWM) %s, heap max %,d MB%n",
                procStatus("VmHWM"), Runtime.getRuntime().maxMemory() >> 20);
        out.printf(
                "  rows: case_facts %,d, dispatch_facts %,d (FINAL)%n",
                count(ch, "case_facts"), count(ch, "dispatch_facts"));
        out.printf(
                "  machine: %d cores, load average before %s, after %s%n",
                Runtime.getRuntime().availableProcessors(), loadBefore, load());
        if (months == 12) {
            out.printf("  target (the year under 5 minutes): %s%n", total < 300 ? "met" : "NOT met");
        }
        return 0;
    }

    /**
     * The first of the {@code months} complete months before {@code current}: the feed must end
     * before the wall clock, or its last days are FUTURE_TIME rejects (more than a day ahead).
     *
     * @throws IllegalArgumentException when the demo calendar does not list the holidays of a
     *     year the months touch (its deadlines would be computed on plain weeks)
     */
    static YearMonth firstMonth(YearMonth current, int months) {
        YearMonth first = current.minusMonths(months);
        YearMonth last = current.minusMonths(1);
        for (int y = first.getYear(); y <= last.getYear(); y++) {
            if (!WorkCalendar.covers(y)) {
                throw new IllegalArgumentException("the demo calendar lists holidays for " + WorkCalendar.FIRST_YEAR
                        + "-" + WorkCalendar.LAST_YEAR + " only; the benchmark's months " + first + " to " + last
                        + " need " + y + " (add it to io.gridpulse.demo.city.WorkCalendar)");
            }
        }
        return first;
    }

    /**
     * The cached months of case events (and the city's reference files), generated on first use.
     * The folder is named by its first month, so a cache of other months is never reused.
     */
    static Path feed(YearMonth first, int perMonth, int months, PrintStream err) throws IOException {
        Path dir = ProjectHome.dir().resolve("bench").resolve("cases-" + first + "-" + months + "x" + perMonth);
        if (Files.isRegularFile(dir.resolve("cases.jsonl"))) {
            return dir;
        }
        Path tmp = dir.resolveSibling(dir.getFileName() + ".partial");
        ProjectHome.deleteTree(tmp);
        Files.createDirectories(tmp);
        long t0 = System.nanoTime();
        try (OutputStream year = Files.newOutputStream(tmp.resolve("cases.jsonl.partial"))) {
            for (int m = 1; m <= months; m++) {
                Path month = tmp.resolve(m == 1 ? "city" : "month");
                DemoOptions o = DemoOptions.builder()
                        .month(first.plusMonths(m - 1L))
                        .cases(perMonth)
                        .vehicles(0)
                        .sensors(0)
                        .oversizedLine(false)
                        .build();
                DemoCity.generate(o, month);
                Files.copy(month.resolve("cases.jsonl"), year);
                if (m > 1) {
                    ProjectHome.deleteTree(month);
                }
                err.printf(
                        "gridpulse: bench feed: month %d of %d generated (%.0f s)%n",
                        m, months, (System.nanoTime() - t0) / 1e9);
            }
        }
        Files.move(tmp.resolve("cases.jsonl.partial"), tmp.resolve("cases.jsonl"));
        Files.deleteIfExists(tmp.resolve("city").resolve("cases.jsonl"));
        ProjectHome.deleteTree(dir);
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        return dir;
    }

    private static long count(ClickHouseSettings ch, String table) throws Exception {
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count() FROM " + ch.database() + "." + table + " FINAL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String procStatus(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1).trim();
            }
        }
        return "unknown";
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}

package io.gridpulse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The contract's indicators computed the simplest way, straight from contracts.md, for the
 * indicator test to compare the views with: a plain loop over the feed's lines, with its own tiny
 * working calendar and dispatch rules and none of the production classes. Rows are keyed by their
 * view's key columns joined with '|'; values are the count columns in the view's order.
 */
final class IndicatorOracle {

    static final List<String> TYPE_ORDER = List.of(
            "REPORTED",
            "VERIFIED",
            "REGISTERED",
            "DISPATCHED",
            "DISPOSED",
            "CHECKED",
            "REWORK",
            "RETURNED",
            "POSTPONED",
            "SUPERVISED",
            "SUSPENDED",
            "RESUMED",
            "CLOSED",
            "CANCELLED");

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private record Ev(String id, String caseId, String type, long time, JsonNode n) {}

    /** One dispatch, as the contract defines it. */
    private static final class Dispatch {
        String dept;
        long start;
        Long end;
        String endReason;
        Long deadline;
        boolean suspended;
        long suspendedAt;
        boolean disposed;
        boolean everDisposed;
        Long deadlineAtDisposal;
        long disposedAt;
        int reworks;
        int postponements;
    }

    final Map<String, long[]> dept = new TreeMap<>();
    final Map<String, long[]> centre = new TreeMap<>();
    final Map<String, long[]> source = new TreeMap<>();
    final Map<String, long[]> grid = new TreeMap<>();
    /** month|inspector: reports, verifications, verified on time, checks, checked on time. */
    final Map<String, long[]> inspector = new TreeMap<>();

    private final Map<String, String> limits = new LinkedHashMap<>();
    private final Calendar calendar;

    IndicatorOracle(Path city) throws IOException {
        List<String> catalog = Files.readAllLines(city.resolve("catalog.csv"));
        for (String l : catalog.subList(1, catalog.size())) {
            String[] f = l.split(",", -1);
            limits.put(f[0], f[5]);
        }
        calendar = new Calendar(
                new ObjectMapper().readTree(city.resolve("calendar.json").toFile()));
    }

    /** Computes every view from the delivered lines, as of {@code asOf}. */
    IndicatorOracle compute(List<String> lines, Map<String, String> gridOfReport, long asOf) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Ev> distinct = new LinkedHashMap<>();
        for (String l : lines) {
            JsonNode n = json.readTree(l);
            String id = n.get("eventId").asText();
            long t = OffsetDateTime.parse(n.get("time").asText()).toInstant().toEpochMilli();
            distinct.putIfAbsent(
                    id, new Ev(id, n.get("caseId").asText(), n.get("type").asText(), t, n));
        }
        Map<String, List<Ev>> byCase = new TreeMap<>();
        for (Ev e : distinct.values()) {
            if (e.time() <= asOf) {
                byCase.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e);
            }
        }
        Comparator<Ev> order = Comparator.comparingLong(Ev::time)
                .thenComparingInt(e -> TYPE_ORDER.indexOf(e.type()))
                .thenComparing(Ev::id);
        for (List<Ev> events : byCase.values()) {
            events.sort(order);
            replay(events, gridOfReport, asOf);
        }
        return this;
    }

    private void replay(List<Ev> events, Map<String, String> gridOfReport, long asOf) {
        Ev report = null;
        for (Ev e : events) {
            if (e.type().equals("REPORTED")) {
                report = e;
                break;
            }
        }
        List<Dispatch> dispatches = new ArrayList<>();
        Dispatch open = null;
        Set<String> seen = new HashSet<>();
        for (Ev e : events) {
            long t = e.time();
            seen.add(e.type());
            switch (e.type()) {
                case "DISPATCHED" -> {
                    end(open, t, "REDISPATCHED");
                    open = new Dispatch();
                    open.dept = e.n().get("department").asText();
                    open.start = t;
                    if (e.n().has("deadline")) {
                        open.deadline = time(e.n().get("deadline"));
                    } else if (report != null) {
                        open.deadline = calendar.deadline(
                                t, limits.get(report.n().get("categoryCode").asText()));
                    }
                    dispatches.add(open);
                }
                case "RETURNED" -> {
                    if (open != null
                            && open.dept.equals(e.n().path("department").asText())) {
                        end(open, t, "RETURNED");
                        open = null;
                    }
                }
                case "CLOSED", "CANCELLED" -> {
                    end(open, t, e.type());
                    open = null;
                }
                case "DISPOSED" -> {
                    if (open != null) {
                        open.disposed = true;
                        open.everDisposed = true;
                        open.disposedAt = t;
                        open.deadlineAtDisposal = open.deadline;
                    }
                }
                case "REWORK" -> {
                    if (open != null) {
                        open.reworks++;
                        open.disposed = false;
                        if (e.n().has("deadline")) {
                            open.deadline = time(e.n().get("deadline"));
                        }
                    }
                }
                case "POSTPONED" -> {
                    if (open != null && !open.disposed) {
                        open.postponements++;
                        open.deadline = time(e.n().get("deadline"));
                    }
                }
                case "SUSPENDED" -> {
                    if (open != null && !open.suspended) {
                        open.suspended = true;
                        open.suspendedAt = t;
                    }
                }
                case "RESUMED" -> {
                    if (open != null && open.suspended) {
                        open.suspended = false;
                        if (open.deadline != null) {
                            open.deadline += t - open.suspendedAt;
                        }
                    }
                }
                default -> {}
            }
        }
        for (Dispatch d : dispatches) {
            boolean suspendedAtAsOf = d.end == null && d.suspended;
            boolean endedBeforeDisposal = d.end != null && !d.everDisposed;
            boolean due = !endedBeforeDisposal && !suspendedAtAsOf;
            boolean overdue = due && !d.disposed && d.end == null && d.deadline != null && d.deadline < asOf;
            boolean onTime = d.disposed && d.deadlineAtDisposal != null && d.disposedAt <= d.deadlineAtDisposal;
            boolean late = d.disposed && d.deadlineAtDisposal != null && d.disposedAt > d.deadlineAtDisposal;
            long[] row = dept.computeIfAbsent(month(d.start) + "|" + d.dept, k -> new long[9]);
            row[0]++;
            row[1] += "RETURNED".equals(d.endReason) ? 1 : 0;
            row[2] += due ? 1 : 0;
            row[3] += due && d.disposed ? 1 : 0;
            row[4] += due && onTime ? 1 : 0;
            row[5] += due && late ? 1 : 0;
            row[6] += overdue ? 1 : 0;
            row[7] += due && d.reworks > 0 ? 1 : 0;
            row[8] += due && d.postponements > 0 ? 1 : 0;
        }
        inspectors(events, report, dispatches);
        if (report == null) {
            return;
        }
        String m = month(report.time());
        long[] c = centre.computeIfAbsent(m, k -> new long[4]);
        boolean registered = seen.contains("REGISTERED");
        c[0]++;
        c[1] += registered ? 1 : 0;
        c[2] += seen.contains("CANCELLED") ? 1 : 0;
        c[3] += registered && seen.contains("CLOSED") ? 1 : 0;
        source.computeIfAbsent(m + "|" + report.n().get("source").asText(), k -> new long[1])[0]++;
        String g = gridOfReport.get(report.id());
        grid.computeIfAbsent(m + "|" + g + "|" + report.n().get("categoryCode").asText(), k -> new long[1])[0]++;
    }

    /** Credits reports, the first verification and the last check (2 h limits, the defaults). */
    private void inspectors(List<Ev> events, Ev report, List<Dispatch> dispatches) {
        String reporter = report == null ? "" : report.n().path("inspectorId").asText("");
        if (!reporter.isEmpty()) {
            inspector.computeIfAbsent(month(report.time()) + "|" + reporter, k -> new long[5])[0]++;
        }
        Ev verified = null;
        Ev checked = null;
        for (Ev e : events) {
            if (e.type().equals("VERIFIED") && verified == null) {
                verified = e;
            }
            if (e.type().equals("CHECKED")) {
                checked = e;
            }
        }
        if (verified != null) {
            String who = verified.n().path("inspectorId").asText("");
            who = who.isEmpty() ? reporter : who;
            if (!who.isEmpty()) {
                long[] r = inspector.computeIfAbsent(month(verified.time()) + "|" + who, k -> new long[5]);
                r[1]++;
                r[2] += report != null && verified.time() - report.time() <= 2 * 3_600_000L ? 1 : 0;
            }
        }
        if (checked != null) {
            String who = checked.n().path("inspectorId").asText("");
            who = who.isEmpty() ? reporter : who;
            Long disposal = null;
            for (Dispatch d : dispatches) {
                if (d.disposed && d.disposedAt <= checked.time() && (disposal == null || d.disposedAt > disposal)) {
                    disposal = d.disposedAt;
                }
            }
            if (!who.isEmpty()) {
                long[] r = inspector.computeIfAbsent(month(checked.time()) + "|" + who, k -> new long[5]);
                r[3]++;
                r[4] += disposal != null && checked.time() - disposal <= 2 * 3_600_000L ? 1 : 0;
            }
        }
    }

    private static void end(Dispatch d, long t, String reason) {
        if (d != null) {
            d.end = t;
            d.endReason = reason;
        }
    }

    private static long time(JsonNode n) {
        return OffsetDateTime.parse(n.asText()).toInstant().toEpochMilli();
    }

    static String month(long t) {
        return Instant.ofEpochMilli(t)
                .atZone(ZONE)
                .toLocalDate()
                .withDayOfMonth(1)
                .toString();
    }

    /** The calendar rules of contracts.md, by brute force over days and periods. */
    static final class Calendar {
        private final Set<LocalDate> holidays = new HashSet<>();
        private final Set<LocalDate> workdays = new HashSet<>();
        private final Set<String> weekend = new HashSet<>();
        private final List<LocalTime[]> periods = new ArrayList<>();
        private long dayMillis;

        Calendar(JsonNode c) {
            c.get("holidays").forEach(d -> holidays.add(LocalDate.parse(d.asText())));
            c.get("workdays").forEach(d -> workdays.add(LocalDate.parse(d.asText())));
            c.get("weekend").forEach(d -> weekend.add(d.asText()));
            for (JsonNode p : c.get("workingHours")) {
                LocalTime a = LocalTime.parse(p.get(0).asText());
                LocalTime b = LocalTime.parse(p.get(1).asText());
                periods.add(new LocalTime[] {a, b});
                dayMillis += (b.toSecondOfDay() - a.toSecondOfDay()) * 1000L;
            }
        }

        boolean working(LocalDate d) {
            return workdays.contains(d)
                    || (!holidays.contains(d)
                            && !weekend.contains(d.getDayOfWeek().name()));
        }

        long deadline(long start, String limit) {
            int n = Integer.parseInt(limit.replaceAll("[a-z]", ""));
            if (limit.endsWith("wh")) {
                return addWorking(start, n * 3_600_000L);
            }
            if (limit.endsWith("wd")) {
                return addWorking(start, n * dayMillis);
            }
            return start + n * 3_600_000L;
        }

        private long addWorking(long start, long millis) {
            long left = millis;
            LocalDate day = Instant.ofEpochMilli(start).atZone(ZONE).toLocalDate();
            for (int i = 0; i < 1000; i++, day = day.plusDays(1)) {
                if (!working(day)) {
                    continue;
                }
                for (LocalTime[] p : periods) {
                    long from =
                            Math.max(day.atTime(p[0]).atZone(ZONE).toInstant().toEpochMilli(), start);
                    long to = day.atTime(p[1]).atZone(ZONE).toInstant().toEpochMilli();
                    if (from >= to) {
                        continue;
                    }
                    if (left <= to - from) {
                        return from + left;
                    }
                    left -= to - from;
                }
            }
            throw new IllegalStateException("no deadline within 1000 days");
        }
    }
}

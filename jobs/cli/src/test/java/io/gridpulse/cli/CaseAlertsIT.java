package io.gridpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.clickhouse.ClickHouseConnections;
import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.domain.alert.spatial.HotspotRule;
import io.gridpulse.domain.alert.spatial.HotspotRules;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.flink.alerts.spatial.SpatialAlertSettings;
import io.gridpulse.stack.Endpoints;
import io.gridpulse.stack.KafkaTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case alerts of issue #4 end to end: `process` on the real broker and ClickHouse server at
 * parallelism 2, over a generated feed (postponements, suspensions, rework after the deadline,
 * returns, supervision, bursts of reports, near-duplicate reports, redelivered lines, all shuffled),
 * compared one by one with a separate simple implementation written here: plain loops over the
 * generated events, its own grid lookup, distance, working-hour calendar and deadline simulation,
 * no production class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseAlertsIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final long MIN = 60_000L;
    private static final long HOUR = 60 * MIN;
    /** Monday 2026-10-12 07:00 in Shanghai; the feed spans four days. */
    private static final long BASE =
            OffsetDateTime.parse("2026-10-12T07:00:00+08:00").toInstant().toEpochMilli();

    private static final double GRID_LON0 = 109.70;
    private static final double GRID_LAT0 = 38.28;
    private static final double GRID_STEP = 0.01;
    private static final int GRID_N = 3;
    /** Category code -> time limit (natural hours "h", working hours "wh"). */
    private static final Map<String, String> LIMITS = new TreeMap<>(Map.of("0101", "2h", "0202", "4wh", "0303", "1h"));

    private static final int K_DEFAULT = 5;
    private static final long W_DEFAULT = 60 * MIN;
    /** 0303 has its own hotspot rule: 3 reports within 20 minutes. */
    private static final int K_0303 = 3;

    private static final long W_0303 = 20 * MIN;
    private static final double D_METERS = 50;
    private static final long T_DUP = 30 * MIN;

    private static final List<String> TYPE_ORDER = List.of(
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

    @TempDir
    static Path dir;

    private ClickHouseSettings ch;
    private final List<Ev> events = new ArrayList<>();
    private final Set<String> expected = new HashSet<>();
    private Map<String, String> stored;
    private Set<String> onTopic;
    private long rowsWithoutFinal;
    private long rowsWithFinal;
    private long distinctIds;
    private int restarts;

    /** One generated case event. */
    record Ev(
            String eventId,
            String caseId,
            String type,
            long time,
            String category,
            Double lon,
            Double lat,
            String department,
            Long deadline) {}

    @BeforeAll
    void processTheGeneratedFeed() throws Exception {
        Random rnd = new Random(4_2026);
        generateReports(rnd);
        generateWorkflows(rnd);
        Path cases = writeFeed(rnd);
        writeReference();
        long asOf = events.stream().mapToLong(Ev::time).max().orElseThrow();
        expected.addAll(clockOracle(asOf));
        expected.addAll(hotspotOracle());
        expected.addAll(duplicateOracle());

        Endpoints endpoints = SharedStack.endpoints();
        ch = SharedStack.freshDatabase("gp_it_alerts");
        SpatialAlertSettings spatial = new SpatialAlertSettings(
                new HotspotRules(
                        new HotspotRule(K_DEFAULT, W_DEFAULT), Map.of("0303", new HotspotRule(K_0303, W_0303))),
                D_METERS,
                T_DUP);
        ProcessOptions options = new ProcessOptions(
                cases,
                null,
                null,
                new io.gridpulse.flink.common.ReferencePaths(
                        dir.resolve("grids.geojson"),
                        io.gridpulse.domain.geo.Crs.WGS84,
                        dir.resolve("catalog.csv"),
                        dir.resolve("calendar.json"),
                        null,
                        null,
                        null,
                        null,
                        null),
                null,
                false,
                2,
                null,
                spatial);
        Map<Integer, Long> before;
        try (KafkaTopics topics = new KafkaTopics(endpoints.kafkaBootstrap())) {
            topics.ensure(ProcessCommand.allTopics(), 2, (short) 1);
            before = topics.latestOffsets(Feed.ALERTS_TOPIC);
        }
        RunReport report = ProcessCommand.process(options, endpoints, ch, System.err);
        assertThat(report.asOf()).isEqualTo(asOf);
        restarts = report.result().restarts();
        Map<Integer, Long> after;
        try (KafkaTopics topics = new KafkaTopics(endpoints.kafkaBootstrap())) {
            after = topics.latestOffsets(Feed.ALERTS_TOPIC);
        }
        onTopic = topicAlertIds(endpoints.kafkaBootstrap(), before, after);
        stored = storedAlerts();
        String db = ch.database();
        rowsWithoutFinal = scalar("SELECT count() FROM " + db + ".alerts");
        rowsWithFinal = scalar("SELECT count() FROM " + db + ".alerts FINAL");
        distinctIds = scalar("SELECT uniqExact(alert_id) FROM " + db + ".alerts");
        Map<String, Long> byType = new TreeMap<>();
        expected.forEach(k -> byType.merge(k.substring(0, k.indexOf('|')), 1L, Long::sum));
        System.err.println("CaseAlertsIT: " + events.size() + " distinct events; alerts expected by type " + byType
                + "; stored " + stored.size() + "; on the topic " + onTopic.size());
    }

    // ---------------------------------------------------------------- the feed

    private static String gridOf(double lon, double lat) {
        int i = (int) Math.floor((lon - GRID_LON0) / GRID_STEP);
        int j = (int) Math.floor((lat - GRID_LAT0) / GRID_STEP);
        return i >= 0 && i < GRID_N && j >= 0 && j < GRID_N ? "G" + i + j : "";
    }

    private int seq;

    private String id(String prefix) {
        return prefix + String.format("%05d", seq++);
    }

    private Ev reported(String caseId, long time, String category, double lon, double lat) {
        return new Ev(id("R"), caseId, "REPORTED", time, category, lon, lat, null, null);
    }

    private Ev ev(String caseId, String type, long time) {
        return new Ev(id("E"), caseId, type, time, null, null, null, null, null);
    }

    private Ev ev(String caseId, String type, long time, String department, Long deadline) {
        return new Ev(id("E"), caseId, type, time, null, null, null, department, deadline);
    }

    private static long minute(Random rnd, long from, long spanMinutes) {
        return from + (long) rnd.nextInt((int) Math.max(1, spanMinutes)) * MIN;
    }

    /** Bursts (hotspots, some too slow), near duplicates, reports outside every grid, scattered singles. */
    private void generateReports(Random rnd) {
        List<String> cats = new ArrayList<>(LIMITS.keySet());
        int caseNo = 0;
        for (int b = 0; b < 40; b++) {
            String cat = cats.get(rnd.nextInt(cats.size()));
            boolean outside = b % 8 == 7;
            double cLon = outside
                    ? GRID_LON0 - 0.004
                    : GRID_LON0 + GRID_STEP * (rnd.nextInt(GRID_N) + 0.2 + 0.6 * rnd.nextDouble());
            double cLat = GRID_LAT0 + GRID_STEP * (rnd.nextInt(GRID_N) + 0.2 + 0.6 * rnd.nextDouble());
            long t = minute(rnd, BASE, 4 * 24 * 60 - 200);
            int n = 3 + rnd.nextInt(7);
            int maxGap = b % 3 == 0 ? 25 : 12;
            for (int i = 0; i < n; i++) {
                t += (long) rnd.nextInt(maxGap) * MIN;
                String caseId = "H" + caseNo++;
                // within about 70 m of the burst's centre: some pairs closer than D, some not
                double lon = cLon + (rnd.nextDouble() - 0.5) * 0.0016;
                double lat = cLat + (rnd.nextDouble() - 0.5) * 0.0012;
                events.add(reported(caseId, t, cat, lon, lat));
                if (rnd.nextInt(6) == 0) {
                    // the same case reported again (a later REPORTED of the same case)
                    events.add(reported(caseId, t + (1 + rnd.nextInt(20)) * MIN, cat, lon + 0.0001, lat));
                }
            }
        }
        for (int i = 0; i < 200; i++) {
            String cat = cats.get(rnd.nextInt(cats.size()));
            double lon = GRID_LON0 - 0.005 + (GRID_N * GRID_STEP + 0.01) * rnd.nextDouble();
            double lat = GRID_LAT0 + GRID_N * GRID_STEP * rnd.nextDouble();
            events.add(reported("S" + i, minute(rnd, BASE, 4 * 24 * 60), cat, lon, lat));
        }
    }

    /** Cases through dispatch with the side paths; times on whole minutes, distinct within a case. */
    private void generateWorkflows(Random rnd) {
        List<String> cats = new ArrayList<>(LIMITS.keySet());
        for (int c = 0; c < 90; c++) {
            String caseId = "W" + c;
            String cat = cats.get(c % cats.size());
            long r = minute(rnd, BASE, 3 * 24 * 60);
            double lon = GRID_LON0 + GRID_N * GRID_STEP * rnd.nextDouble();
            double lat = GRID_LAT0 + GRID_N * GRID_STEP * rnd.nextDouble();
            events.add(reported(caseId, r, cat, lon, lat));
            events.add(ev(caseId, "REGISTERED", r + 5 * MIN));
            long s = r + 10 * MIN;
            String dept = rnd.nextBoolean() ? "D1" : "D2";
            Long explicit = rnd.nextInt(3) == 0 ? s + (30 + rnd.nextInt(270)) * MIN : null;
            events.add(ev(caseId, "DISPATCHED", s, dept, explicit));
            long deadline = explicit != null ? explicit : limitFrom(cat, s);
            long span = Math.max(20 * MIN, deadline - s);
            long t = s;
            if (rnd.nextInt(4) == 0) {
                events.add(ev(caseId, "SUPERVISED", s + (1 + rnd.nextInt(200)) * MIN));
            }
            switch (c % 8) {
                case 0 -> { // disposed on time, closed
                    t = s + Math.max(MIN, span / 2 / MIN * MIN);
                    events.add(ev(caseId, "DISPOSED", t));
                    events.add(ev(caseId, "CHECKED", t + 7 * MIN));
                    events.add(ev(caseId, "CLOSED", t + 9 * MIN));
                }
                case 1 -> { // never disposed: overdue; sometimes disposed exactly at the deadline
                    if (rnd.nextBoolean()) {
                        events.add(ev(caseId, "DISPOSED", deadline));
                    }
                }
                case 2 -> { // postponed, before or after the deadline
                    long p = s + (long) ((0.3 + 1.2 * rnd.nextDouble()) * span) / MIN * MIN + MIN;
                    long nd = p + (20 + rnd.nextInt(240)) * MIN;
                    events.add(ev(caseId, "POSTPONED", p, null, nd));
                    if (rnd.nextBoolean()) {
                        events.add(ev(caseId, "DISPOSED", nd + (rnd.nextInt(60) - 30) * MIN + 3 * MIN));
                    }
                }
                case 3 -> { // suspended and resumed: the deadline moves by the pause
                    long a = s + (long) ((0.2 + 1.3 * rnd.nextDouble()) * span) / MIN * MIN + MIN;
                    long b = a + (10 + rnd.nextInt(300)) * MIN;
                    events.add(ev(caseId, "SUSPENDED", a));
                    events.add(ev(caseId, "RESUMED", b));
                    if (rnd.nextBoolean()) {
                        events.add(ev(caseId, "DISPOSED", b + (5 + rnd.nextInt(200)) * MIN));
                    }
                }
                case 4 -> { // disposed in time, reworked after the deadline, maybe with a new deadline
                    long x = s + Math.max(MIN, span / 3 / MIN * MIN);
                    long y = deadline + (1 + rnd.nextInt(120)) * MIN;
                    events.add(ev(caseId, "DISPOSED", x));
                    Long rd = rnd.nextBoolean() ? y + (30 + rnd.nextInt(120)) * MIN : null;
                    events.add(ev(caseId, "REWORK", y, null, rd));
                    if (rnd.nextBoolean()) {
                        events.add(ev(caseId, "DISPOSED", y + (10 + rnd.nextInt(200)) * MIN));
                    }
                }
                case 5 -> { // reworked twice (REWORK_REPEATED), the second late
                    long x = s + 5 * MIN;
                    events.add(ev(caseId, "DISPOSED", x));
                    events.add(ev(caseId, "REWORK", x + 20 * MIN));
                    events.add(ev(caseId, "DISPOSED", x + 40 * MIN));
                    events.add(ev(caseId, "REWORK", x + (60 + rnd.nextInt(300)) * MIN));
                    if (rnd.nextBoolean()) {
                        events.add(ev(caseId, "DISPOSED", x + 400 * MIN));
                    }
                }
                case 6, 7 -> { // returned (推诿) and dispatched again, twice for some
                    String other = dept.equals("D1") ? "D2" : "D1";
                    long ret = s + (5 + rnd.nextInt(300)) * MIN;
                    events.add(ev(caseId, "RETURNED", ret, dept, null));
                    long s2 = ret + 15 * MIN;
                    events.add(ev(caseId, "DISPATCHED", s2, other, null));
                    if (c % 8 == 7) {
                        long ret2 = s2 + (5 + rnd.nextInt(200)) * MIN;
                        events.add(ev(caseId, "RETURNED", ret2, other, null));
                        events.add(ev(caseId, "DISPATCHED", ret2 + 15 * MIN, dept, ret2 + 200 * MIN));
                        if (rnd.nextBoolean()) {
                            events.add(ev(caseId, "SUPERVISED", ret2 + 30 * MIN));
                        }
                    } else if (rnd.nextBoolean()) {
                        events.add(ev(caseId, "DISPOSED", s2 + 50 * MIN));
                        events.add(ev(caseId, "CLOSED", s2 + 80 * MIN));
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    private static String iso(long millis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.ofHours(8))
                .toString();
    }

    /** The events as JSON lines, a tenth sent twice, all shuffled. */
    private Path writeFeed(Random rnd) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (Ev e : events) {
            ObjectNode n = json.createObjectNode();
            n.put("eventId", e.eventId());
            n.put("caseId", e.caseId());
            n.put("type", e.type());
            n.put("time", iso(e.time()));
            if (e.type().equals("REPORTED")) {
                n.put("source", "INSPECTOR");
                n.put("categoryCode", e.category());
                n.put("lon", e.lon());
                n.put("lat", e.lat());
            }
            if (e.department() != null) {
                n.put("department", e.department());
            }
            if (e.deadline() != null) {
                n.put("deadline", iso(e.deadline()));
            }
            String line = json.writeValueAsString(n);
            lines.add(line);
            if (rnd.nextInt(10) == 0) {
                lines.add(line);
            }
        }
        Collections.shuffle(lines, rnd);
        Path p = dir.resolve("cases.jsonl");
        Files.write(p, lines, StandardCharsets.UTF_8);
        return p;
    }

    private static void writeReference() throws Exception {
        StringBuilder g = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < GRID_N; i++) {
            for (int j = 0; j < GRID_N; j++) {
                double x0 = GRID_LON0 + i * GRID_STEP;
                double y0 = GRID_LAT0 + j * GRID_STEP;
                double x1 = x0 + GRID_STEP;
                double y1 = y0 + GRID_STEP;
                g.append(i + j == 0 ? "" : ",")
                        .append("{\"type\":\"Feature\",\"properties\":{\"code\":\"G")
                        .append(i)
                        .append(j)
                        .append("\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[")
                        .append(String.format(
                                "[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]", x0, y0, x1, y0, x1, y1, x0, y1, x0, y0))
                        .append("]]}}");
            }
        }
        g.append("]}");
        Files.writeString(dir.resolve("grids.geojson"), g);
        StringBuilder c = new StringBuilder("code,kind,major,minor,name,limit\n");
        LIMITS.forEach((code, limit) -> c.append(code)
                .append(",EVENT,市容,")
                .append(code)
                .append(",类别")
                .append(code)
                .append(',')
                .append(limit)
                .append('\n'));
        Files.writeString(dir.resolve("catalog.csv"), c);
        Files.writeString(
                dir.resolve("calendar.json"),
                "{\"timezone\":\"Asia/Shanghai\",\"workingHours\":[[\"08:00\",\"12:00\"],[\"14:00\",\"18:00\"]],"
                        + "\"weekend\":[\"SATURDAY\",\"SUNDAY\"],\"holidays\":[],\"workdays\":[]}");
    }

    // ---------------------------------------------------------------- the oracle

    /** The oracle's own calendar: Monday to Friday, 08:00-12:00 and 14:00-18:00 in Shanghai. */
    private static boolean workingMinute(long t) {
        ZonedDateTime z = Instant.ofEpochMilli(t).atZone(ZONE);
        if (z.getDayOfWeek() == DayOfWeek.SATURDAY || z.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        int m = z.getHour() * 60 + z.getMinute();
        return (m >= 480 && m < 720) || (m >= 840 && m < 1080);
    }

    /** Dispatch time plus the category's limit; working hours counted minute by minute. */
    private static long limitFrom(String category, long start) {
        String limit = LIMITS.get(category);
        if (limit.endsWith("wh")) {
            long need = Long.parseLong(limit.substring(0, limit.length() - 2)) * 60;
            long t = start;
            while (need > 0) {
                if (workingMinute(t)) {
                    need--;
                }
                t += MIN;
            }
            return t;
        }
        return start + Long.parseLong(limit.substring(0, limit.length() - 1)) * HOUR;
    }

    private static final class Disp {
        final String id;
        final String dept;
        final long start;
        long deadline;
        long setAt;
        boolean ended;
        boolean disposed;
        boolean suspended;
        long since;
        int reworks;
        final Set<Long> overdueFor = new HashSet<>();
        final Set<Long> warnedFor = new HashSet<>();

        Disp(String id, String dept, long start, long deadline) {
            this.id = id;
            this.dept = dept;
            this.start = start;
            this.deadline = deadline;
            this.setAt = start;
        }

        long warning() {
            return start + (long) Math.floor(0.8 * (double) (deadline - start));
        }
    }

    private static String key(String type, String caseId, String dispatchId, long time, String extra) {
        return type + "|" + caseId + "|" + (dispatchId == null ? "" : dispatchId) + "|" + iso(time) + "|" + extra;
    }

    /**
     * OVERDUE, OVERDUE_WARNING, REWORK_REPEATED, RETURN_REPEATED, SUPERVISED: each case replayed as
     * a discrete-event simulation, visiting every event time and every deadline and warning instant
     * up to the as-of time, checking the issue's conditions after the events of each instant.
     */
    private List<String> clockOracle(long asOf) {
        Map<String, List<Ev>> byCase = new TreeMap<>();
        events.forEach(
                e -> byCase.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e));
        List<String> out = new ArrayList<>();
        for (var entry : byCase.entrySet()) {
            String caseId = entry.getKey();
            List<Ev> evs = new ArrayList<>(entry.getValue());
            evs.sort(Comparator.comparingLong(Ev::time)
                    .thenComparingInt(e -> TYPE_ORDER.indexOf(e.type()))
                    .thenComparing(Ev::eventId));
            String category = evs.stream()
                    .filter(e -> e.type().equals("REPORTED"))
                    .findFirst()
                    .orElseThrow()
                    .category();
            List<Disp> ds = new ArrayList<>();
            Disp open = null;
            int returns = 0;
            int i = 0;
            long t = Long.MIN_VALUE;
            while (true) {
                long next = i < evs.size() ? evs.get(i).time() : Long.MAX_VALUE;
                for (Disp d : ds) {
                    if (!d.ended) {
                        if (d.deadline > t) {
                            next = Math.min(next, d.deadline);
                        }
                        if (d.warning() > d.setAt && d.warning() > t) {
                            next = Math.min(next, d.warning());
                        }
                    }
                }
                if (next == Long.MAX_VALUE || next > asOf) {
                    break;
                }
                t = next;
                while (i < evs.size() && evs.get(i).time() == t) {
                    Ev e = evs.get(i++);
                    switch (e.type()) {
                        case "DISPATCHED" -> {
                            if (open != null) {
                                open.ended = true;
                            }
                            open = new Disp(
                                    e.eventId(),
                                    e.department(),
                                    t,
                                    e.deadline() != null ? e.deadline() : limitFrom(category, t));
                            ds.add(open);
                        }
                        case "RETURNED" -> {
                            if (open != null && open.dept.equals(e.department())) {
                                open.ended = true;
                                if (++returns == 2) {
                                    out.add(key("RETURN_REPEATED", caseId, open.id, t, ""));
                                }
                                open = null;
                            }
                        }
                        case "CLOSED", "CANCELLED" -> {
                            if (open != null) {
                                open.ended = true;
                                open = null;
                            }
                        }
                        case "DISPOSED" -> {
                            if (open != null) {
                                open.disposed = true;
                            }
                        }
                        case "REWORK" -> {
                            if (open != null) {
                                open.disposed = false;
                                if (e.deadline() != null) {
                                    open.deadline = e.deadline();
                                    open.setAt = t;
                                }
                                if (++open.reworks == 2) {
                                    out.add(key("REWORK_REPEATED", caseId, open.id, t, ""));
                                }
                            }
                        }
                        case "POSTPONED" -> {
                            if (open != null && !open.disposed) {
                                open.deadline = e.deadline();
                                open.setAt = t;
                            }
                        }
                        case "SUSPENDED" -> {
                            if (open != null && !open.suspended) {
                                open.suspended = true;
                                open.since = t;
                            }
                        }
                        case "RESUMED" -> {
                            if (open != null && open.suspended) {
                                open.suspended = false;
                                open.deadline += t - open.since;
                                open.setAt = t;
                            }
                        }
                        case "SUPERVISED" -> out.add(key("SUPERVISED", caseId, open == null ? null : open.id, t, ""));
                        default -> {}
                    }
                }
                for (Disp d : ds) {
                    if (d.ended || d.disposed) {
                        continue;
                    }
                    if (!d.suspended && d.deadline <= t && d.overdueFor.add(d.deadline)) {
                        out.add(key("OVERDUE", caseId, d.id, t, ""));
                    }
                    if (d.warning() == t && d.warning() > d.setAt && d.warnedFor.add(d.deadline)) {
                        out.add(key("OVERDUE_WARNING", caseId, d.id, t, ""));
                    }
                }
            }
        }
        return out;
    }

    private List<Ev> reportsInOrder() {
        return events.stream()
                .filter(e -> e.type().equals("REPORTED"))
                .sorted(Comparator.comparingLong(Ev::time).thenComparing(Ev::eventId))
                .toList();
    }

    /** HOTSPOT, exactly as issue #4 words it. */
    private List<String> hotspotOracle() {
        Map<String, List<Ev>> unconsumed = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (Ev r : reportsInOrder()) {
            String grid = gridOf(r.lon(), r.lat());
            if (grid.isEmpty()) {
                continue;
            }
            int k = r.category().equals("0303") ? K_0303 : K_DEFAULT;
            long w = r.category().equals("0303") ? W_0303 : W_DEFAULT;
            List<Ev> open = unconsumed.computeIfAbsent(grid + "|" + r.category(), x -> new ArrayList<>());
            if (open.size() >= k - 1) {
                List<Ev> take = new ArrayList<>(open.subList(open.size() - (k - 1), open.size()));
                take.add(r);
                if (r.time() - take.get(0).time() <= w) {
                    out.add(key(
                            "HOTSPOT",
                            r.caseId(),
                            null,
                            r.time(),
                            grid + "|" + r.category() + "|"
                                    + take.stream().map(Ev::eventId).collect(Collectors.joining(","))));
                    open.subList(open.size() - (k - 1), open.size()).clear();
                    continue;
                }
            }
            open.add(r);
        }
        return out;
    }

    private static double haversine(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double a = Math.pow(Math.sin((p2 - p1) / 2), 2)
                + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
        return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** DUPLICATE_SUSPECTED: every pair of reports compared. */
    private List<String> duplicateOracle() {
        List<Ev> rs = reportsInOrder();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rs.size(); i++) {
            Ev r = rs.get(i);
            for (int j = 0; j < i; j++) {
                Ev o = rs.get(j);
                if (o.category().equals(r.category())
                        && !o.caseId().equals(r.caseId())
                        && r.time() - o.time() <= T_DUP
                        && haversine(o.lon(), o.lat(), r.lon(), r.lat()) <= D_METERS) {
                    out.add(key(
                            "DUPLICATE_SUSPECTED",
                            r.caseId(),
                            null,
                            r.time(),
                            gridOf(r.lon(), r.lat()) + "|" + r.category() + "|" + o.eventId()));
                    break;
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- reading back

    private long scalar(String sql) throws Exception {
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Alert key -> alert_id, from the table (FINAL: one row per alert_id). */
    private Map<String, String> storedAlerts() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> out = new HashMap<>();
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT alert_id, type, case_id, dispatch_id,"
                        + " toUnixTimestamp64Milli(time), grid_code, category_code, details FROM " + ch.database()
                        + ".alerts FINAL")) {
            while (rs.next()) {
                String type = rs.getString(2);
                JsonNode d = json.readTree(rs.getString(8));
                String extra =
                        switch (type) {
                            case "HOTSPOT" -> rs.getString(6) + "|" + rs.getString(7) + "|" + joined(d.get("eventIds"));
                            case "DUPLICATE_SUSPECTED" ->
                                rs.getString(6) + "|" + rs.getString(7) + "|"
                                        + d.get("duplicateOfEventId").asText();
                            default -> "";
                        };
                String dispatch = type.equals("HOTSPOT") || type.equals("DUPLICATE_SUSPECTED") ? null : rs.getString(4);
                String k = key(type, rs.getString(3), dispatch, rs.getLong(5), extra);
                assertThat(out.put(k, rs.getString(1)))
                        .as("two alert ids for %s", k)
                        .isNull();
            }
        }
        return out;
    }

    private static String joined(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asText()));
        return String.join(",", ids);
    }

    private static Set<String> topicAlertIds(String bootstrap, Map<Integer, Long> from, Map<Integer, Long> to) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        ObjectMapper json = new ObjectMapper();
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = to.keySet().stream()
                    .map(n -> new TopicPartition(Feed.ALERTS_TOPIC, n))
                    .toList();
            consumer.assign(parts);
            for (TopicPartition tp : parts) {
                consumer.seek(tp, from.getOrDefault(tp.partition(), 0L));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < to.get(tp.partition()))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < to.get(r.partition())) {
                        try {
                            String id = json.readTree(r.value()).get("alert_id").asText();
                            assertThat(new String(r.key(), StandardCharsets.UTF_8))
                                    .isEqualTo(id);
                            ids.add(id);
                        } catch (java.io.IOException e) {
                            throw new AssertionError("unreadable alert on the topic", e);
                        }
                    }
                }
            }
        }
        return ids;
    }

    // ---------------------------------------------------------------- the checks

    private Set<String> ofType(Set<String> keys, String type) {
        return keys.stream().filter(k -> k.startsWith(type + "|")).collect(Collectors.toCollection(HashSet::new));
    }

    @Test
    void theFeedExercisesEveryAlertType() {
        for (String type : List.of(
                "OVERDUE",
                "OVERDUE_WARNING",
                "HOTSPOT",
                "DUPLICATE_SUSPECTED",
                "REWORK_REPEATED",
                "RETURN_REPEATED",
                "SUPERVISED")) {
            assertThat(ofType(expected, type)).as(type).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void hotspotsAreThoseOfTheOracle() {
        assertThat(ofType(stored.keySet(), "HOTSPOT")).isEqualTo(ofType(expected, "HOTSPOT"));
    }

    @Test
    void duplicatesAreThoseOfTheOracle() {
        assertThat(ofType(stored.keySet(), "DUPLICATE_SUSPECTED")).isEqualTo(ofType(expected, "DUPLICATE_SUSPECTED"));
    }

    @Test
    void deadlineAlertsAreThoseOfTheOracle() {
        assertThat(ofType(stored.keySet(), "OVERDUE")).isEqualTo(ofType(expected, "OVERDUE"));
        assertThat(ofType(stored.keySet(), "OVERDUE_WARNING")).isEqualTo(ofType(expected, "OVERDUE_WARNING"));
    }

    @Test
    void escalationAlertsAreThoseOfTheOracle() {
        assertThat(ofType(stored.keySet(), "REWORK_REPEATED")).isEqualTo(ofType(expected, "REWORK_REPEATED"));
        assertThat(ofType(stored.keySet(), "RETURN_REPEATED")).isEqualTo(ofType(expected, "RETURN_REPEATED"));
        assertThat(ofType(stored.keySet(), "SUPERVISED")).isEqualTo(ofType(expected, "SUPERVISED"));
    }

    @Test
    void noAlertIsStoredTwiceAndTheTopicCarriesEveryAlert() {
        assertThat(rowsWithFinal).isEqualTo(distinctIds).isEqualTo(stored.size());
        // without FINAL, only a replay after a restart may add rows
        if (restarts == 0) {
            assertThat(rowsWithoutFinal).isEqualTo(distinctIds);
        }
        assertThat(onTopic).containsAll(stored.values());
        assertThat(onTopic).hasSameSizeAs(stored.values());
    }
}

package io.gridpulse.demo.feed;

import io.gridpulse.demo.city.Category;
import io.gridpulse.demo.city.CityMap;
import io.gridpulse.demo.city.CityMap.Community;
import io.gridpulse.demo.city.CityMap.Grid;
import io.gridpulse.demo.city.CityMap.Place;
import io.gridpulse.demo.city.Department;
import io.gridpulse.demo.city.WorkCalendar;
import io.gridpulse.domain.calendar.TimeLimit;
import io.gridpulse.domain.geo.CoordinateTransform;
import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.model.CaseEventType;
import io.gridpulse.domain.model.CaseSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.locationtech.jts.geom.Envelope;

/**
 * A month of case events: reports from realistic sources with daily, weekly and holiday rhythms,
 * placed at hotspots with categories that fit the place, and each case's workflow (verification of
 * public reports, registration or cancellation, dispatch, returns and redispatch, postponement,
 * suspension, disposal on time or late or not at all, supervision, rework, check, closure), cut at
 * the end of the month. Repeated reports of one problem and bursts in one grid are included. Events
 * of a case have strictly increasing times. Not thread-safe.
 */
public final class CaseFeed implements FeedWriter.Records {

    /** One case event as it will be written; {@code deadline} 0 when absent, {@code crs} null when absent. */
    public record Ev(
            String eventId,
            String caseId,
            CaseEventType type,
            long time,
            CaseSource source,
            String categoryCode,
            double lon,
            double lat,
            Crs crs,
            String department,
            long deadline,
            String inspectorId,
            String address,
            String description,
            String reporterPhone) {

        /** The same event with another description (a conflicting redelivery). */
        public Ev withDescription(String newDescription) {
            return new Ev(
                    eventId,
                    caseId,
                    type,
                    time,
                    source,
                    categoryCode,
                    lon,
                    lat,
                    crs,
                    department,
                    deadline,
                    inspectorId,
                    address,
                    newDescription,
                    reporterPhone);
        }

        /** The same event moved later, its deadline too when it has one (a conflicting redelivery). */
        public Ev shiftedBy(long delta) {
            return new Ev(
                    eventId,
                    caseId,
                    type,
                    time + delta,
                    source,
                    categoryCode,
                    lon,
                    lat,
                    crs,
                    department,
                    deadline == 0 ? 0 : deadline + delta,
                    inspectorId,
                    address,
                    description,
                    reporterPhone);
        }
    }

    private record Report(
            long time, CaseSource source, double x, double y, Category category, boolean repeat, String note) {}

    private static final CaseSource[] SOURCES = CaseSource.values();
    private static final double[] SOURCE_SHARE = {0.56, 0.12, 0.07, 0.13, 0.08, 0.025, 0.015};
    private static final String[] EW_ROADS = {
        "北环路", "榆阳路", "人民西路", "新建路", "长城路", "文化路", "鼓楼街", "上郡路", "沙河路", "明珠大道",
        "航宇路", "南环路", "芹河路", "红山路", "世纪大道", "滨河路", "迎宾大道", "建业路", "兴华路", "星河路"
    };
    private static final String[] NS_ROADS = {
        "西沙大街", "金沙路", "驼峰路", "崇文路", "青山路", "肤施路", "新明楼街", "南门街", "北大街", "二街",
        "东环路", "榆溪大道", "朝阳路", "育才路", "胜利路", "铁路路", "春晖路", "金阳路", "秀水路", "银沙路"
    };
    private static final Map<String, String[]> PLACE_CATEGORIES = Map.of(
            "OLD_TOWN", new String[] {"20201", "20109", "20101", "20102", "20505", "10102", "10103", "20507"},
            "MARKET", new String[] {"20502", "20501", "20102", "20507", "20504", "20104", "20503"},
            "CONSTRUCTION", new String[] {"20303", "20302", "20301", "20103", "20304", "10206", "20305"},
            "SCHOOL", new String[] {"20504", "20501", "20204", "20505"},
            "PARK", new String[] {"20106", "10401", "10402", "10403", "20102", "20108"});
    private static final Map<CaseSource, String[]> SOURCE_CATEGORIES = Map.of(
            CaseSource.SENSOR, new String[] {"10302", "10101", "10102", "10103", "20405", "20301", "20302"},
            CaseSource.DRONE, new String[] {"20101", "20103", "20302", "20105", "20304"},
            CaseSource.VIDEO, new String[] {"20502", "20501", "20504", "20505", "20102", "20507", "20506", "20303"});

    private final CityMap city;
    private final List<Category> categories;
    private final Map<String, Category> byCode = new HashMap<>();
    private final List<Department> departments;
    private final WorkCalendar calendar;
    private final SplittableRandom r;
    private final long start;
    private final long end;
    private final YearMonth month;
    private final List<Ev> events = new ArrayList<>();
    private final Map<String, Long> counters = new TreeMap<>();
    private final double[] baseWeights;

    public CaseFeed(
            CityMap city,
            List<Category> categories,
            List<Department> departments,
            WorkCalendar calendar,
            YearMonth month,
            long seed) {
        this.city = city;
        this.categories = categories;
        this.departments = departments;
        this.calendar = calendar;
        this.month = month;
        this.r = new SplittableRandom(seed ^ 0xCA5E5L);
        this.start = month.atDay(1).atStartOfDay().toEpochSecond(JsonText.CST);
        this.end = month.plusMonths(1).atDay(1).atStartOfDay().toEpochSecond(JsonText.CST);
        for (Category c : categories) {
            byCode.put(c.code(), c);
        }
        baseWeights = categories.stream().mapToDouble(Category::weight).toArray();
    }

    public List<Ev> events() {
        return events;
    }

    /** Planned outcomes (informational: the engine derives the indicators itself). */
    public Map<String, Long> counters() {
        return counters;
    }

    @Override
    public int size() {
        return events.size();
    }

    @Override
    public long time(int i) {
        return events.get(i).time();
    }

    @Override
    public void render(int i, StringBuilder sb) {
        render(events.get(i), sb);
    }

    public static void render(Ev e, StringBuilder sb) {
        sb.append('{');
        JsonText.field(sb, "eventId", e.eventId());
        JsonText.field(sb, "caseId", e.caseId());
        JsonText.field(sb, "type", e.type().name());
        JsonText.fieldTime(sb, "time", e.time());
        if (e.source() != null) {
            JsonText.field(sb, "source", e.source().name());
            JsonText.field(sb, "categoryCode", e.categoryCode());
            JsonText.fieldNumber(sb, "lon", e.lon(), 6);
            JsonText.fieldNumber(sb, "lat", e.lat(), 6);
            if (e.crs() != null) {
                JsonText.field(sb, "crs", e.crs().name());
            }
        }
        if (e.department() != null) {
            JsonText.field(sb, "department", e.department());
        }
        if (e.deadline() > 0) {
            JsonText.fieldTime(sb, "deadline", e.deadline());
        }
        if (e.inspectorId() != null) {
            JsonText.field(sb, "inspectorId", e.inspectorId());
        }
        if (e.address() != null) {
            JsonText.field(sb, "address", e.address());
        }
        if (e.description() != null) {
            JsonText.field(sb, "description", e.description());
        }
        if (e.reporterPhone() != null) {
            JsonText.field(sb, "reporterPhone", e.reporterPhone());
        }
        sb.append('}');
    }

    public static JsonObject toObject(Ev e) {
        StringBuilder sb = new StringBuilder();
        render(e, sb);
        // re-parse our own flat rendering into an ordered object
        JsonObject o = new JsonObject();
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sb.toString());
            node.fields().forEachRemaining(f -> {
                if (f.getValue().isTextual()) {
                    o.put(f.getKey(), f.getValue().asText());
                } else {
                    o.putRaw(f.getKey(), f.getValue().toString());
                }
            });
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException("cannot re-read a generated event: " + sb, ex);
        }
        return o;
    }

    /** Generates {@code total} cases. */
    public CaseFeed generate(int total) {
        List<Report> reports = new ArrayList<>();
        int bursts = total >= 200 ? Math.max(1, total / 2000) : 0;
        int burstCases = 0;
        for (int b = 0; b < bursts; b++) {
            int n = 8 + r.nextInt(7);
            burstCases += n;
            burst(reports, n);
        }
        int repeats = (int) Math.round(total * 0.012);
        int regular = Math.max(0, total - burstCases - repeats);
        for (int i = 0; i < regular; i++) {
            reports.add(regularReport());
        }
        int originals = reports.size();
        for (int i = 0; i < repeats && originals > 0 && reports.size() < total; i++) {
            Report orig = reports.get(r.nextInt(originals));
            CaseSource other = orig.source() == CaseSource.INSPECTOR ? CaseSource.HOTLINE_12345 : CaseSource.INSPECTOR;
            if (r.nextInt(3) == 0) {
                other = CaseSource.PUBLIC_APP;
            }
            double a = r.nextDouble(Math.PI * 2);
            double d = 20 + r.nextDouble(60);
            long t = Math.min(end - 3600, orig.time() + 120 + r.nextInt(18 * 60));
            reports.add(new Report(
                    t, other, orig.x() + d * Math.cos(a), orig.y() + d * Math.sin(a), orig.category(), true, "重复上报"));
        }
        count("bursts", bursts);
        count("repeatedReports", repeats);
        reports.sort(Comparator.comparingLong(Report::time)
                .thenComparing(rp -> rp.source().ordinal()));
        Map<LocalDate, Integer> daily = new HashMap<>();
        for (Report rp : reports) {
            LocalDate day =
                    LocalDateTime.ofEpochSecond(rp.time(), 0, JsonText.CST).toLocalDate();
            int seq = daily.merge(day, 1, Integer::sum);
            String caseId =
                    String.format("YC%04d%02d%02d%04d", day.getYear(), day.getMonthValue(), day.getDayOfMonth(), seq);
            workflow(caseId, rp);
        }
        return this;
    }

    private void count(String key, long n) {
        counters.merge(key, n, Long::sum);
    }

    // ---- when and where -------------------------------------------------------------------

    private CaseSource pickSource() {
        double x = r.nextDouble();
        for (int i = 0; i < SOURCES.length; i++) {
            x -= SOURCE_SHARE[i];
            if (x < 0) {
                return SOURCES[i];
            }
        }
        return CaseSource.INSPECTOR;
    }

    private double dayWeight(CaseSource s, LocalDate d) {
        boolean holiday = calendar.isHoliday(d);
        boolean working = calendar.isWorkingDay(d);
        return switch (s) {
            case INSPECTOR -> working ? 1.0 : holiday ? 0.45 : 0.55;
            case HOTLINE_12345, HOTLINE_12319 -> working ? 1.0 : holiday ? 0.95 : 0.9;
            case PUBLIC_APP -> working ? 0.9 : holiday ? 1.3 : 1.15;
            case DRONE -> working ? 1.0 : 0.25;
            case VIDEO, SENSOR -> holiday ? 1.15 : 1.0; // the holiday crowds show on camera
        };
    }

    private static double hourWeight(CaseSource s, int h) {
        return switch (s) {
            case INSPECTOR ->
                h >= 8 && h < 12
                        ? 1.0
                        : h >= 14 && h < 18
                                ? 0.9
                                : h == 7 || h == 18 ? 0.2 : h == 12 || h == 13 ? 0.12 : h == 19 || h == 20 ? 0.06 : 0;
            case HOTLINE_12345, HOTLINE_12319 ->
                h < 7
                        ? 0.04
                        : h == 7
                                ? 0.3
                                : h < 12
                                        ? 1.0
                                        : h < 14
                                                ? 0.7
                                                : h < 18 ? 1.0 : h < 21 ? 0.8 : h == 21 ? 0.55 : h == 22 ? 0.3 : 0.12;
            case VIDEO -> h < 6 ? 0.4 : h < 23 ? 1.0 : 0.6;
            case PUBLIC_APP -> h < 7 ? 0.05 : h < 10 ? 0.6 : h < 19 ? 1.0 : h < 23 ? 1.1 : 0.3;
            case DRONE -> (h >= 9 && h < 12) || (h >= 14 && h < 17) ? 1.0 : 0;
            case SENSOR -> 1.0;
        };
    }

    private long pickTime(CaseSource s) {
        int days = month.lengthOfMonth();
        double[] w = new double[days * 24];
        double sum = 0;
        for (int d = 0; d < days; d++) {
            double dw = dayWeight(s, month.atDay(d + 1));
            for (int h = 0; h < 24; h++) {
                w[d * 24 + h] = dw * hourWeight(s, h);
                sum += w[d * 24 + h];
            }
        }
        double x = r.nextDouble() * sum;
        int slot = 0;
        for (; slot < w.length - 1; slot++) {
            x -= w[slot];
            if (x < 0) {
                break;
            }
        }
        return start + slot * 3600L + r.nextInt(3600);
    }

    private Report regularReport() {
        CaseSource s = pickSource();
        long t = pickTime(s);
        double x;
        double y;
        Category c;
        String[] fit = SOURCE_CATEGORIES.get(s);
        if (r.nextDouble() < 0.4) {
            Place p = pickPlace();
            double[] pt = near(p.x(), p.y(), p.radius() / 1.5);
            x = pt[0];
            y = pt[1];
            String[] codes = PLACE_CATEGORIES.get(p.kind());
            c = fit != null || r.nextDouble() < 0.25
                    ? pickCategory(s, fit)
                    : byCode.get(codes[r.nextInt(codes.length)]);
        } else {
            Grid g = city.grids.get(r.nextInt(city.grids.size()));
            double[] pt = inside(g);
            x = pt[0];
            y = pt[1];
            c = pickCategory(s, fit);
        }
        return new Report(t, s, x, y, c, false, null);
    }

    private Category pickCategory(CaseSource s, String[] fit) {
        if (fit != null) {
            return byCode.get(fit[r.nextInt(fit.length)]);
        }
        double[] w = baseWeights.clone();
        if (s == CaseSource.HOTLINE_12345 || s == CaseSource.HOTLINE_12319) {
            for (int i = 0; i < w.length; i++) {
                String code = categories.get(i).code();
                w[i] *= switch (code) {
                    case "20301" -> 6; // noise at night is what people call about
                    case "20506", "10109" -> 3;
                    case "20101", "20404", "20402" -> 2;
                    default -> 1;
                };
            }
        }
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        double x = r.nextDouble() * sum;
        for (int i = 0; i < w.length; i++) {
            x -= w[i];
            if (x < 0) {
                return categories.get(i);
            }
        }
        return categories.get(0);
    }

    private Place pickPlace() {
        double sum = 0;
        double[] w = new double[city.places.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = switch (city.places.get(i).kind()) {
                case "OLD_TOWN" -> 4.0;
                case "MARKET" -> 1.2;
                case "PARK" -> 0.6;
                default -> 0.5;
            };
            sum += w[i];
        }
        double x = r.nextDouble() * sum;
        for (int i = 0; i < w.length; i++) {
            x -= w[i];
            if (x < 0) {
                return city.places.get(i);
            }
        }
        return city.places.get(0);
    }

    private double[] near(double cx, double cy, double sigma) {
        for (int k = 0; k < 100; k++) {
            double x = cx + r.nextGaussian() * sigma;
            double y = cy + r.nextGaussian() * sigma;
            if (city.contains(x, y)) {
                return new double[] {x, y};
            }
        }
        return new double[] {cx, cy};
    }

    private double[] inside(Grid g) {
        Envelope e = g.geometry().getEnvelopeInternal();
        var f = g.geometry().getFactory();
        for (int k = 0; k < 200; k++) {
            double x = e.getMinX() + r.nextDouble() * e.getWidth();
            double y = e.getMinY() + r.nextDouble() * e.getHeight();
            if (g.geometry().contains(f.createPoint(new org.locationtech.jts.geom.Coordinate(x, y)))) {
                return new double[] {x, y};
            }
        }
        var c = g.geometry().getInteriorPoint().getCoordinate();
        return new double[] {c.x, c.y};
    }

    private void burst(List<Report> reports, int n) {
        String[] codes = {"20102", "20502", "20405", "20201", "20104"};
        Category c = byCode.get(codes[r.nextInt(codes.length)]);
        Place old = city.places.get(0);
        double[] centre = near(old.x(), old.y(), 1500);
        Community com = city.communityAt(centre[0], centre[1]);
        Grid g = city.grids.stream()
                .filter(gr -> com == null || gr.community() == com.index())
                .filter(gr -> gr.geometry()
                        .contains(gr.geometry()
                                .getFactory()
                                .createPoint(new org.locationtech.jts.geom.Coordinate(centre[0], centre[1]))))
                .findFirst()
                .orElse(city.grids.get(r.nextInt(city.grids.size())));
        long t0 = start + (2 + r.nextInt(month.lengthOfMonth() - 4)) * 86_400L + (9 + r.nextInt(7)) * 3600L;
        for (int i = 0; i < n; i++) {
            double[] p = inside(g);
            CaseSource s = r.nextInt(3) == 0 ? CaseSource.VIDEO : CaseSource.INSPECTOR;
            reports.add(new Report(t0 + r.nextInt(3 * 3600), s, p[0], p[1], c, false, null));
        }
    }

    // ---- the workflow -----------------------------------------------------------------------

    private final class Case {
        final String caseId;
        final Report rp;
        int seq;
        long t;
        final double lon;
        final double lat;
        final String address;
        final int street;
        final String inspector;

        Case(String caseId, Report rp) {
            this.caseId = caseId;
            this.rp = rp;
            this.t = rp.time();
            this.lon = CityMap.lon(rp.x());
            this.lat = CityMap.lat(rp.y());
            Community c = city.communityAt(rp.x(), rp.y());
            this.street = c == null ? 0 : c.street();
            this.address = address(rp.x(), rp.y(), c);
            this.inspector = String.format("JC%02d%02d", street + 1, 1 + r.nextInt(8));
        }

        /** Emits an event {@code delay} seconds after the last one; false once past the month. */
        boolean emit(CaseEventType type, long delay, String department, long deadline, String note) {
            long when = t + Math.max(60, delay);
            if (when >= end) {
                return false;
            }
            t = when;
            boolean reported = type == CaseEventType.REPORTED;
            boolean byInspector = type == CaseEventType.VERIFIED
                    || type == CaseEventType.CHECKED
                    || type == CaseEventType.REWORK
                    || (reported && rp.source() == CaseSource.INSPECTOR);
            double elon = lon;
            double elat = lat;
            Crs crs = null;
            String phone = null;
            if (reported) {
                if (rp.source() == CaseSource.PUBLIC_APP) {
                    crs = (caseId.hashCode() & 3) == 0 ? Crs.BD09 : Crs.GCJ02;
                    double[] p = CoordinateTransform.fromWgs84(crs, lon, lat);
                    elon = p[0];
                    elat = p[1];
                }
                if (rp.source() == CaseSource.HOTLINE_12345 || rp.source() == CaseSource.HOTLINE_12319) {
                    phone = String.format("1%d%d%08d", 3 + r.nextInt(7), r.nextInt(10), r.nextInt(100_000_000));
                }
            }
            seq++;
            events.add(new Ev(
                    caseId + "-" + String.format("%02d", seq),
                    caseId,
                    type,
                    t,
                    reported ? rp.source() : null,
                    reported ? rp.category().code() : null,
                    elon,
                    elat,
                    crs,
                    department,
                    deadline,
                    byInspector ? inspector : null,
                    reported ? address : null,
                    note,
                    phone));
            count("events." + type.name(), 1);
            return true;
        }

        boolean emit(CaseEventType type, long delay) {
            return emit(type, delay, null, 0, null);
        }
    }

    private long minutes(int min, int max) {
        return 60L * (min + r.nextInt(max - min + 1));
    }

    /** Delay to the next moment an inspector is out (07:30-19:00), plus {@code extra}. */
    private long fieldDelay(long t, long extra) {
        long when = t + extra;
        LocalDateTime local = LocalDateTime.ofEpochSecond(when, 0, JsonText.CST);
        int s = local.toLocalTime().toSecondOfDay();
        if (s < 7 * 3600 + 1800) {
            when += 7 * 3600 + 1800 - s + r.nextInt(3600);
        } else if (s >= 19 * 3600) {
            when += 86_400 - s + 7 * 3600 + 1800 + r.nextInt(3600);
        }
        return when - t;
    }

    private long deadline(long from, Category c) {
        TimeLimit limit = TimeLimit.parse(c.limit());
        return switch (limit.unit()) {
            case HOURS -> from + limit.amount() * 3600L;
            case WORKING_HOURS -> calendar.addWorking(from, limit.amount() * 3600L);
            case WORKING_DAYS -> calendar.addWorking(from, limit.amount() * WorkCalendar.WORKING_SECONDS_PER_DAY);
        };
    }

    private void workflow(String caseId, Report rp) {
        Case k = new Case(caseId, rp);
        CaseSource s = rp.source();
        count("cases." + s.name(), 1);
        String desc = description(rp, k.address);
        k.t = rp.time() - 60; // emit adds at least a minute
        if (!k.emit(CaseEventType.REPORTED, 60, null, 0, desc)) {
            return;
        }
        boolean publicReport =
                s == CaseSource.HOTLINE_12345 || s == CaseSource.HOTLINE_12319 || s == CaseSource.PUBLIC_APP;
        if (publicReport) {
            if (!k.emit(CaseEventType.VERIFIED, fieldDelay(k.t, minutes(30, 180)))) {
                return;
            }
        }
        double cancelShare =
                switch (s) {
                    case HOTLINE_12345, HOTLINE_12319, PUBLIC_APP -> 0.08;
                    case VIDEO -> 0.08;
                    case SENSOR -> 0.05;
                    case DRONE -> 0.03;
                    case INSPECTOR -> 0.01;
                };
        if (rp.repeat() || r.nextDouble() < cancelShare) {
            k.emit(CaseEventType.CANCELLED, minutes(5, 40), null, 0, rp.repeat() ? "重复上报，不予立案" : "核实不属实，不予立案");
            count("planned.cancelled", 1);
            return;
        }
        if (!k.emit(CaseEventType.REGISTERED, minutes(3, 40))) {
            return;
        }
        Category c = rp.category();
        String correct = c.streetLevel() ? String.format("JD%02d", k.street + 1) : c.department();
        int wrong = r.nextDouble() < 0.05 ? (r.nextDouble() < 0.15 ? 2 : 1) : 0;
        long delay = minutes(5, 60);
        for (int i = 0; i < wrong; i++) {
            String w = wrongDepartment(correct);
            if (!k.emit(CaseEventType.DISPATCHED, delay, w, 0, null)) {
                return;
            }
            if (!k.emit(CaseEventType.RETURNED, 3600L + r.nextInt(9 * 3600), w, 0, "非本单位职责，申请回退")) {
                return;
            }
            count("planned.returned", 1);
            delay = minutes(10, 90);
        }
        boolean explicit = r.nextDouble() < 0.1;
        long dispatchAt = k.t + Math.max(60, delay);
        long dl = deadline(dispatchAt, c);
        if (explicit && r.nextBoolean()) {
            dl = Math.max(
                    dispatchAt + 1800, dispatchAt + (dl - dispatchAt) / 2); // a tighter deadline set by the dispatcher
        }
        if (!k.emit(CaseEventType.DISPATCHED, delay, correct, explicit ? dl : 0, null)) {
            return;
        }
        long from = k.t;
        double x = r.nextDouble();
        boolean suspend = x < 0.01;
        boolean postpone = !suspend && x < 0.03;
        if (postpone) {
            long at = (long) ((dl - from) * (0.2 + 0.5 * r.nextDouble()));
            long newDl = deadline(dl, c);
            if (!k.emit(CaseEventType.POSTPONED, at, null, newDl, "情况复杂，申请延期")) {
                return;
            }
            count("planned.postponed", 1);
            dl = newDl;
        }
        if (suspend) {
            long at = (long) ((dl - from) * (0.1 + 0.4 * r.nextDouble()));
            if (!k.emit(CaseEventType.SUSPENDED, at, null, 0, "涉及产权纠纷，挂账处理")) {
                return;
            }
            count("planned.suspended", 1);
            long st = k.t;
            if (!k.emit(CaseEventType.RESUMED, 86_400L + r.nextInt(5 * 86_400))) {
                return;
            }
            dl += k.t - st;
            from = k.t;
        }
        boolean stuck = r.nextDouble() < 0.025;
        boolean late = !stuck && r.nextDouble() < 0.07;
        if (stuck) {
            count("planned.neverDisposed", 1);
            if (r.nextBoolean() && dl + 3600 > k.t) {
                k.emit(CaseEventType.SUPERVISED, dl - k.t + 3600 + r.nextInt(24 * 3600), null, 0, "超期未处置，督办");
            }
            return;
        }
        long disposal = disposalTime(from, dl, c, late);
        if (late) {
            count("planned.late", 1);
            if (r.nextBoolean()) {
                long sup = dl + (long) ((disposal - dl) * (0.1 + 0.4 * r.nextDouble()));
                if (sup - k.t > 60 && disposal - sup > 120) {
                    if (!k.emit(CaseEventType.SUPERVISED, sup - k.t, null, 0, "超期未处置，督办")) {
                        return;
                    }
                }
            }
        }
        if (!k.emit(CaseEventType.DISPOSED, disposal - k.t, null, 0, "已处置")) {
            return;
        }
        int reworks = r.nextDouble() < 0.03 ? (r.nextDouble() < 0.12 ? 2 : 1) : 0;
        for (int i = 0; i < reworks; i++) {
            boolean withDeadline = r.nextBoolean();
            long at = fieldDelay(k.t, minutes(20, 240));
            long reworkDl = withDeadline ? deadline(k.t + at, c) : 0;
            if (!k.emit(CaseEventType.REWORK, at, null, reworkDl, "核查未通过，返工")) {
                return;
            }
            count("planned.rework", 1);
            long target = withDeadline ? reworkDl : Math.max(dl, k.t + 3600);
            if (!k.emit(CaseEventType.DISPOSED, disposalTime(k.t, target, c, false) - k.t, null, 0, "已重新处置")) {
                return;
            }
        }
        if (!k.emit(CaseEventType.CHECKED, fieldDelay(k.t, minutes(20, 240)))) {
            return;
        }
        k.emit(CaseEventType.CLOSED, minutes(5, 60));
    }

    private long disposalTime(long from, long deadline, Category c, boolean late) {
        long span = Math.max(600, deadline - from);
        long t;
        if (late) {
            t = deadline + 600 + (long) (span * (0.1 + 1.5 * r.nextDouble()));
        } else {
            t = from + (long) (span * (0.15 + 0.8 * r.nextDouble()));
            if (!c.limit().endsWith("h") || c.limit().endsWith("wh")) {
                // departments work by day: move a night-time disposal to the next morning if still in time
                LocalDateTime local = LocalDateTime.ofEpochSecond(t, 0, JsonText.CST);
                int h = local.getHour();
                if (h < 7 || h >= 21) {
                    long morning = t
                            - local.toLocalTime().toSecondOfDay()
                            + (h >= 21 ? 86_400 : 0)
                            + 8 * 3600
                            + r.nextInt(3600);
                    if (morning < deadline) {
                        t = morning;
                    }
                }
            }
        }
        return Math.max(from + 600, t);
    }

    private String wrongDepartment(String correct) {
        while (true) {
            Department d = departments.get(1 + r.nextInt(departments.size() - 1));
            if (!d.code().equals(correct) && !d.code().equals("GAJ")) {
                return d.code();
            }
        }
    }

    private String address(double x, double y, Community c) {
        int ew = Math.floorMod((int) Math.floor((y + 9000) / 900), EW_ROADS.length);
        int ns = Math.floorMod((int) Math.floor((x + 10000) / 900), NS_ROADS.length);
        String area = "";
        if (c != null) {
            var st = city.streets.get(c.street());
            area = city.districts.get(st.district()).name() + st.name() + c.name();
        }
        boolean crossing = Math.floorMod((int) (x / 97) + (int) (y / 89), 3) == 0;
        return area
                + (crossing
                        ? EW_ROADS[ew] + "与" + NS_ROADS[ns] + "交叉口"
                        : EW_ROADS[ew] + (1 + Math.floorMod((int) (x / 23), 300)) + "号")
                + "附近";
    }

    private static String description(Report rp, String address) {
        String name = rp.category().name();
        return switch (rp.source()) {
                    case INSPECTOR -> "巡查发现" + name;
                    case HOTLINE_12345 -> "市民致电12345反映" + name + "，请尽快处理";
                    case HOTLINE_12319 -> "市民致电12319反映" + name;
                    case VIDEO -> "视频智能识别：疑似" + name;
                    case PUBLIC_APP -> "随手拍：" + name;
                    case DRONE -> "无人机巡查发现" + name;
                    case SENSOR -> "物联感知告警：" + name;
                }
                + (rp.note() == null ? "" : "（" + rp.note() + "）");
    }
}

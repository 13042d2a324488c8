package io.gridpulse.domain.calendar;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A city's working calendar (工作日历): working periods of a day, weekend days, statutory holidays
 * and make-up working days (调休), in one time zone. It turns the catalogue's time limits into
 * deadlines.
 *
 * <p>Rules (contracts.md, "Working calendar"):
 *
 * <ul>
 *   <li>A day is a working day if it is listed in {@code workdays}; else it is not if it is listed
 *       in {@code holidays} or is a weekend day; else it is.
 *   <li>{@code Nh}: N natural hours after the start (the clock runs day and night).
 *   <li>{@code Nwh}: the instant at which N hours of working time have passed since the start;
 *       when the start is outside working time, counting begins at the next working period. A
 *       deadline that ends exactly at the end of a period is that end, never the start of the next
 *       period.
 *   <li>{@code Nwd}: N x {@link #workingDayLength()} of working time, counted like {@code Nwh}.
 * </ul>
 *
 * <p>Working periods are local wall-clock times of the calendar's zone and may not cross midnight
 * (write {@code ["22:00","24:00"]} and {@code ["00:00","02:00"]} instead). Working time is real
 * elapsed time: on a day when daylight saving time changes inside a period, that period lasts its
 * real length, while {@link #workingDayLength()} is the nominal one. Searches are bounded: no
 * working day within {@value #MAX_IDLE_DAYS} consecutive days, or a deadline more than
 * {@value #MAX_YEARS} years away, is an error rather than an endless loop.
 *
 * <p>Immutable and thread-safe; serializable so a job can ship it to its tasks.
 */
public final class WorkCalendar implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Default zone of the contract when a calendar file does not name one. */
    public static final String DEFAULT_ZONE = "Asia/Shanghai";

    static final int MAX_IDLE_DAYS = 3 * 366;
    static final int MAX_YEARS = 100;

    private static final Pattern HH_MM = Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$");
    private static final Set<String> KNOWN_FIELDS =
            Set.of("timezone", "workingHours", "weekend", "holidays", "workdays");
    private static final int DAY_SECONDS = 24 * 3600;

    private final ZoneId zone;
    /** Pairs of seconds of day, [start0, end0, start1, end1, ...], ascending; an end may be 86400. */
    private final int[] periods;

    private final Set<DayOfWeek> weekend;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;
    private final long dayLengthMillis;

    private WorkCalendar(
            ZoneId zone, int[] periods, Set<DayOfWeek> weekend, Set<LocalDate> holidays, Set<LocalDate> workdays) {
        this.zone = zone;
        this.periods = periods;
        this.weekend = weekend;
        this.holidays = holidays;
        this.workdays = workdays;
        long seconds = 0;
        for (int i = 0; i < periods.length; i += 2) {
            seconds += periods[i + 1] - periods[i];
        }
        this.dayLengthMillis = seconds * 1000L;
    }

    /**
     * Reads a calendar file: {@code {"timezone": "Asia/Shanghai", "workingHours":
     * [["08:00","12:00"],["14:00","18:00"]], "weekend": ["SATURDAY","SUNDAY"], "holidays":
     * ["2026-10-01"], "workdays": ["2026-09-20"]}}. {@code timezone} defaults to {@value
     * #DEFAULT_ZONE}; {@code holidays} and {@code workdays} default to none; {@code workingHours}
     * and {@code weekend} are required (an empty weekend is written {@code []}).
     *
     * @throws IllegalArgumentException naming the field and the value at fault
     */
    public static WorkCalendar parse(byte[] json) {
        JsonNode root;
        try {
            ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            root = mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("calendar: not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("calendar: expected a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!KNOWN_FIELDS.contains(name)) {
                throw new IllegalArgumentException("calendar: unknown field '" + name
                        + "' (known: timezone, workingHours, weekend," + " holidays, workdays)");
            }
        }
        ZoneId zone = parseZone(root.get("timezone"));
        int[] periods = parsePeriods(root.get("workingHours"));
        Set<DayOfWeek> weekend = parseWeekend(root.get("weekend"));
        Set<LocalDate> holidays = parseDates(root.get("holidays"), "holidays");
        Set<LocalDate> workdays = parseDates(root.get("workdays"), "workdays");
        return new WorkCalendar(zone, periods, weekend, holidays, workdays);
    }

    private static ZoneId parseZone(JsonNode node) {
        if (node == null || node.isNull()) {
            return ZoneId.of(DEFAULT_ZONE);
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException("calendar: timezone must be a string like \"Asia/Shanghai\"");
        }
        try {
            return ZoneId.of(node.asText());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "calendar: unknown timezone '" + node.asText() + "' (expected an IANA name like Asia/Shanghai)", e);
        }
    }

    private static int[] parsePeriods(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException(
                    "calendar: workingHours must be a non-empty array of [\"HH:mm\",\"HH:mm\"] periods");
        }
        int[] out = new int[node.size() * 2];
        for (int i = 0; i < node.size(); i++) {
            JsonNode p = node.get(i);
            if (!p.isArray()
                    || p.size() != 2
                    || !p.get(0).isTextual()
                    || !p.get(1).isTextual()) {
                throw new IllegalArgumentException("calendar: workingHours[" + i
                        + "] must be a pair of strings like [\"08:00\",\"12:00\"], got " + p);
            }
            String from = p.get(0).asText();
            String to = p.get(1).asText();
            int start = secondsOfDay(from, i);
            int end = secondsOfDay(to, i);
            if (start == DAY_SECONDS) {
                throw new IllegalArgumentException("calendar: workingHours[" + i + "] cannot start at 24:00");
            }
            if (end < start) {
                throw new IllegalArgumentException("calendar: workingHours[" + i + "] " + from + "-" + to
                        + " crosses midnight; periods must not: split it into [\"" + from
                        + "\",\"24:00\"] and [\"00:00\",\"" + to + "\"]");
            }
            if (end == start) {
                throw new IllegalArgumentException(
                        "calendar: workingHours[" + i + "] " + from + "-" + to + " is empty");
            }
            if (i > 0 && start < out[2 * i - 1]) {
                throw new IllegalArgumentException("calendar: workingHours[" + i + "] " + from + "-" + to
                        + " overlaps or precedes the period before it; list periods in order, without overlap");
            }
            out[2 * i] = start;
            out[2 * i + 1] = end;
        }
        return out;
    }

    private static int secondsOfDay(String text, int index) {
        if (!HH_MM.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    "calendar: workingHours[" + index + "]: '" + text + "' is not a time HH:mm (00:00 to 24:00)");
        }
        return Integer.parseInt(text.substring(0, 2)) * 3600 + Integer.parseInt(text.substring(3)) * 60;
    }

    private static Set<DayOfWeek> parseWeekend(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(
                    "calendar: weekend must be an array of day names like [\"SATURDAY\",\"SUNDAY\"] ([] for none)");
        }
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (JsonNode d : node) {
            String name = d.isTextual() ? d.asText() : String.valueOf(d);
            try {
                out.add(DayOfWeek.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "calendar: weekend: unknown day name '" + name + "' (expected MONDAY ... SUNDAY)", e);
            }
        }
        return out;
    }

    private static Set<LocalDate> parseDates(JsonNode node, String field) {
        Set<LocalDate> out = new HashSet<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("calendar: " + field + " must be an array of dates like \"2026-10-01\"");
        }
        for (JsonNode d : node) {
            if (!d.isTextual()) {
                throw new IllegalArgumentException("calendar: " + field + ": " + d + " is not a date string");
            }
            try {
                out.add(LocalDate.parse(d.asText()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "calendar: " + field + ": '" + d.asText() + "' is not a date yyyy-MM-dd", e);
            }
        }
        return out;
    }

    /** The zone in which days, working periods, months and hours of day are reckoned. */
    public ZoneId zone() {
        return zone;
    }

    /** Nominal working time of one working day (the sum of its periods); the unit of {@code Nwd}. */
    public Duration workingDayLength() {
        return Duration.ofMillis(dayLengthMillis);
    }

    /** Workdays list first, then holidays and weekend, else a working day. */
    public boolean isWorkingDay(LocalDate day) {
        if (workdays.contains(day)) {
            return true;
        }
        return !holidays.contains(day) && !weekend.contains(day.getDayOfWeek());
    }

    /**
     * The deadline for a time limit starting at {@code startMillis} (epoch milliseconds).
     *
     * @throws IllegalStateException when the calendar has no working day within {@value
     *     #MAX_IDLE_DAYS} days, or the deadline would lie more than {@value #MAX_YEARS} years ahead
     */
    public long deadline(long startMillis, TimeLimit limit) {
        return switch (limit.unit()) {
            case HOURS -> Math.addExact(startMillis, limit.amount() * 3_600_000L);
            case WORKING_HOURS -> addWorkingTime(startMillis, limit.amount() * 3_600_000L);
            case WORKING_DAYS -> addWorkingTime(startMillis, Math.multiplyExact(limit.amount(), dayLengthMillis));
        };
    }

    /**
     * The instant at which {@code workMillis} (> 0) of working time have passed since {@code
     * startMillis}.
     */
    long addWorkingTime(long startMillis, long workMillis) {
        if (workMillis <= 0) {
            throw new IllegalArgumentException("working time to add must be positive, got " + workMillis);
        }
        LocalDate day = Instant.ofEpochMilli(startMillis).atZone(zone).toLocalDate();
        LocalDate horizon = day.plusYears(MAX_YEARS);
        long remaining = workMillis;
        int idle = 0;
        while (true) {
            if (isWorkingDay(day)) {
                idle = 0;
                long dayStart = instant(day, periods[0]);
                long dayWork = dayStart >= startMillis ? workingMillisOf(day) : -1;
                if (dayWork >= 0 && remaining > dayWork) {
                    remaining -= dayWork; // a whole working day after the start: skip it at once
                } else {
                    for (int i = 0; i < periods.length; i += 2) {
                        long end = instant(day, periods[i + 1]);
                        if (end <= startMillis) {
                            continue;
                        }
                        long from = Math.max(instant(day, periods[i]), startMillis);
                        long available = end - from;
                        if (remaining <= available) {
                            return from + remaining;
                        }
                        remaining -= available;
                    }
                }
            } else if (++idle > MAX_IDLE_DAYS) {
                throw new IllegalStateException(
                        "calendar has no working day in the " + MAX_IDLE_DAYS + " days before " + day);
            }
            day = day.plusDays(1);
            if (day.isAfter(horizon)) {
                throw new IllegalStateException("deadline more than " + MAX_YEARS + " years after "
                        + Instant.ofEpochMilli(startMillis) + "; time limit too long for this calendar");
            }
        }
    }

    /**
     * Working time between two instants (epoch milliseconds), in milliseconds; negative when {@code
     * to} is before {@code from}.
     */
    public long workingMillisBetween(long from, long to) {
        if (to < from) {
            return -workingMillisBetween(to, from);
        }
        LocalDate day = Instant.ofEpochMilli(from).atZone(zone).toLocalDate();
        LocalDate last = Instant.ofEpochMilli(to).atZone(zone).toLocalDate();
        long total = 0;
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (int i = 0; i < periods.length; i += 2) {
                long start = Math.max(instant(day, periods[i]), from);
                long end = Math.min(instant(day, periods[i + 1]), to);
                if (end > start) {
                    total += end - start;
                }
            }
        }
        return total;
    }

    /** Real working time of a working day (differs from the nominal length on DST change days). */
    private long workingMillisOf(LocalDate day) {
        long sum = 0;
        for (int i = 0; i < periods.length; i += 2) {
            sum += instant(day, periods[i + 1]) - instant(day, periods[i]);
        }
        return sum;
    }

    /** The instant of a local time of day; a time in a DST gap moves forward, as java.time does. */
    private long instant(LocalDate day, int secondOfDay) {
        ZonedDateTime t = secondOfDay == DAY_SECONDS
                ? day.plusDays(1).atStartOfDay(zone)
                : ZonedDateTime.of(day, LocalTime.ofSecondOfDay(secondOfDay), zone);
        return t.toInstant().toEpochMilli();
    }

    /** Working periods as local times, for display; {@code 24:00} is shown as {@link LocalTime#MAX}. */
    public List<Map.Entry<LocalTime, LocalTime>> workingPeriods() {
        List<Map.Entry<LocalTime, LocalTime>> out = new ArrayList<>();
        for (int i = 0; i < periods.length; i += 2) {
            LocalTime end = periods[i + 1] == DAY_SECONDS ? LocalTime.MAX : LocalTime.ofSecondOfDay(periods[i + 1]);
            out.add(Map.entry(LocalTime.ofSecondOfDay(periods[i]), end));
        }
        return out;
    }

    @Override
    public String toString() {
        return "WorkCalendar[" + zone + ", " + workingPeriods().size() + " periods, " + workingDayLength()
                + " a day, weekend " + weekend + ", " + holidays.size() + " holidays, " + workdays.size()
                + " make-up workdays]";
    }
}

package io.gridpulse.demo.city;

import io.gridpulse.demo.feed.JsonText;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The demo city's working calendar for 2025 and 2026: China's statutory holidays and make-up
 * working days (调休) as published by the State Council (2025: 国办发明电〔2024〕12号 of 2024-11-12;
 * 2026: of 2025-11-04), working hours 08:00-12:00 and 14:00-18:00. 2025 is there for the year
 * benchmark, whose twelve months end before the current one. Also a simple working-time clock the generator uses to plan on-time and late
 * disposals (the engine computes the exact deadlines itself). Immutable and thread-safe.
 */
public final class WorkCalendar {

    private static final String[][] HOLIDAY_RANGES = {
        {"2025-01-01", "2025-01-01"}, // 元旦
        {"2025-01-28", "2025-02-04"}, // 春节
        {"2025-04-04", "2025-04-06"}, // 清明节
        {"2025-05-01", "2025-05-05"}, // 劳动节
        {"2025-05-31", "2025-06-02"}, // 端午节
        {"2025-10-01", "2025-10-08"}, // 国庆节、中秋节
        {"2026-01-01", "2026-01-03"}, // 元旦
        {"2026-02-15", "2026-02-23"}, // 春节
        {"2026-04-04", "2026-04-06"}, // 清明节
        {"2026-05-01", "2026-05-05"}, // 劳动节
        {"2026-06-19", "2026-06-21"}, // 端午节
        {"2026-09-25", "2026-09-27"}, // 中秋节
        {"2026-10-01", "2026-10-07"} // 国庆节
    };
    private static final String[] WORKDAYS = {
        "2025-01-26",
        "2025-02-08",
        "2025-04-27",
        "2025-09-28",
        "2025-10-11",
        "2026-01-04",
        "2026-02-14",
        "2026-02-28",
        "2026-05-09",
        "2026-09-20",
        "2026-10-10"
    };
    /** Working periods as seconds of the day. */
    private static final int[][] PERIODS = {{8 * 3600, 12 * 3600}, {14 * 3600, 18 * 3600}};

    public static final long WORKING_SECONDS_PER_DAY = 8 * 3600;

    /** The years whose holidays and make-up days are listed; other years would be plain weeks. */
    public static final int FIRST_YEAR = 2025;

    public static final int LAST_YEAR = 2026;

    private final Set<LocalDate> holidays = new TreeSet<>();
    private final Set<LocalDate> workdays = new TreeSet<>();

    public WorkCalendar() {
        for (String[] r : HOLIDAY_RANGES) {
            for (LocalDate d = LocalDate.parse(r[0]); !d.isAfter(LocalDate.parse(r[1])); d = d.plusDays(1)) {
                holidays.add(d);
            }
        }
        for (String w : WORKDAYS) {
            workdays.add(LocalDate.parse(w));
        }
    }

    public boolean isWorkingDay(LocalDate d) {
        if (workdays.contains(d)) {
            return true;
        }
        if (holidays.contains(d)) {
            return false;
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Whether the calendar lists the holidays of {@code year} (a month outside would be wrong, silently). */
    public static boolean covers(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    public boolean isHoliday(LocalDate d) {
        return holidays.contains(d);
    }

    /** The instant at which {@code seconds} of working time have passed since {@code from}. */
    public long addWorking(long from, long seconds) {
        long remaining = seconds;
        LocalDateTime local = LocalDateTime.ofEpochSecond(from, 0, JsonText.CST);
        LocalDate day = local.toLocalDate();
        long dayStart = from - local.toLocalTime().toSecondOfDay();
        long t = from;
        for (int guard = 0; guard < 3660; guard++) {
            if (isWorkingDay(day)) {
                for (int[] p : PERIODS) {
                    long start = Math.max(t, dayStart + p[0]);
                    long end = dayStart + p[1];
                    if (start >= end) {
                        continue;
                    }
                    if (end - start >= remaining) {
                        return start + remaining;
                    }
                    remaining -= end - start;
                }
            }
            day = day.plusDays(1);
            dayStart += 86_400;
            t = dayStart;
        }
        throw new IllegalStateException("working time beyond ten years: " + seconds + " s from " + from);
    }

    /** Whether {@code t} falls inside a working period. */
    public boolean inWorkingHours(long t) {
        LocalDateTime local = LocalDateTime.ofEpochSecond(t, 0, JsonText.CST);
        if (!isWorkingDay(local.toLocalDate())) {
            return false;
        }
        int s = local.toLocalTime().toSecondOfDay();
        for (int[] p : PERIODS) {
            if (s >= p[0] && s < p[1]) {
                return true;
            }
        }
        return false;
    }

    /** The contract's calendar.json. */
    public String toJson() {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"timezone\": \"Asia/Shanghai\",\n");
        sb.append("  \"workingHours\": [[\"08:00\", \"12:00\"], [\"14:00\", \"18:00\"]],\n");
        sb.append("  \"weekend\": [\"SATURDAY\", \"SUNDAY\"],\n");
        sb.append("  \"holidays\": ").append(list(holidays)).append(",\n");
        sb.append("  \"workdays\": ").append(list(workdays)).append("\n}\n");
        return sb.toString();
    }

    public List<LocalDate> holidays() {
        return List.copyOf(holidays);
    }

    public List<LocalDate> workdays() {
        return List.copyOf(workdays);
    }

    private static String list(Set<LocalDate> days) {
        List<String> quoted = new ArrayList<>();
        for (LocalDate d : days) {
            quoted.add("\"" + d + "\"");
        }
        return "[" + String.join(", ", quoted) + "]";
    }
}

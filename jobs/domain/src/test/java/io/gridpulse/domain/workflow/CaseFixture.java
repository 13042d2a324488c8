package io.gridpulse.domain.workflow;

import io.gridpulse.domain.calendar.TimeLimit;
import io.gridpulse.domain.calendar.WorkCalendar;
import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.CaseEventType;
import io.gridpulse.domain.model.CaseSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Map;

/** Events of test cases, written in Beijing time; the China 2026 calendar and a small catalogue. */
final class CaseFixture {

    static final String CASE = "3201020012026100001";
    /** Exposed garbage (暴露垃圾): 4 working hours. */
    static final String GARBAGE = "0101";
    /** Missing manhole cover (井盖缺失): 2 natural hours. */
    static final String MANHOLE = "0201";
    /** Accumulated muck (渣土堆积): 4 working days. */
    static final String MUCK = "0105";
    /** A category the catalogue gives no limit. */
    static final String NO_LIMIT = "9999";

    static final CategoryLimits LIMITS = CategoryLimits.of(Map.of(
            GARBAGE, TimeLimit.parse("4wh"),
            MANHOLE, TimeLimit.parse("2h"),
            MUCK, TimeLimit.parse("4wd")));

    static final WorkCalendar CALENDAR = calendar();

    private CaseFixture() {}

    private static WorkCalendar calendar() {
        try (InputStream in = CaseFixture.class.getResourceAsStream("/calendar/china-2026.json")) {
            return WorkCalendar.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Epoch millis of a Beijing local date-time like "2026-10-13T09:00". */
    static long bj(String local) {
        return OffsetDateTime.parse(local + "+08:00").toInstant().toEpochMilli();
    }

    static CaseEvent event(String id, CaseEventType type, long time, String department, Long deadline) {
        return new CaseEvent(
                id, CASE, type, time, null, null, null, null, null, department, deadline, null, null, null, null);
    }

    static CaseEvent reported(String id, String time, String category) {
        return reported(id, bj(time), category);
    }

    static CaseEvent reported(String id, long time, String category) {
        return new CaseEvent(
                id,
                CASE,
                CaseEventType.REPORTED,
                time,
                CaseSource.INSPECTOR,
                category,
                118.7969,
                32.0603,
                Crs.GCJ02,
                null,
                null,
                "INS-007",
                null,
                null,
                null);
    }

    static CaseEvent at(String id, CaseEventType type, String time) {
        return event(id, type, bj(time), null, null);
    }

    static CaseEvent dispatched(String id, String time, String department) {
        return event(id, CaseEventType.DISPATCHED, bj(time), department, null);
    }

    static CaseEvent dispatched(String id, String time, String department, String deadline) {
        return event(id, CaseEventType.DISPATCHED, bj(time), department, bj(deadline));
    }

    static CaseEvent returned(String id, String time, String department) {
        return event(id, CaseEventType.RETURNED, bj(time), department, null);
    }

    static CaseEvent rework(String id, String time, String deadline) {
        return event(id, CaseEventType.REWORK, bj(time), null, deadline == null ? null : bj(deadline));
    }

    static CaseEvent postponed(String id, String time, String deadline) {
        return event(id, CaseEventType.POSTPONED, bj(time), null, bj(deadline));
    }

    static CaseTimeline timeline(CaseEvent... events) {
        return CaseTimeline.of(java.util.List.of(events));
    }

    static CaseState replay(CaseTimeline timeline, String asOf) {
        return CaseStateMachine.replay(timeline, LIMITS, CALENDAR, bj(asOf));
    }
}

package io.gridpulse.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The China 2026 test calendar follows 国务院办公厅关于2026年部分节假日安排的通知 (State Council, 4 Nov
 * 2025, as published by Xinhua): New Year Jan 1-3 (Jan 4 Sunday works); Spring Festival Feb
 * 15-23 (Feb 14 and Feb 28, Saturdays, work); Qingming Apr 4-6; Labour Day May 1-5 (May 9
 * Saturday works); Dragon Boat Jun 19-21; Mid-Autumn Sep 25-27; National Day Oct 1-7 (Sep 20
 * Sunday and Oct 10 Saturday work).
 */
class WorkCalendarTest {

    static final WorkCalendar CHINA_2026 = WorkCalendar.parse(resource("/calendar/china-2026.json"));

    static byte[] resource(String name) {
        try (InputStream in = WorkCalendarTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Epoch millis of a Beijing-time ISO local date-time like "2026-10-13T10:00". */
    static long bj(String local) {
        return OffsetDateTime.parse(local + "+08:00").toInstant().toEpochMilli();
    }

    static long deadline(String startBeijing, String limit) {
        return CHINA_2026.deadline(bj(startBeijing), TimeLimit.parse(limit));
    }

    @Nested
    class WorkingDays {
        @Test
        void ordinary_weekday_and_weekend() {
            assertThat(CHINA_2026.isWorkingDay(LocalDate.parse("2026-10-13"))).isTrue(); // Tuesday
            assertThat(CHINA_2026.isWorkingDay(LocalDate.parse("2026-10-17"))).isFalse(); // Saturday
        }

        @Test
        void statutory_holiday_on_a_weekday_is_not_a_working_day() {
            assertThat(CHINA_2026.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse(); // Thursday
            assertThat(CHINA_2026.isWorkingDay(LocalDate.parse("2026-02-23"))).isFalse(); // Monday
        }

        @Test
        void make_up_weekend_days_are_working_days() {
            assertThat(CHINA_2026.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue(); // Saturday
            assertThat(CHINA_2026.isWorkingDay(LocalDate.parse("2026-09-20"))).isTrue(); // Sunday
            assertThat(CHINA_2026.isWorkingDay(LocalDate.parse("2026-01-04"))).isTrue(); // Sunday
        }

        @Test
        void a_date_listed_in_both_lists_is_a_working_day() {
            WorkCalendar c = WorkCalendar.parse(
                    """
                    {"workingHours": [["09:00","17:00"]], "weekend": [],
                     "holidays": ["2026-03-02"], "workdays": ["2026-03-02"]}"""
                            .getBytes(StandardCharsets.UTF_8));
            assertThat(c.isWorkingDay(LocalDate.parse("2026-03-02"))).isTrue();
            assertThat(c.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        }
    }

    @Nested
    class WorkingHours {
        @Test
        void start_inside_a_period_carries_over_the_lunch_break() {
            assertThat(deadline("2026-10-13T10:00", "4wh")).isEqualTo(bj("2026-10-13T16:00"));
        }

        @Test
        void start_in_the_lunch_break_counts_from_14_00() {
            assertThat(deadline("2026-10-13T12:30", "3wh")).isEqualTo(bj("2026-10-13T17:00"));
        }

        @Test
        void start_at_23_10_counts_from_the_next_morning() {
            assertThat(deadline("2026-10-13T23:10", "2wh")).isEqualTo(bj("2026-10-14T10:00"));
        }

        @Test
        void start_before_dawn_counts_from_08_00_the_same_day() {
            assertThat(deadline("2026-10-14T05:00", "1wh")).isEqualTo(bj("2026-10-14T09:00"));
        }

        @Test
        void start_exactly_at_08_00_ends_exactly_at_12_00_not_14_00() {
            assertThat(deadline("2026-10-13T08:00", "4wh")).isEqualTo(bj("2026-10-13T12:00"));
        }

        @Test
        void start_exactly_at_12_00_counts_from_14_00() {
            assertThat(deadline("2026-10-13T12:00", "4wh")).isEqualTo(bj("2026-10-13T18:00"));
            assertThat(deadline("2026-10-13T12:00", "1wh")).isEqualTo(bj("2026-10-13T15:00"));
        }

        @Test
        void start_exactly_at_18_00_counts_from_the_next_working_morning() {
            assertThat(deadline("2026-10-13T18:00", "1wh")).isEqualTo(bj("2026-10-14T09:00"));
        }

        @Test
        void deadline_ending_exactly_at_18_00_is_18_00_not_the_next_morning() {
            assertThat(deadline("2026-10-13T14:00", "4wh")).isEqualTo(bj("2026-10-13T18:00"));
            assertThat(deadline("2026-10-13T08:00", "8wh")).isEqualTo(bj("2026-10-13T18:00"));
        }

        @Test
        void a_start_one_millisecond_before_12_00_ends_one_millisecond_into_the_afternoon() {
            long start = bj("2026-10-13T12:00") - 1;
            assertThat(CHINA_2026.deadline(start, TimeLimit.parse("1wh"))).isEqualTo(bj("2026-10-13T15:00") - 1);
        }

        @Test
        void friday_evening_runs_over_the_weekend() {
            assertThat(deadline("2026-10-16T17:00", "2wh")).isEqualTo(bj("2026-10-19T09:00"));
        }

        @Test
        void start_on_a_holiday_counts_from_the_first_working_day_after_it() {
            assertThat(deadline("2026-10-05T09:00", "1wh")).isEqualTo(bj("2026-10-08T09:00"));
        }

        @Test
        void holiday_eve_evening_before_national_day_week() {
            // Sep 30 (Wednesday) 19:00: Oct 1-7 are holidays, Oct 8 is the next working day
            assertThat(deadline("2026-09-30T19:00", "4wh")).isEqualTo(bj("2026-10-08T12:00"));
            assertThat(deadline("2026-09-30T19:00", "1wd")).isEqualTo(bj("2026-10-08T18:00"));
            assertThat(deadline("2026-09-30T17:00", "4wh")).isEqualTo(bj("2026-10-08T11:00"));
        }

        @Test
        void make_up_saturday_after_national_day_is_worked() {
            // Friday Oct 9 17:00: 1 h that day, then Saturday Oct 10 is a 调休 working day
            assertThat(deadline("2026-10-09T17:00", "4wh")).isEqualTo(bj("2026-10-10T11:00"));
        }

        @Test
        void make_up_sunday_before_mid_autumn_is_worked() {
            assertThat(deadline("2026-09-19T10:00", "2wh")).isEqualTo(bj("2026-09-20T10:00"));
        }

        @Test
        void mid_autumn_friday_to_sunday_is_skipped() {
            assertThat(deadline("2026-09-24T17:00", "2wh")).isEqualTo(bj("2026-09-28T09:00"));
        }

        @Test
        void year_end_runs_into_the_new_year_holiday_and_its_make_up_sunday() {
            // Dec 31 2025 (Wednesday) is an ordinary working day; Jan 1-3 2026 are holidays;
            // Jan 4 (Sunday) is a make-up working day
            assertThat(deadline("2025-12-31T16:00", "4wh")).isEqualTo(bj("2026-01-04T10:00"));
            assertThat(deadline("2025-12-31T18:00", "8wh")).isEqualTo(bj("2026-01-04T18:00"));
        }

        @Test
        void spring_festival_week_is_skipped_with_its_two_make_up_saturdays() {
            // Feb 13 (Friday) 17:00: 1 h, Feb 14 (Saturday, make-up) 8 h, Feb 15-23 holidays
            assertThat(deadline("2026-02-13T17:00", "10wh")).isEqualTo(bj("2026-02-24T09:00"));
        }
    }

    @Nested
    class NaturalHoursAndWorkingDays {
        @Test
        void natural_hours_run_across_a_weekend_and_a_holiday() {
            assertThat(deadline("2026-10-16T17:00", "72h")).isEqualTo(bj("2026-10-19T17:00"));
            assertThat(deadline("2026-09-30T23:10", "2h")).isEqualTo(bj("2026-10-01T01:10"));
        }

        @Test
        void working_days_are_n_times_eight_working_hours() {
            assertThat(CHINA_2026.workingDayLength()).isEqualTo(Duration.ofHours(8));
            // Tue 10:00: 6 h Tue, 8 h Wed, 8 h Thu, 2 h Fri
            assertThat(deadline("2026-10-13T10:00", "3wd")).isEqualTo(bj("2026-10-16T10:00"));
            assertThat(deadline("2026-10-13T08:00", "1wd")).isEqualTo(bj("2026-10-13T18:00"));
        }

        @Test
        void fifteen_working_days_across_national_day() {
            // from Mon Sep 21 08:00, working days: Sep 21-24 (4), Sep 28-30 (3), Oct 8, 9, 10 (3),
            // Oct 12-16 (5) = 15
            assertThat(deadline("2026-09-21T08:00", "15wd")).isEqualTo(bj("2026-10-16T18:00"));
        }

        @Test
        void a_very_large_limit_is_computed_without_looping_per_minute() {
            long start = bj("2026-01-05T08:00");
            long d = CHINA_2026.deadline(start, TimeLimit.parse("2000wd"));
            assertThat(CHINA_2026.workingMillisBetween(start, d)).isEqualTo(2000L * 8 * 3_600_000L);
        }
    }

    @Nested
    class WorkingTimeBetween {
        @Test
        void counts_only_working_periods_of_working_days() {
            assertThat(CHINA_2026.workingMillisBetween(bj("2026-09-30T10:00"), bj("2026-10-08T09:00")))
                    .isEqualTo(Duration.ofHours(2 + 4 + 1).toMillis());
            assertThat(CHINA_2026.workingMillisBetween(bj("2026-10-08T09:00"), bj("2026-09-30T10:00")))
                    .isEqualTo(-Duration.ofHours(7).toMillis());
            assertThat(CHINA_2026.workingMillisBetween(bj("2026-10-13T12:10"), bj("2026-10-13T13:50")))
                    .isZero();
        }

        @Test
        void deadline_and_working_time_between_agree_on_random_starts() {
            Random random = new Random(20260101L);
            long from = bj("2025-12-20T00:00");
            for (int i = 0; i < 2000; i++) {
                long start = from + (long) (random.nextDouble() * 400L * 86_400_000L);
                int hours = 1 + random.nextInt(100);
                long d = CHINA_2026.deadline(start, new TimeLimit(hours, TimeLimit.Unit.WORKING_HOURS));
                assertThat(CHINA_2026.workingMillisBetween(start, d)).isEqualTo(hours * 3_600_000L);
                // minimal: one millisecond earlier is not enough
                assertThat(CHINA_2026.workingMillisBetween(start, d - 1)).isEqualTo(hours * 3_600_000L - 1);
            }
        }
    }

    @Nested
    class OtherTimeZones {
        static final WorkCalendar BERLIN = WorkCalendar.parse(
                """
                {"timezone": "Europe/Berlin",
                 "workingHours": [["09:00","13:00"],["13:30","17:30"]],
                 "weekend": ["SATURDAY","SUNDAY"], "holidays": ["2026-04-03", "2026-04-06"]}"""
                        .getBytes(StandardCharsets.UTF_8));

        static long berlin(String local) {
            return ZonedDateTime.of(java.time.LocalDateTime.parse(local), ZoneId.of("Europe/Berlin"))
                    .toInstant()
                    .toEpochMilli();
        }

        @Test
        void other_zone_and_hours_across_the_spring_dst_change() {
            // Friday Mar 27 17:30 CET (+01:00), the end of the day; DST starts Sunday Mar 29; Monday 10:00 is CEST
            // (+02:00)
            long d = BERLIN.deadline(berlin("2026-03-27T17:30"), TimeLimit.parse("1wh"));
            assertThat(d).isEqualTo(berlin("2026-03-30T10:00"));
            assertThat(d)
                    .isEqualTo(OffsetDateTime.parse("2026-03-30T10:00+02:00")
                            .toInstant()
                            .toEpochMilli());
            assertThat(BERLIN.workingDayLength()).isEqualTo(Duration.ofHours(8));
        }

        @Test
        void other_zone_lunch_break_and_easter_holidays() {
            // Thursday Apr 2 12:00: 1 h before lunch, 4 h after; Good Friday, weekend, Easter Monday
            assertThat(BERLIN.deadline(berlin("2026-04-02T12:00"), TimeLimit.parse("5wh")))
                    .isEqualTo(berlin("2026-04-02T17:30"));
            assertThat(BERLIN.deadline(berlin("2026-04-02T12:00"), TimeLimit.parse("6wh")))
                    .isEqualTo(berlin("2026-04-07T10:00"));
            assertThat(BERLIN.deadline(berlin("2026-04-02T12:30"), TimeLimit.parse("1wh")))
                    .isEqualTo(berlin("2026-04-02T14:00"));
        }

        @Test
        void natural_hours_are_elapsed_time_across_dst() {
            long d = BERLIN.deadline(berlin("2026-03-28T12:00"), TimeLimit.parse("24h"));
            assertThat(d).isEqualTo(berlin("2026-03-29T13:00"));
        }

        @Test
        void a_period_containing_the_dst_gap_lasts_its_real_length() {
            WorkCalendar night = WorkCalendar.parse(
                    """
                    {"timezone": "Europe/Berlin", "workingHours": [["00:00","06:00"]], "weekend": []}"""
                            .getBytes(StandardCharsets.UTF_8));
            // 00:00-06:00 on Mar 29 is 5 real hours (02:00-03:00 does not exist)
            long d = night.deadline(berlin("2026-03-29T00:00"), TimeLimit.parse("6wh"));
            assertThat(d).isEqualTo(berlin("2026-03-30T01:00"));
            assertThat(night.workingMillisBetween(berlin("2026-03-29T00:00"), berlin("2026-03-29T12:00")))
                    .isEqualTo(Duration.ofHours(5).toMillis());
        }

        @Test
        void a_period_may_end_at_24_00() {
            WorkCalendar late = WorkCalendar.parse(
                    """
                    {"timezone": "UTC", "workingHours": [["00:00","02:00"],["22:00","24:00"]], "weekend": []}"""
                            .getBytes(StandardCharsets.UTF_8));
            long start = OffsetDateTime.parse("2026-05-01T23:00Z").toInstant().toEpochMilli();
            assertThat(late.deadline(start, TimeLimit.parse("1wh")))
                    .isEqualTo(OffsetDateTime.parse("2026-05-02T00:00Z")
                            .toInstant()
                            .toEpochMilli());
            assertThat(late.deadline(start, TimeLimit.parse("2wh")))
                    .isEqualTo(OffsetDateTime.parse("2026-05-02T01:00Z")
                            .toInstant()
                            .toEpochMilli());
            assertThat(late.workingDayLength()).isEqualTo(Duration.ofHours(4));
        }
    }

    @Test
    void survives_java_serialization_with_the_same_deadlines() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(CHINA_2026);
        }
        WorkCalendar copy;
        try (java.io.ObjectInputStream in =
                new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (WorkCalendar) in.readObject();
        }
        assertThat(copy.deadline(bj("2026-09-30T19:00"), TimeLimit.parse("1wd")))
                .isEqualTo(bj("2026-10-08T18:00"));
        assertThat(copy.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
        assertThat(copy.zone()).isEqualTo(CHINA_2026.zone());
    }

    @Nested
    class BadFiles {
        void assertRejected(String json, String messagePart) {
            assertThatThrownBy(() -> WorkCalendar.parse(json.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(messagePart);
        }

        @Test
        void overlapping_periods() {
            assertRejected(
                    "{\"workingHours\": [[\"08:00\",\"12:00\"],[\"11:00\",\"18:00\"]], \"weekend\": []}",
                    "overlaps or precedes");
        }

        @Test
        void unordered_periods() {
            assertRejected(
                    "{\"workingHours\": [[\"14:00\",\"18:00\"],[\"08:00\",\"12:00\"]], \"weekend\": []}",
                    "overlaps or precedes");
        }

        @Test
        void period_crossing_midnight() {
            assertRejected("{\"workingHours\": [[\"22:00\",\"06:00\"]], \"weekend\": []}", "crosses midnight");
        }

        @Test
        void empty_period_and_bad_times() {
            assertRejected("{\"workingHours\": [[\"08:00\",\"08:00\"]], \"weekend\": []}", "is empty");
            assertRejected("{\"workingHours\": [[\"8:00\",\"12:00\"]], \"weekend\": []}", "'8:00' is not a time");
            assertRejected("{\"workingHours\": [[\"08:00\",\"24:30\"]], \"weekend\": []}", "'24:30' is not a time");
            assertRejected("{\"workingHours\": [], \"weekend\": []}", "non-empty");
            assertRejected("{\"workingHours\": [[\"08:00\"]], \"weekend\": []}", "pair of strings");
        }

        @Test
        void bad_dates() {
            assertRejected(
                    "{\"workingHours\": [[\"08:00\",\"12:00\"]], \"weekend\": [], \"holidays\": [\"2026-02-30\"]}",
                    "holidays: '2026-02-30' is not a date");
            assertRejected(
                    "{\"workingHours\": [[\"08:00\",\"12:00\"]], \"weekend\": [], \"workdays\": [\"10/10/2026\"]}",
                    "workdays: '10/10/2026'");
        }

        @Test
        void unknown_day_name() {
            assertRejected(
                    "{\"workingHours\": [[\"08:00\",\"12:00\"]], \"weekend\": [\"SAT\"]}", "unknown day name 'SAT'");
        }

        @Test
        void bad_zone() {
            assertRejected(
                    "{\"timezone\": \"Asia/Beijing\", \"workingHours\": [[\"08:00\",\"12:00\"]], \"weekend\": []}",
                    "unknown timezone 'Asia/Beijing'");
        }

        @Test
        void unknown_field_missing_field_and_not_json() {
            assertRejected(
                    "{\"workingHours\": [[\"08:00\",\"12:00\"]], \"weekend\": [], \"holiday\": []}",
                    "unknown field 'holiday'");
            assertRejected("{\"workingHours\": [[\"08:00\",\"12:00\"]]}", "weekend must be");
            assertRejected("{\"workingHours\": [[\"08:00\",\"12:00\"]], \"weekend\": [", "not valid JSON");
            assertRejected("[]", "expected a JSON object");
        }

        @Test
        void a_calendar_without_any_working_day_fails_instead_of_looping() {
            WorkCalendar never = WorkCalendar.parse(
                    ("{\"workingHours\": [[\"08:00\",\"12:00\"]], \"weekend\": [\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\","
                                    + "\"THURSDAY\",\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"]}")
                            .getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> never.deadline(0L, TimeLimit.parse("1wh")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no working day");
        }
    }
}

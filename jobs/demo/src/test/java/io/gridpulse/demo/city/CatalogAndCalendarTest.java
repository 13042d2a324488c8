package io.gridpulse.demo.city;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.calendar.TimeLimit;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogAndCalendarTest {

    private static final ZoneOffset CST = ZoneOffset.ofHours(8);

    @Test
    void catalogueHasAtLeast40CategoriesOfBothKindsWithAllThreeUnits() {
        List<Category> cats = Catalog.categories();
        assertThat(cats).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cats)
                .extracting(Category::kind)
                .contains("EVENT", "COMPONENT")
                .containsOnly("EVENT", "COMPONENT");
        assertThat(cats)
                .extracting(c -> TimeLimit.parse(c.limit()).unit())
                .containsAll(List.of(TimeLimit.Unit.values()));
        assertThat(cats).extracting(Category::code).doesNotHaveDuplicates().allMatch(c -> c.matches("^[12][0-9]{4}$"));
        assertThat(cats).allMatch(c -> c.limit().matches("^[1-9][0-9]*(h|wh|wd)$"));
    }

    @Test
    void everyDefaultDepartmentExistsAndThereAre20To30() {
        List<Department> deps = Catalog.departments(
                List.of("a街道", "b街道", "c街道", "d街道", "e街道", "f街道", "g街道", "h街道", "i街道", "j街道", "k街道", "l街道"));
        assertThat(deps).hasSizeBetween(20, 30);
        Set<String> codes = deps.stream().map(Department::code).collect(Collectors.toSet());
        assertThat(Catalog.categories()).extracting(Category::department).allMatch(codes::contains);
        assertThat(deps).filteredOn(d -> !d.parent().isEmpty()).allMatch(d -> codes.contains(d.parent()));
    }

    @Test
    void nationalDayWeekIsOffAndItsMakeUpDaysAreWorked() {
        WorkCalendar cal = new WorkCalendar();
        for (int d = 1; d <= 7; d++) {
            assertThat(cal.isWorkingDay(LocalDate.of(2026, 10, d)))
                    .as("Oct %d", d)
                    .isFalse();
        }
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 10, 10)))
                .as("Saturday make-up day")
                .isTrue();
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 9, 20)))
                .as("Sunday make-up day")
                .isTrue();
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 10, 11)))
                .as("plain Sunday")
                .isFalse();
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 2, 23)))
                .as("last Spring Festival day, a Monday")
                .isFalse();
    }

    @Test
    void workingTimeSkipsTheHolidayWeekAndTheLunchBreak() {
        WorkCalendar cal = new WorkCalendar();
        long sep30at17 = LocalDateTime.of(2026, 9, 30, 17, 0).toEpochSecond(CST);
        assertThat(cal.addWorking(sep30at17, 2 * 3600))
                .isEqualTo(LocalDateTime.of(2026, 10, 8, 9, 0).toEpochSecond(CST));
        long at11 = LocalDateTime.of(2026, 10, 8, 11, 0).toEpochSecond(CST);
        assertThat(cal.addWorking(at11, 2 * 3600))
                .isEqualTo(LocalDateTime.of(2026, 10, 8, 15, 0).toEpochSecond(CST));
        long endOfMorning = LocalDateTime.of(2026, 10, 8, 8, 0).toEpochSecond(CST);
        assertThat(cal.addWorking(endOfMorning, 4 * 3600))
                .as("ends exactly at the end of a period")
                .isEqualTo(LocalDateTime.of(2026, 10, 8, 12, 0).toEpochSecond(CST));
    }

    @Test
    void calendarJsonHasTheContractShape() {
        String json = new WorkCalendar().toJson();
        assertThat(json)
                .contains(
                        "\"timezone\": \"Asia/Shanghai\"",
                        "[\"08:00\", \"12:00\"]",
                        "\"2026-10-07\"",
                        "\"2026-10-10\"");
    }

    @Test
    void the2025SpringFestivalAndNationalDayAreOffAndTheirMakeUpDaysAreWorked() {
        WorkCalendar cal = new WorkCalendar();
        assertThat(cal.isWorkingDay(LocalDate.of(2025, 1, 28)))
                .as("Spring Festival eve")
                .isFalse();
        assertThat(cal.isWorkingDay(LocalDate.of(2025, 2, 4)))
                .as("last day of Spring Festival")
                .isFalse();
        assertThat(cal.isWorkingDay(LocalDate.of(2025, 1, 26)))
                .as("Sunday make-up day")
                .isTrue();
        assertThat(cal.isWorkingDay(LocalDate.of(2025, 2, 8)))
                .as("Saturday make-up day")
                .isTrue();
        assertThat(cal.isWorkingDay(LocalDate.of(2025, 10, 8)))
                .as("National Day and Mid-Autumn, day 8")
                .isFalse();
        assertThat(cal.isWorkingDay(LocalDate.of(2025, 10, 11)))
                .as("Saturday make-up day")
                .isTrue();
        assertThat(cal.isWorkingDay(LocalDate.of(2025, 11, 21)))
                .as("a plain Friday")
                .isTrue();
        assertThat(cal.isWorkingDay(LocalDate.of(2025, 12, 27)))
                .as("a plain Saturday")
                .isFalse();
    }

    @Test
    void coversExactlyTheYearsItListsHolidaysFor() {
        assertThat(WorkCalendar.covers(2024)).isFalse();
        assertThat(WorkCalendar.covers(2025)).isTrue();
        assertThat(WorkCalendar.covers(2026)).isTrue();
        assertThat(WorkCalendar.covers(2027)).isFalse();
    }
}

package io.gridpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CasesBenchTest {

    @Test
    void theYearIsTheTwelveCompleteMonthsBeforeTheCurrentOne() {
        assertThat(CasesBench.firstMonth(YearMonth.of(2026, 11), 12)).isEqualTo(YearMonth.of(2025, 11));
    }

    @Test
    void inJanuaryTheYearIsThePreviousCalendarYear() {
        assertThat(CasesBench.firstMonth(YearMonth.of(2027, 1), 12)).isEqualTo(YearMonth.of(2026, 1));
    }

    @Test
    void oneMonthIsTheLastCompleteMonth() {
        assertThat(CasesBench.firstMonth(YearMonth.of(2026, 11), 1)).isEqualTo(YearMonth.of(2026, 10));
    }

    @Test
    void monthsInAYearTheDemoCalendarDoesNotListAreRefusedNamingTheYear() {
        assertThatThrownBy(() -> CasesBench.firstMonth(YearMonth.of(2027, 3), 12))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need 2027");
        assertThatThrownBy(() -> CasesBench.firstMonth(YearMonth.of(2025, 2), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need 2024");
    }
}

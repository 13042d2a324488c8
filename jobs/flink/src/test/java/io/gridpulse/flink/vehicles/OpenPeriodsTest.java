package io.gridpulse.flink.vehicles;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.vehicle.PeriodTotals;
import org.junit.jupiter.api.Test;

class OpenPeriodsTest {

    private static final OpenPeriods DAY = OpenPeriods.NONE.withTotals(0, PeriodTotals.ZERO, 20_000, PeriodTotals.ZERO);

    @Test
    void aGridLeftKeepsItsVisitsAndAReturnFindsThem() {
        OpenPeriods p = DAY.inGrid("G1", new GridVisits(1, 3, 10, 30))
                .inGrid("G2", new GridVisits(1, 1, 40, 40))
                .inGrid("G3", new GridVisits(1, 2, 50, 60));
        assertThat(p.earlierVisits("G1")).isEqualTo(new GridVisits(1, 3, 10, 30));
        assertThat(p.earlierVisits("G2")).isEqualTo(new GridVisits(1, 1, 40, 40));
        assertThat(p.earlierVisits("G3"))
                .as("the current grid is not among the earlier ones")
                .isNull();
        assertThat(p.earlierVisits("G9")).isNull();

        // back in G1: its visits are updated when it is left again, not duplicated
        p = p.inGrid("G1", new GridVisits(2, 4, 10, 70)).inGrid("G2", new GridVisits(2, 2, 40, 80));
        OpenPeriods all = p.leaveGrid();
        assertThat(all.otherGrids()).containsExactly("G1", "G2", "G3");
        assertThat(all.earlierVisits("G1")).isEqualTo(new GridVisits(2, 4, 10, 70));
        assertThat(all.earlierVisits("G2")).isEqualTo(new GridVisits(2, 2, 40, 80));
        assertThat(all.grid()).isNull();
        assertThat(all.leaveGrid()).isSameAs(all);
    }

    @Test
    void staysInTheSameGridWithoutCopyingTheOthersAndForgetsThemWithTheDay() {
        OpenPeriods p = DAY.inGrid("G1", new GridVisits(1, 1, 10, 10)).inGrid("G2", new GridVisits(1, 1, 20, 20));
        OpenPeriods same = p.inGrid("G2", new GridVisits(1, 2, 20, 30));
        assertThat(same.otherGrids()).isSameAs(p.otherGrids());
        assertThat(same.gridVisits()).isEqualTo(new GridVisits(1, 2, 20, 30));
        OpenPeriods next = same.withoutDay();
        assertThat(next.grid()).isNull();
        assertThat(next.otherGrids()).isNull();
        assertThat(next.earlierVisits("G1")).isNull();
    }

    @Test
    void holdsADayOfManyGrids() {
        OpenPeriods p = DAY;
        for (int i = 0; i < 500; i++) {
            p = p.inGrid("G" + i, new GridVisits(1, i + 1, i, i));
        }
        OpenPeriods all = p.leaveGrid();
        assertThat(all.otherGrids()).hasSize(500);
        assertThat(all.otherVisits()).hasSize(2000);
        assertThat(all.earlierVisits("G499")).isEqualTo(new GridVisits(1, 500, 499, 499));
        assertThat(all.earlierVisits("G0")).isEqualTo(new GridVisits(1, 1, 0, 0));
    }
}

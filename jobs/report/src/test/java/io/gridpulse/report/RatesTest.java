package io.gridpulse.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RatesTest {

    @Test
    void twoDecimalsFromIntegerCounts() {
        assertThat(Rates.percent(3897, 4000)).isEqualTo("97.43%");
        assertThat(Rates.percent(70789, 71419)).isEqualTo("99.12%");
    }

    @Test
    void halfUpAtExactlyHalf() {
        // 1/8 = 12.5% exactly -> 12.50%; 1/800 = 0.125% -> 0.13% (half-up, not banker's 0.12%)
        assertThat(Rates.percent(1, 800)).isEqualTo("0.13%");
        assertThat(Rates.percent(3, 800)).isEqualTo("0.38%");
        // 0.00125 as a double is below .00125 and would round down; integers do not
        assertThat(Rates.percent(1, 80000)).isEqualTo("0.00%");
        assertThat(Rates.percent(5, 400000)).isEqualTo("0.00%");
        assertThat(Rates.percent(1, 40000)).isEqualTo("0.00%");
        assertThat(Rates.percent(9, 400)).isEqualTo("2.25%");
    }

    @Test
    void wholeAndZeroAndOverOne() {
        assertThat(Rates.percent(5, 5)).isEqualTo("100.00%");
        assertThat(Rates.percent(0, 5)).isEqualTo("0.00%");
        assertThat(Rates.percent(2, 1)).isEqualTo("200.00%");
    }

    @Test
    void zeroDenominatorIsUndefinedNotZero() {
        assertThat(Rates.percent(0, 0)).isEqualTo(Rates.UNDEFINED);
        assertThat(Rates.change(10, 0)).isEqualTo(Rates.UNDEFINED);
    }

    @Test
    void changesCarryTheirSign() {
        assertThat(Rates.change(1125, 1000)).isEqualTo("+12.50%");
        assertThat(Rates.change(970, 1000)).isEqualTo("-3.00%");
        assertThat(Rates.change(1000, 1000)).isEqualTo("0.00%");
    }

    @Test
    void negativeCountsAreABug() {
        assertThatThrownBy(() -> Rates.percent(-1, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}

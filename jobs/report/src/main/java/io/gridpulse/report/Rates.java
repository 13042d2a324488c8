package io.gridpulse.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one way gridpulse shows a rate (率): a percentage with two decimals, computed from the
 * integer counts (never from a stored floating-point rate) and rounded half-up, so that
 * 3,897 of 4,000 is {@code 97.43%} in the bulletin, on the dashboard and in every export.
 */
public final class Rates {

    /** Shown where the denominator is zero: the rate is undefined, not 0%. */
    public static final String UNDEFINED = "—";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Rates() {}

    /**
     * {@code numerator / denominator} as a percentage, like {@code 97.43%}; {@link #UNDEFINED}
     * when the denominator is 0.
     *
     * @throws IllegalArgumentException for negative counts
     */
    public static String percent(long numerator, long denominator) {
        if (numerator < 0 || denominator < 0) {
            throw new IllegalArgumentException("negative count in a rate: " + numerator + "/" + denominator);
        }
        if (denominator == 0) {
            return UNDEFINED;
        }
        return BigDecimal.valueOf(numerator)
                        .multiply(HUNDRED)
                        .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP)
                        .toPlainString()
                + "%";
    }

    /**
     * A change against an earlier figure (环比/同比), like {@code +12.50%} or {@code -3.00%};
     * {@link #UNDEFINED} when the earlier figure is 0.
     */
    public static String change(long now, long before) {
        if (now < 0 || before < 0) {
            throw new IllegalArgumentException("negative count in a change: " + now + " vs " + before);
        }
        if (before == 0) {
            return UNDEFINED;
        }
        BigDecimal pct = BigDecimal.valueOf(now - before)
                .multiply(HUNDRED)
                .divide(BigDecimal.valueOf(before), 2, RoundingMode.HALF_UP);
        return (pct.signum() > 0 ? "+" : "") + pct.toPlainString() + "%";
    }
}

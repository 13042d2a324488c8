package io.gridpulse.domain.reference;

/**
 * One alarm rule: a reading of {@code type} that compares to {@code threshold} under
 * {@code operator} is out of bounds; {@code consecutive} such readings in a row raise an alarm of
 * {@code severity}, which becomes a case of {@code categoryCode} when one is given. Immutable.
 */
public record SensorRule(
        String type, Operator operator, double threshold, int consecutive, String severity, String categoryCode) {

    public SensorRule {
        if (consecutive < 1) {
            throw new IllegalArgumentException("consecutive must be at least 1, got " + consecutive);
        }
    }

    /** The comparison operators of the rules file. */
    public enum Operator {
        GT(">"),
        GE(">="),
        LT("<"),
        LE("<=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** The operator written {@code symbol}, or null. */
        public static Operator ofSymbol(String symbol) {
            for (Operator o : values()) {
                if (o.symbol.equals(symbol)) {
                    return o;
                }
            }
            return null;
        }
    }

    /** Whether {@code value} is out of bounds under this rule; NaN never matches. */
    public boolean matches(double value) {
        return switch (operator) {
            case GT -> value > threshold;
            case GE -> value >= threshold;
            case LT -> value < threshold;
            case LE -> value <= threshold;
        };
    }
}

package io.gridpulse.domain.calendar;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A disposal time limit of the category catalogue: {@code 2h} natural hours (urgent, the clock
 * runs day and night), {@code 4wh} working hours, {@code 3wd} working days (3 x one working day's
 * hours). Immutable.
 */
public record TimeLimit(int amount, Unit unit) {

    private static final Pattern FORMAT = Pattern.compile("^([1-9][0-9]*)(h|wh|wd)$");

    public enum Unit {
        /** Natural hours (紧急工作时). */
        HOURS("h"),
        /** Working hours (工作时). */
        WORKING_HOURS("wh"),
        /** Working days (工作日). */
        WORKING_DAYS("wd");

        private final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }

        public String suffix() {
            return suffix;
        }
    }

    public TimeLimit {
        if (amount <= 0) {
            throw new IllegalArgumentException("a time limit must be positive, got " + amount);
        }
    }

    /** Parses {@code ^[1-9][0-9]*(h|wh|wd)$}; throws IllegalArgumentException otherwise. */
    public static TimeLimit parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a time limit (expected like 2h, 4wh, 3wd): " + text);
        }
        int amount;
        try {
            amount = Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("time limit too large: " + text, e);
        }
        Unit unit =
                switch (m.group(2)) {
                    case "h" -> Unit.HOURS;
                    case "wh" -> Unit.WORKING_HOURS;
                    default -> Unit.WORKING_DAYS;
                };
        return new TimeLimit(amount, unit);
    }

    @Override
    public String toString() {
        return amount + unit.suffix;
    }
}

package io.gridpulse.domain.vehicle;

/**
 * How a step between consecutive kept positions counts in the vehicle metrics (vehicles issue
 * item 2): it belongs to the local day (and hour) of its later position; a step across a gap
 * over {@code maxGapMillis} counts for nothing (the vehicle was off or out of coverage); its
 * length is its great-circle length; it is moving when its speed is at least {@code movingKmh},
 * else stationary. Immutable and thread-safe.
 */
public record StepRule(long maxGapMillis, double movingKmh) implements java.io.Serializable {

    public static final StepRule DEFAULT = new StepRule(10 * 60_000L, 3.0);

    /** Whether the step of {@code c} (a kept position) counts at all. */
    public boolean counts(Cleaned c) {
        return c.kept() && c.hasStep() && c.stepMillis() <= maxGapMillis;
    }

    public boolean moving(Cleaned c) {
        return c.stepKmh() >= movingKmh;
    }
}

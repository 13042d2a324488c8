package io.gridpulse.domain.vehicle;

/**
 * Totals of one vehicle over one period (an hour or a local day): kept positions, counted steps
 * (distance, moving and stationary time) and the positions cleaning dropped, by reason. Flat
 * fields so that Flink keeps it as a POJO in state. Immutable.
 */
public record PeriodTotals(
        long positions,
        double meters,
        long movingMillis,
        long stationaryMillis,
        long droppedSameTime,
        long droppedTooFast,
        long droppedOutOfOrder,
        long newStarts) {

    public static final PeriodTotals ZERO = new PeriodTotals(0, 0, 0, 0, 0, 0, 0, 0);

    /** These totals with the verdict {@code c} on one position added under {@code rule}. */
    public PeriodTotals add(Cleaned c, StepRule rule) {
        if (!c.kept()) {
            return new PeriodTotals(
                    positions,
                    meters,
                    movingMillis,
                    stationaryMillis,
                    droppedSameTime + (c.dropped() == DropReason.SAME_TIME ? 1 : 0),
                    droppedTooFast + (c.dropped() == DropReason.TOO_FAST ? 1 : 0),
                    droppedOutOfOrder + (c.dropped() == DropReason.OUT_OF_ORDER ? 1 : 0),
                    newStarts);
        }
        double m = meters;
        long mov = movingMillis;
        long stat = stationaryMillis;
        if (rule.counts(c)) {
            m += c.stepMeters();
            if (rule.moving(c)) {
                mov += c.stepMillis();
            } else {
                stat += c.stepMillis();
            }
        }
        return new PeriodTotals(
                positions + 1,
                m,
                mov,
                stat,
                droppedSameTime,
                droppedTooFast,
                droppedOutOfOrder,
                newStarts + (c.newStart() ? 1 : 0));
    }

    public long dropped() {
        return droppedSameTime + droppedTooFast + droppedOutOfOrder;
    }
}

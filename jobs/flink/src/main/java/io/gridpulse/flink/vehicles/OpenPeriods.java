package io.gridpulse.flink.vehicles;

import io.gridpulse.domain.vehicle.PeriodTotals;

/**
 * A vehicle's open hour and day: positions are taken in time order and a period is written as
 * soon as a deadline passes its end, so at most one of each is open. Totals are null when none is.
 *
 * @param hour the open hour's first instant
 * @param day the open day (epoch day, local)
 */
public record OpenPeriods(long hour, PeriodTotals hourTotals, long day, PeriodTotals dayTotals) {

    static final OpenPeriods NONE = new OpenPeriods(0, null, 0, null);

    boolean isEmpty() {
        return hourTotals == null && dayTotals == null;
    }
}

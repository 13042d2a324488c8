package io.gridpulse.flink.vehicles;

import io.gridpulse.domain.vehicle.PeriodTotals;

/**
 * A vehicle's open hour and day, and the grid it is in: positions are taken in time order and a
 * period is written as soon as a deadline passes its end, so at most one of each is open. The
 * current grid's visits of the open day stay here while the vehicle is in it (the day's other
 * grids wait in a map state), which spares a map lookup for most positions. Totals, grid and
 * visits are null when none is open.
 *
 * @param hour the open hour's first instant
 * @param day the open day (epoch day, local)
 */
public record OpenPeriods(
        long hour, PeriodTotals hourTotals, long day, PeriodTotals dayTotals, String grid, GridVisits gridVisits) {

    static final OpenPeriods NONE = new OpenPeriods(0, null, 0, null, null, null);

    boolean isEmpty() {
        return hourTotals == null && dayTotals == null;
    }

    OpenPeriods withoutHour() {
        return new OpenPeriods(0, null, day, dayTotals, grid, gridVisits);
    }

    /** The day closed: its totals and its grids go. */
    OpenPeriods withoutDay() {
        return new OpenPeriods(hour, hourTotals, 0, null, null, null);
    }

    OpenPeriods inGrid(String code, GridVisits visits) {
        return new OpenPeriods(hour, hourTotals, day, dayTotals, code, visits);
    }
}

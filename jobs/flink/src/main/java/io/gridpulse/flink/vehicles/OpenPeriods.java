package io.gridpulse.flink.vehicles;

import io.gridpulse.domain.vehicle.PeriodTotals;

/**
 * A vehicle's open hour and day, and the grid it is in: positions are taken in time order and a
 * period is written as soon as a deadline passes its end, so at most one of each is open. The
 * current grid's visits of the open day stay here while the vehicle is in it, the day's other
 * grids in {@link DayGrids}, so most positions look nothing up. Totals, grid, visits and the other
 * grids are null when none is open.
 *
 * @param hour the open hour's first instant
 * @param day the open day (epoch day, local)
 */
public record OpenPeriods(
        long hour,
        PeriodTotals hourTotals,
        long day,
        PeriodTotals dayTotals,
        String grid,
        GridVisits gridVisits,
        DayGrids otherGrids) {

    static final OpenPeriods NONE = new OpenPeriods(0, null, 0, null, null, null, null);

    boolean isEmpty() {
        return hourTotals == null && dayTotals == null;
    }

    OpenPeriods withoutHour() {
        return new OpenPeriods(0, null, day, dayTotals, grid, gridVisits, otherGrids);
    }

    /** The day closed: its totals and its grids go. */
    OpenPeriods withoutDay() {
        return new OpenPeriods(hour, hourTotals, 0, null, null, null, null);
    }

    OpenPeriods withTotals(long h, PeriodTotals hourT, long d, PeriodTotals dayT) {
        return new OpenPeriods(h, hourT, d, dayT, grid, gridVisits, otherGrids);
    }

    /**
     * In grid {@code code} now, with these visits; the grid left keeps its visits among the day's
     * other grids (changed in place: see {@link DayGrids}).
     */
    OpenPeriods inGrid(String code, GridVisits visits) {
        DayGrids others = otherGrids;
        if (grid != null && !grid.equals(code)) {
            if (others == null) {
                others = new DayGrids();
            }
            others.put(grid, gridVisits);
        }
        return new OpenPeriods(hour, hourTotals, day, dayTotals, code, visits, others);
    }

    /** The visits of a grid of the open day: the current one's, or as of when it was left; null if none. */
    GridVisits visitsOf(String code) {
        if (code.equals(grid)) {
            return gridVisits;
        }
        return otherGrids == null ? null : otherGrids.get(code);
    }

    /** Every grid of the open day, the current one included (after this call the table holds it too). */
    DayGrids allGrids() {
        DayGrids all = otherGrids == null ? new DayGrids() : otherGrids;
        if (grid != null) {
            all.put(grid, gridVisits);
        }
        return all;
    }
}

package io.gridpulse.flink.vehicles;

import io.gridpulse.domain.vehicle.PeriodTotals;
import java.util.Arrays;

/**
 * A vehicle's open hour and day, and its grids of the day: positions are taken in time order and
 * a period is written as soon as a deadline passes its end, so at most one of each is open.
 * Totals, grid and visits are null when none is open.
 *
 * <p>The day's grids live here, in the track's one value, rather than in a map state: a vehicle
 * changes grid every few positions, and a map state's put and get on every change (cold per-key
 * hash tables) were a tenth of the vehicle job's cost. A day's grids are tens, so a scan of a
 * small array finds a grid. The current grid's visits are {@code gridVisits}; the others are in
 * {@code otherGrids} / {@code otherVisits} (four longs each: visits, positions, first, last), as
 * of when the vehicle last left them.
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
        String[] otherGrids,
        long[] otherVisits) {

    static final OpenPeriods NONE = new OpenPeriods(0, null, 0, null, null, null, null, null);

    boolean isEmpty() {
        return hourTotals == null && dayTotals == null;
    }

    OpenPeriods withoutHour() {
        return new OpenPeriods(0, null, day, dayTotals, grid, gridVisits, otherGrids, otherVisits);
    }

    /** The day closed: its totals and its grids go. */
    OpenPeriods withoutDay() {
        return new OpenPeriods(hour, hourTotals, 0, null, null, null, null, null);
    }

    OpenPeriods withTotals(long h, PeriodTotals hourT, long d, PeriodTotals dayT) {
        return new OpenPeriods(h, hourT, d, dayT, grid, gridVisits, otherGrids, otherVisits);
    }

    /** In grid {@code code} now with these visits; the grid left keeps its visits among the others. */
    OpenPeriods inGrid(String code, GridVisits visits) {
        if (grid == null || grid.equals(code)) {
            return new OpenPeriods(hour, hourTotals, day, dayTotals, code, visits, otherGrids, otherVisits);
        }
        OpenPeriods left = leaveGrid();
        return new OpenPeriods(hour, hourTotals, day, dayTotals, code, visits, left.otherGrids, left.otherVisits);
    }

    /** The visits of an earlier grid of the day, as of when it was left; null if none. */
    GridVisits earlierVisits(String code) {
        int i = indexOf(code);
        if (i < 0) {
            return null;
        }
        int j = 4 * i;
        return new GridVisits(otherVisits[j], otherVisits[j + 1], otherVisits[j + 2], otherVisits[j + 3]);
    }

    /** Every grid of the day with its visits (the current one included), as parallel arrays. */
    OpenPeriods leaveGrid() {
        if (grid == null) {
            return this;
        }
        int i = indexOf(grid);
        String[] codes = otherGrids;
        long[] stats = otherVisits;
        if (i < 0) {
            int n = codes == null ? 0 : codes.length;
            codes = codes == null ? new String[1] : Arrays.copyOf(codes, n + 1);
            stats = stats == null ? new long[4] : Arrays.copyOf(stats, 4 * (n + 1));
            codes[n] = grid;
            i = n;
        } else {
            stats = stats.clone();
        }
        int j = 4 * i;
        stats[j] = gridVisits.visits();
        stats[j + 1] = gridVisits.positions();
        stats[j + 2] = gridVisits.first();
        stats[j + 3] = gridVisits.last();
        return new OpenPeriods(hour, hourTotals, day, dayTotals, null, null, codes, stats);
    }

    private int indexOf(String code) {
        if (otherGrids != null) {
            for (int i = 0; i < otherGrids.length; i++) {
                if (otherGrids[i].equals(code)) {
                    return i;
                }
            }
        }
        return -1;
    }
}

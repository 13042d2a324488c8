package io.gridpulse.domain.vehicle;

/**
 * What trajectory cleaning remembers of one vehicle: its last kept position and the run of
 * positions dropped as too fast since then (their count and the last of them). Flat fields so
 * that Flink keeps it as a POJO in state. Immutable.
 *
 * @param kept whether a position was kept yet
 * @param dropRun how many positions in a row were dropped as too fast, each within the speed
 *     limit of the one before it
 */
public record CleanerState(
        boolean kept,
        long lastTime,
        double lastLon,
        double lastLat,
        int dropRun,
        long dropTime,
        double dropLon,
        double dropLat) {

    public static final CleanerState EMPTY = new CleanerState(false, 0, 0, 0, 0, 0, 0, 0);
}

package io.gridpulse.flink.vehicles;

/**
 * One vehicle's local day (a row of {@code vehicle_daily}): kept positions, distance, moving and
 * stationary time of its counted steps, distinct grids it was seen in, and what cleaning dropped.
 * {@code day} is the local date as epoch days.
 */
public record VehicleDaily(
        long day,
        String vehicleId,
        String vehicleType,
        long positions,
        double distanceKm,
        double movingMinutes,
        double stationaryMinutes,
        long gridsVisited,
        long droppedSameTime,
        long droppedTooFast,
        long droppedOutOfOrder,
        long newStarts) {

    /** Grows with the input, never with a replay: replays write equal rows. */
    public long version() {
        return positions + droppedSameTime + droppedTooFast + droppedOutOfOrder;
    }
}

package io.gridpulse.flink.vehicles;

/**
 * One vehicle's hour (a row of {@code vehicle_hourly}): kept positions, distance and moving /
 * stationary time of the counted steps whose later position lies in the hour.
 */
public record VehicleHourly(
        long hour,
        String vehicleId,
        String vehicleType,
        long positions,
        double distanceKm,
        double movingMinutes,
        double stationaryMinutes,
        long version) {}

package io.gridpulse.flink.vehicles;

/** Positions and distance of one vehicle in one hour. */
public record VehicleHourly(
        long hour, String vehicleId, String vehicleType, long positions, double distanceKm, long version) {}

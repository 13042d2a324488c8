package io.gridpulse.flink.vehicles;

/**
 * One vehicle's visits to one grid on one local day (a row of {@code vehicle_grid_daily}, which
 * the {@code grid_daily_coverage} view sums per grid and vehicle type). A visit is a run of
 * consecutive kept positions in the grid; a run crossing local midnight counts on both days.
 */
public record VehicleGridDay(
        long day,
        String gridCode,
        String vehicleId,
        String vehicleType,
        long visits,
        long positions,
        long firstVisit,
        long lastVisit) {}

package io.gridpulse.flink.vehicles;

import io.gridpulse.domain.model.VehiclePosition;
import io.gridpulse.flink.common.Located;

/**
 * A distinct valid position with its resolved vehicle type, WGS84 location and grid, and the
 * length of the step from the vehicle's previous position ({@link VehicleSteps}).
 */
public record PositionRow(
        VehiclePosition position, String vehicleType, Located located, double stepKm, long ingestedAt) {

    public PositionRow withStepKm(double km) {
        return new PositionRow(position, vehicleType, located, km, ingestedAt);
    }
}

package io.gridpulse.flink.vehicles;

import io.gridpulse.domain.model.VehiclePosition;
import io.gridpulse.flink.common.Located;

/**
 * A distinct valid position with its resolved vehicle type, WGS84 location and grid (before
 * trajectory cleaning: {@link VehicleTrack}).
 */
public record PositionRow(VehiclePosition position, String vehicleType, Located located, long ingestedAt) {}

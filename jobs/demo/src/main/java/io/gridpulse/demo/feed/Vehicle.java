package io.gridpulse.demo.feed;

import io.gridpulse.domain.model.VehicleType;

/**
 * A vehicle of the demo fleet. {@code reportsCrs} is the coordinate system its GPS platform sends
 * (null: WGS84, crs absent); {@code sendsType} whether its messages carry {@code vehicleType}
 * (else the reference file tells). Immutable.
 */
public record Vehicle(
        String vehicleId,
        VehicleType type,
        String plate,
        String company,
        int district,
        String reportsCrs,
        boolean sendsType,
        boolean sendsPlate) {}

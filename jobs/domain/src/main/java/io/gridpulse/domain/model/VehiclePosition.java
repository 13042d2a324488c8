package io.gridpulse.domain.model;

import io.gridpulse.domain.geo.Crs;

/**
 * One validated GPS position. {@code vehicleType} is null when the feed did not send it (the
 * vehicles reference file, else OTHER, decides later). Speed in km/h, heading in degrees.
 */
public record VehiclePosition(
        String vehicleId,
        long time,
        double lon,
        double lat,
        Crs crs,
        Double speed,
        Double heading,
        VehicleType vehicleType,
        String plate) {}

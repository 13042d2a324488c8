package io.gridpulse.domain.reference;

import io.gridpulse.domain.model.VehicleType;

/** One vehicle of the vehicles reference file; plate and company null when left empty. Immutable. */
public record Vehicle(String vehicleId, VehicleType type, String plate, String company) {}

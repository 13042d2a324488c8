package io.gridpulse.domain.vehicle;

/**
 * A truck's current stop: anchored at its first position from which it stays within the stop
 * radius at low speed. Flat fields for Flink state. Immutable.
 */
public record Stop(long anchorTime, double lon, double lat) {}

package io.gridpulse.domain.vehicle;

/** A time and a WGS84 point of a trajectory. Immutable. */
public record TrackPoint(long time, double lon, double lat) {}

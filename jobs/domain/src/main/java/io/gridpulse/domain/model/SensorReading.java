package io.gridpulse.domain.model;

import io.gridpulse.domain.geo.Crs;

/** One validated sensor reading; location null when the feed did not send it. */
public record SensorReading(
        String sensorId, long time, String type, double value, String unit, Double lon, Double lat, Crs crs) {

    public boolean located() {
        return lon != null && lat != null;
    }
}

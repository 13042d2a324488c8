package io.gridpulse.domain.reference;

/**
 * One sensor of the sensors reference file: where it stands (WGS84; the file has no crs column)
 * and how often it reports, which tells when it has gone silent. Immutable.
 */
public record Sensor(String sensorId, String type, double lon, double lat, int intervalSeconds) {}

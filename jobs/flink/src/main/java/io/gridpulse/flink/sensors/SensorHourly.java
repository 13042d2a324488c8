package io.gridpulse.flink.sensors;

/** Readings of one sensor and type in one hour: count, min, max, mean and the latest value. */
public record SensorHourly(
        long hour,
        String sensorId,
        String type,
        String gridCode,
        long readings,
        double min,
        double max,
        double avg,
        double last,
        long version) {}

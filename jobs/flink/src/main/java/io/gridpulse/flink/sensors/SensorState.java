package io.gridpulse.flink.sensors;

/**
 * What {@link SensorWatch} remembers of one sensor and type (Flink state; flat POJO fields).
 *
 * @param lastSeen latest reading time received (buffered or taken)
 * @param taken latest reading time taken in order
 * @param silentDeadline when SENSOR_SILENT is due if nothing comes, -1 when none is
 * @param gridCode grid of the latest reading
 */
public record SensorState(
        String sensorId, String type, long lastSeen, long taken, long silentDeadline, String gridCode) {}

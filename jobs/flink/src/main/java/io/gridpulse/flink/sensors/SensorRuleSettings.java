package io.gridpulse.flink.sensors;

import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Thresholds of the sensor rules that the rules file does not carry, typed and defaulted in one
 * place. Immutable and serializable.
 *
 * @param silentIntervals SENSOR_SILENT after this many of the sensor's intervals without a reading
 * @param intervalByType a sensor's interval when the sensors file does not list it, per type
 * @param defaultInterval and for types not in {@code intervalByType}
 * @param outOfOrderTolerance live mode: how long readings are held before they are taken in time
 *     order (process runs use zero)
 * @param alertGrace live mode: SENSOR_SILENT fires on the wall clock this long after its instant
 * @param idleStateAfter a sensor silent this long (event time) has its state dropped
 */
public record SensorRuleSettings(
        int silentIntervals,
        Map<String, Duration> intervalByType,
        Duration defaultInterval,
        Duration outOfOrderTolerance,
        Duration alertGrace,
        Duration idleStateAfter)
        implements Serializable {

    public SensorRuleSettings {
        if (silentIntervals < 1) {
            throw new IllegalArgumentException("silentIntervals must be at least 1");
        }
        intervalByType = new HashMap<>(intervalByType);
    }

    public static SensorRuleSettings defaults() {
        return new SensorRuleSettings(
                3, Map.of(), Duration.ofMinutes(15), Duration.ofMinutes(2), Duration.ofMinutes(2), Duration.ofDays(7));
    }

    public SensorRuleSettings withOutOfOrderTolerance(Duration d) {
        return new SensorRuleSettings(silentIntervals, intervalByType, defaultInterval, d, alertGrace, idleStateAfter);
    }

    public long intervalMillis(String type, Integer fileSeconds) {
        if (fileSeconds != null) {
            return fileSeconds * 1000L;
        }
        return intervalByType.getOrDefault(type, defaultInterval).toMillis();
    }
}

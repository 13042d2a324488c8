package io.gridpulse.flink.vehicles;

import io.gridpulse.domain.calendar.DailyHours;
import io.gridpulse.domain.model.VehicleType;
import io.gridpulse.domain.vehicle.StepRule;
import io.gridpulse.domain.vehicle.TrajectoryCleaner;
import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every threshold of trajectory cleaning, vehicle metrics and vehicle rules, typed and defaulted
 * in one place (the vehicles issue's numbers). Immutable and serializable.
 *
 * @param zone the calendar's time zone: local days, hours of day, night
 * @param maxKmh cleaning: a position implying more than this from the last kept one is dropped
 * @param restartRun cleaning: this many consistent dropped positions in a row make a new start
 * @param steps metrics: longest step that counts, and the moving speed
 * @param stopRadiusMeters DUMPING_SUSPECTED: a stop stays within this distance of its anchor
 * @param stopKmh DUMPING_SUSPECTED: and below this speed
 * @param dumpingAfter DUMPING_SUSPECTED: the alert is due this long after the anchor
 * @param night DUMPING_SUSPECTED: the hours that count as night
 * @param silentAfter VEHICLE_SILENT: this much service time without a position
 * @param serviceHours VEHICLE_SILENT: service hours per vehicle type; types not listed use
 *     {@code defaultServiceHours}
 * @param outOfOrderTolerance live mode: how long positions are held for disorder before they are
 *     taken in time order (process runs use zero: the watermark is exact there)
 * @param alertGrace live mode: wall-clock alerts (silence) fire this long after their instant
 * @param idleStateAfter a vehicle silent this long (event time) has its state dropped
 */
public record VehicleRuleSettings(
        ZoneId zone,
        double maxKmh,
        int restartRun,
        StepRule steps,
        double stopRadiusMeters,
        double stopKmh,
        Duration dumpingAfter,
        String night,
        Duration silentAfter,
        Map<VehicleType, String> serviceHours,
        String defaultServiceHours,
        Duration outOfOrderTolerance,
        Duration alertGrace,
        Duration idleStateAfter)
        implements Serializable {

    public VehicleRuleSettings {
        serviceHours =
                new EnumMap<>(serviceHours.isEmpty() ? Map.of(VehicleType.OTHER, defaultServiceHours) : serviceHours);
        DailyHours.parse(night);
        DailyHours.parse(defaultServiceHours);
        serviceHours.values().forEach(DailyHours::parse);
    }

    public static VehicleRuleSettings defaults(ZoneId zone) {
        return new VehicleRuleSettings(
                zone,
                TrajectoryCleaner.DEFAULT_MAX_KMH,
                TrajectoryCleaner.DEFAULT_RESTART_RUN,
                StepRule.DEFAULT,
                30,
                3,
                Duration.ofMinutes(10),
                "20:00-06:00",
                Duration.ofMinutes(30),
                Map.of(),
                "06:00-22:00",
                Duration.ofMinutes(2),
                Duration.ofMinutes(2),
                Duration.ofDays(7));
    }

    /** These settings with another out-of-order tolerance (zero for process runs). */
    public VehicleRuleSettings withOutOfOrderTolerance(Duration d) {
        return new VehicleRuleSettings(
                zone,
                maxKmh,
                restartRun,
                steps,
                stopRadiusMeters,
                stopKmh,
                dumpingAfter,
                night,
                silentAfter,
                serviceHours,
                defaultServiceHours,
                d,
                alertGrace,
                idleStateAfter);
    }

    public DailyHours serviceHoursOf(String vehicleType) {
        VehicleType t;
        try {
            t = VehicleType.valueOf(vehicleType);
        } catch (IllegalArgumentException | NullPointerException e) {
            t = VehicleType.OTHER;
        }
        return DailyHours.parse(serviceHours.getOrDefault(t, defaultServiceHours));
    }
}

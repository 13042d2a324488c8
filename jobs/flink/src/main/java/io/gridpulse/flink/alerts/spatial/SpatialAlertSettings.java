package io.gridpulse.flink.alerts.spatial;

import io.gridpulse.domain.alert.spatial.HotspotRule;
import io.gridpulse.domain.alert.spatial.HotspotRules;
import io.gridpulse.domain.alert.spatial.NeighbourCells;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;

/**
 * Settings of the HOTSPOT and DUPLICATE_SUSPECTED rules, typed and defaulted in one place.
 * Command-line options (the same for {@code process} and {@code GridpulseJobs}): {@code
 * --hotspot-rules F} (CSV {@code categoryCode,k,windowMinutes}), {@code --hotspot-k} (default 5),
 * {@code --hotspot-window-minutes} (60), {@code --duplicate-meters} (50), {@code
 * --duplicate-minutes} (30).
 *
 * @param hotspotRules K and W per category, with the defaults for categories not listed
 * @param duplicateMeters D: the largest distance of a suspected duplicate, inclusive
 * @param duplicateWindowMillis T: the largest time between a report and an earlier one, inclusive
 */
public record SpatialAlertSettings(HotspotRules hotspotRules, double duplicateMeters, long duplicateWindowMillis)
        implements Serializable {

    public static final double DEFAULT_DUPLICATE_METERS = 50;
    public static final long DEFAULT_DUPLICATE_MINUTES = 30;
    public static final SpatialAlertSettings DEFAULTS = new SpatialAlertSettings(
            HotspotRules.defaults(HotspotRule.DEFAULT), DEFAULT_DUPLICATE_METERS, DEFAULT_DUPLICATE_MINUTES * 60_000L);

    /** The command-line options these settings are read from. */
    public static final Set<String> OPTIONS =
            Set.of("hotspot-rules", "hotspot-k", "hotspot-window-minutes", "duplicate-meters", "duplicate-minutes");

    public SpatialAlertSettings {
        if (hotspotRules == null) {
            throw new IllegalArgumentException("hotspot rules are required");
        }
        if (!(duplicateMeters >= 0 && duplicateMeters <= NeighbourCells.MAX_METERS)) {
            throw new IllegalArgumentException("--duplicate-meters must be between 0 and " + NeighbourCells.MAX_METERS
                    + ", got " + duplicateMeters);
        }
        if (duplicateWindowMillis < 0) {
            throw new IllegalArgumentException("--duplicate-minutes cannot be negative");
        }
    }

    /**
     * Reads the settings from option values ({@code option} returns null for an option not given).
     *
     * @throws IllegalArgumentException naming the option on bad input
     */
    public static SpatialAlertSettings fromOptions(Function<String, String> option) throws IOException {
        int k = (int) number(option, "hotspot-k", 5);
        long window = number(option, "hotspot-window-minutes", 60);
        HotspotRule defaults;
        try {
            defaults = HotspotRule.ofMinutes(k, window);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--hotspot-k / --hotspot-window-minutes: " + e.getMessage());
        }
        String file = option.apply("hotspot-rules");
        HotspotRules rules = file == null
                ? HotspotRules.defaults(defaults)
                : HotspotRules.parseCsv(Files.readAllBytes(Path.of(file)), defaults);
        double meters;
        String m = option.apply("duplicate-meters");
        try {
            meters = m == null ? DEFAULT_DUPLICATE_METERS : Double.parseDouble(m);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--duplicate-meters must be a number, got " + m);
        }
        long minutes = number(option, "duplicate-minutes", DEFAULT_DUPLICATE_MINUTES);
        return new SpatialAlertSettings(rules, meters, minutes * 60_000L);
    }

    private static long number(Function<String, String> option, String name, long dflt) {
        String v = option.apply(name);
        if (v == null) {
            return dflt;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got " + v);
        }
    }
}

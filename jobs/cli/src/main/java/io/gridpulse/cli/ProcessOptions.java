package io.gridpulse.cli;

import io.gridpulse.domain.geo.Crs;
import io.gridpulse.flink.Args;
import io.gridpulse.flink.alerts.spatial.SpatialAlertSettings;
import io.gridpulse.flink.common.ReferencePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The options of {@code process}, checked before anything runs.
 *
 * @param faultInjection run on two TaskManagers, kill one and restart the local ClickHouse
 *     during the run ({@link FaultInjector}); the results must not change
 * @param warningShare the share of a dispatch's time to its deadline after which
 *     OVERDUE_WARNING fires (docs/alerts.md), in (0, 1]
 */
record ProcessOptions(
        Path cases,
        Path vehicles,
        Path sensors,
        ReferencePaths reference,
        Long asOf,
        boolean reset,
        int parallelism,
        Path assessment,
        SpatialAlertSettings spatialAlerts,
        boolean faultInjection,
        double warningShare) {

    static final double DEFAULT_WARNING_SHARE = 0.8;

    /**
     * Options without an assessment file (the configuration in force stays), with the default
     * alert settings and no fault injection.
     */
    ProcessOptions(
            Path cases,
            Path vehicles,
            Path sensors,
            ReferencePaths reference,
            Long asOf,
            boolean reset,
            int parallelism) {
        this(
                cases,
                vehicles,
                sensors,
                reference,
                asOf,
                reset,
                parallelism,
                null,
                SpatialAlertSettings.DEFAULTS,
                false,
                DEFAULT_WARNING_SHARE);
    }

    static final Set<String> VALUE_OPTIONS = union(
            SpatialAlertSettings.OPTIONS,
            Set.of(
                    "cases",
                    "vehicles",
                    "sensors",
                    "grids",
                    "grids-crs",
                    "catalog",
                    "calendar",
                    "departments",
                    "vehicles-ref",
                    "sensors-ref",
                    "zones",
                    "sensor-rules",
                    "as-of",
                    "parallelism",
                    "assessment",
                    "warning-share"));
    static final Set<String> FLAGS = Set.of("reset", "fault-injection");

    /** These options with fault injection on or off. */
    ProcessOptions withFaultInjection(boolean on) {
        return new ProcessOptions(
                cases,
                vehicles,
                sensors,
                reference,
                asOf,
                reset,
                parallelism,
                assessment,
                spatialAlerts,
                on,
                warningShare);
    }

    /** These options with other hotspot and duplicate-report settings. */
    ProcessOptions withSpatialAlerts(SpatialAlertSettings settings) {
        return new ProcessOptions(
                cases,
                vehicles,
                sensors,
                reference,
                asOf,
                reset,
                parallelism,
                assessment,
                settings,
                faultInjection,
                warningShare);
    }

    static ProcessOptions parse(String[] argv, ReferencePaths demoDefaults) {
        Args a = Args.parse(argv, VALUE_OPTIONS, FLAGS);
        if (!a.positional().isEmpty()) {
            throw new IllegalArgumentException(
                    "unexpected argument '" + a.positional().get(0) + "'");
        }
        Path cases = file(a, "cases");
        Path vehicles = file(a, "vehicles");
        Path sensors = file(a, "sensors");
        if (cases == null && vehicles == null && sensors == null) {
            throw new IllegalArgumentException("give at least one feed: --cases F, --vehicles F or --sensors F");
        }
        String crs = a.get("grids-crs", "WGS84");
        Crs gridsCrs = Crs.parse(crs);
        if (gridsCrs == null) {
            throw new IllegalArgumentException("--grids-crs must be WGS84, CGCS2000, GCJ02 or BD09, got " + crs);
        }
        ReferencePaths ref = new ReferencePaths(
                or(file(a, "grids"), demoDefaults.grids()),
                a.get("grids") == null ? demoDefaults.gridsCrs() : gridsCrs,
                or(file(a, "catalog"), demoDefaults.catalog()),
                or(file(a, "calendar"), demoDefaults.calendar()),
                or(file(a, "departments"), demoDefaults.departments()),
                or(file(a, "vehicles-ref"), demoDefaults.vehicles()),
                or(file(a, "sensors-ref"), demoDefaults.sensors()),
                or(file(a, "zones"), demoDefaults.zones()),
                or(file(a, "sensor-rules"), demoDefaults.sensorRules()));
        Long asOf = null;
        if (a.get("as-of") != null) {
            try {
                asOf = OffsetDateTime.parse(a.get("as-of")).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "--as-of must be ISO-8601 with an offset, like 2026-10-31T18:00:00+08:00; got "
                                + a.get("as-of"));
            }
        }
        int parallelism;
        try {
            parallelism = Integer.parseInt(a.get("parallelism", "2"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--parallelism must be a whole number");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("--parallelism must be at least 1");
        }
        double warningShare;
        try {
            warningShare = Double.parseDouble(a.get("warning-share", String.valueOf(DEFAULT_WARNING_SHARE)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--warning-share must be a number such as 0.8");
        }
        if (!(warningShare > 0 && warningShare <= 1)) {
            throw new IllegalArgumentException(
                    "--warning-share must be more than 0 and at most 1, got " + warningShare);
        }
        if (a.get("hotspot-rules") != null) {
            file(a, "hotspot-rules");
        }
        SpatialAlertSettings spatial;
        try {
            spatial = SpatialAlertSettings.fromOptions(a::get);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("--hotspot-rules: cannot read " + a.get("hotspot-rules") + ": " + e);
        } catch (io.gridpulse.domain.reference.ReferenceDataException e) {
            throw new IllegalArgumentException("--hotspot-rules: " + e.getMessage());
        }
        return new ProcessOptions(
                cases,
                vehicles,
                sensors,
                ref,
                asOf,
                a.flag("reset"),
                parallelism,
                file(a, "assessment"),
                spatial,
                a.flag("fault-injection"),
                warningShare);
    }

    private static Path file(Args a, String name) {
        String v = a.get(name);
        if (v == null) {
            return null;
        }
        Path p = Path.of(v);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("--" + name + ": no such file " + v);
        }
        return p;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new java.util.HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }

    private static Path or(Path p, Path dflt) {
        return p != null ? p : dflt;
    }
}

package io.gridpulse.flink.common;

import io.gridpulse.domain.calendar.WorkCalendar;
import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.grid.GridIndex;
import io.gridpulse.domain.grid.GridSet;
import io.gridpulse.domain.grid.RasterGridIndex;
import io.gridpulse.domain.reference.Catalog;
import io.gridpulse.domain.reference.Departments;
import io.gridpulse.domain.reference.SensorRegistry;
import io.gridpulse.domain.reference.SensorRules;
import io.gridpulse.domain.reference.VehicleRegistry;
import io.gridpulse.domain.zone.Zones;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The reference files a job needs, carried as their bytes inside the job graph: the client reads
 * them once, so task managers on a cluster need no shared file system. Parsed views (the grid
 * index above all) are built once per JVM and content, on first use in a task's {@code open()},
 * and shared by every task of the JVM: they are immutable and thread-safe.
 */
public final class ReferenceData implements Serializable {

    private static final Map<String, Object> PARSED = new ConcurrentHashMap<>();

    private final byte[] grids;
    private final Crs gridsCrs;
    private final byte[] catalog;
    private final byte[] departments;
    private final byte[] vehicles;
    private final byte[] sensors;
    private final byte[] calendar;
    private final byte[] zones;
    private final byte[] sensorRules;
    private final String fingerprint;

    /** The files' bytes; all but {@code grids} and {@code catalog} may be null (not given). */
    public ReferenceData(
            byte[] grids,
            Crs gridsCrs,
            byte[] catalog,
            byte[] calendar,
            byte[] departments,
            byte[] vehicles,
            byte[] sensors,
            byte[] zones,
            byte[] sensorRules) {
        this.grids = grids;
        this.gridsCrs = gridsCrs == null ? Crs.WGS84 : gridsCrs;
        this.catalog = catalog;
        this.calendar = calendar;
        this.departments = departments;
        this.vehicles = vehicles;
        this.sensors = sensors;
        this.zones = zones;
        this.sensorRules = sensorRules;
        this.fingerprint = digest(grids)
                + this.gridsCrs
                + digest(catalog)
                + digest(calendar)
                + digest(departments)
                + digest(vehicles)
                + digest(sensors)
                + digest(zones)
                + digest(sensorRules);
    }

    /** Reads the files named by {@code paths}. */
    public static ReferenceData read(ReferencePaths paths) throws IOException {
        return new ReferenceData(
                Files.readAllBytes(paths.grids()),
                paths.gridsCrs(),
                Files.readAllBytes(paths.catalog()),
                bytes(paths.calendar()),
                bytes(paths.departments()),
                bytes(paths.vehicles()),
                bytes(paths.sensors()),
                bytes(paths.zones()),
                bytes(paths.sensorRules()));
    }

    private static byte[] bytes(Path p) throws IOException {
        return p == null ? null : Files.readAllBytes(p);
    }

    public GridSet gridSet() {
        return parsed("grids", grids, b -> GridSet.load(b, gridsCrs));
    }

    public GridIndex gridIndex() {
        return parsed("gridIndex", grids, b -> RasterGridIndex.build(gridSet()));
    }

    public Catalog catalog() {
        return parsed("catalog", catalog, Catalog::parseCsv);
    }

    /** Null when no departments file was given (then departments are not checked). */
    public Departments departments() {
        return departments == null ? null : parsed("departments", departments, Departments::parseCsv);
    }

    public VehicleRegistry vehicles() {
        return vehicles == null ? null : parsed("vehicles", vehicles, VehicleRegistry::parseCsv);
    }

    public SensorRegistry sensors() {
        return sensors == null ? null : parsed("sensors", sensors, SensorRegistry::parseCsv);
    }

    /**
     * The working calendar (工作日历) that turns catalogue limits into deadlines.
     *
     * @throws IllegalStateException when no calendar file was given
     */
    public WorkCalendar calendar() {
        if (calendar == null) {
            throw new IllegalStateException("no working calendar was given (--calendar)");
        }
        return parsed("calendar", calendar, WorkCalendar::parse);
    }

    /** The zones file's bytes (RESTRICTED zones and DISPOSAL_SITEs); null when not given. */
    public byte[] zonesBytes() {
        return zones;
    }

    /**
     * The zones (RESTRICTED zones and DISPOSAL_SITEs), read in the grid file's coordinate system;
     * no zones when no zones file was given.
     */
    public Zones zones() {
        return zones == null ? Zones.none() : parsed("zones", zones, b -> Zones.parse(b, gridsCrs));
    }

    /** The calendar's time zone (local days and hours of day), else the tables' zone. */
    public ZoneId timeZone() {
        return calendar == null ? Times.TABLE_ZONE : calendar().zone();
    }

    /** Sensor alarm rules; null when no rules file was given. */
    public SensorRules sensorRules() {
        return sensorRules == null ? null : parsed("sensorRules", sensorRules, SensorRules::parseCsv);
    }

    @SuppressWarnings("unchecked")
    <T> T parsed(String what, byte[] bytes, Function<byte[], T> parse) {
        return (T) PARSED.computeIfAbsent(what + ":" + fingerprint, k -> parse.apply(bytes));
    }

    private static String digest(byte[] b) {
        if (b == null) {
            return "-";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

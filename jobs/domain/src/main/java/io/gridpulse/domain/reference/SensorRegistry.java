package io.gridpulse.domain.reference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sensors reference file: CSV {@code sensorId,type,lon,lat,intervalSeconds}; ids unique,
 * lon in [-180, 180], lat in [-90, 90] (WGS84), intervalSeconds a positive integer. Immutable and
 * thread-safe.
 */
public final class SensorRegistry {

    static final String SOURCE = "sensors";

    private final Map<String, Sensor> byId;

    private SensorRegistry(Map<String, Sensor> byId) {
        this.byId = byId;
    }

    public static SensorRegistry parseCsv(byte[] csv) {
        Csv.Table table =
                Csv.Table.read(csv, SOURCE, List.of("sensorId", "type", "lon", "lat", "intervalSeconds"), List.of());
        Map<String, Sensor> byId = new LinkedHashMap<>();
        for (Csv.Row row : table.rows()) {
            String id = table.required(row, "sensorId");
            double lon = table.number(row, "lon");
            double lat = table.number(row, "lat");
            if (lon < -180 || lon > 180) {
                throw table.fail(row, "lon must be in [-180, 180], got " + lon);
            }
            if (lat < -90 || lat > 90) {
                throw table.fail(row, "lat must be in [-90, 90], got " + lat);
            }
            int interval = table.integer(row, "intervalSeconds");
            if (interval < 1) {
                throw table.fail(row, "intervalSeconds must be at least 1, got " + interval);
            }
            Sensor s = new Sensor(id, table.required(row, "type"), lon, lat, interval);
            if (byId.putIfAbsent(id, s) != null) {
                throw table.fail(row, "duplicate sensorId '" + id + "'");
            }
        }
        return new SensorRegistry(Collections.unmodifiableMap(byId));
    }

    public Optional<Sensor> sensor(String sensorId) {
        return Optional.ofNullable(sensorId == null ? null : byId.get(sensorId));
    }

    public List<Sensor> all() {
        return List.copyOf(byId.values());
    }

    public int size() {
        return byId.size();
    }
}

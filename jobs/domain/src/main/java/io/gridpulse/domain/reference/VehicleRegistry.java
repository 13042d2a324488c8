package io.gridpulse.domain.reference;

import io.gridpulse.domain.model.VehicleType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vehicles reference file: CSV {@code vehicleId,type,plate,company}, type one of
 * {@link VehicleType}, ids unique; plate and company may be empty. Immutable and thread-safe.
 */
public final class VehicleRegistry {

    static final String SOURCE = "vehicles";

    private final Map<String, Vehicle> byId;

    private VehicleRegistry(Map<String, Vehicle> byId) {
        this.byId = byId;
    }

    public static VehicleRegistry parseCsv(byte[] csv) {
        Csv.Table table = Csv.Table.read(csv, SOURCE, List.of("vehicleId", "type", "plate", "company"), List.of());
        Map<String, Vehicle> byId = new LinkedHashMap<>();
        for (Csv.Row row : table.rows()) {
            String id = table.required(row, "vehicleId");
            String typeText = table.required(row, "type");
            VehicleType type = null;
            for (VehicleType t : VehicleType.values()) {
                if (t.name().equals(typeText)) {
                    type = t;
                }
            }
            if (type == null) {
                throw table.fail(
                        row,
                        "type '" + typeText + "' is not one of " + java.util.Arrays.toString(VehicleType.values()));
            }
            Vehicle v = new Vehicle(id, type, table.optional(row, "plate"), table.optional(row, "company"));
            if (byId.putIfAbsent(id, v) != null) {
                throw table.fail(row, "duplicate vehicleId '" + id + "'");
            }
        }
        return new VehicleRegistry(Collections.unmodifiableMap(byId));
    }

    public Optional<Vehicle> vehicle(String vehicleId) {
        return Optional.ofNullable(vehicleId == null ? null : byId.get(vehicleId));
    }

    /**
     * The contract's fallback for a position's type: the feed's own {@code vehicleType}, else this
     * file's, else OTHER.
     */
    public VehicleType typeOf(String vehicleId, VehicleType fromFeed) {
        if (fromFeed != null) {
            return fromFeed;
        }
        return vehicle(vehicleId).map(Vehicle::type).orElse(VehicleType.OTHER);
    }

    public List<Vehicle> all() {
        return List.copyOf(byId.values());
    }

    public int size() {
        return byId.size();
    }
}

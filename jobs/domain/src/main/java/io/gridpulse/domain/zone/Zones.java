package io.gridpulse.domain.zone;

import io.gridpulse.domain.calendar.DailyHours;
import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.grid.GeoFeature;
import io.gridpulse.domain.grid.GeoJsonFeatures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * The zones file (contracts.md section 2; schemas/zones.schema.json): a GeoJSON FeatureCollection
 * of Polygon/MultiPolygon features with properties {@code id} (unique), {@code type} (RESTRICTED
 * or DISPOSAL_SITE), {@code hours} (required for RESTRICTED, like 07:00-22:00, may cross
 * midnight) and {@code name}. Its coordinates are in the grid file's system ({@code --grids-crs})
 * and are converted to WGS84. Immutable and thread-safe.
 */
public final class Zones {

    private final List<Zone> restricted;
    private final List<Zone> disposalSites;

    private Zones(List<Zone> restricted, List<Zone> disposalSites) {
        this.restricted = List.copyOf(restricted);
        this.disposalSites = List.copyOf(disposalSites);
    }

    /** No zones at all: no zone violations, and every stop is outside every disposal site. */
    public static Zones none() {
        return new Zones(List.of(), List.of());
    }

    /**
     * Reads a zones file.
     *
     * @throws IllegalArgumentException naming every feature that is wrong
     */
    public static Zones parse(byte[] geoJson, Crs crs) {
        List<String> errors = new ArrayList<>();
        List<Zone> restricted = new ArrayList<>();
        List<Zone> disposal = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (GeoFeature f : GeoJsonFeatures.read(geoJson, crs)) {
            Object idValue = f.properties().get("id");
            String id = idValue == null ? "" : String.valueOf(idValue).trim();
            if (id.isEmpty()) {
                errors.add(f.label() + ": property \"id\" is missing or empty");
                continue;
            }
            if (!ids.add(id)) {
                errors.add(f.label() + ": duplicate id");
                continue;
            }
            Object typeValue = f.properties().get("type");
            ZoneType type;
            try {
                type = ZoneType.valueOf(String.valueOf(typeValue));
            } catch (IllegalArgumentException e) {
                errors.add(f.label() + ": type must be RESTRICTED or DISPOSAL_SITE, got " + typeValue);
                continue;
            }
            Geometry g = f.geometry();
            if (!(g instanceof Polygonal) || g.isEmpty()) {
                errors.add(f.label() + ": geometry must be a non-empty Polygon or MultiPolygon, got "
                        + g.getGeometryType());
                continue;
            }
            if (!g.isValid()) {
                g = g.buffer(0);
            }
            Object nameValue = f.properties().get("name");
            String name = nameValue == null ? id : String.valueOf(nameValue);
            DailyHours hours = null;
            Object hoursValue = f.properties().get("hours");
            if (type == ZoneType.RESTRICTED) {
                if (!(hoursValue instanceof String h) || h.isBlank()) {
                    errors.add(f.label() + ": a RESTRICTED zone needs hours like 07:00-22:00");
                    continue;
                }
                try {
                    hours = DailyHours.parse(h);
                } catch (IllegalArgumentException e) {
                    errors.add(f.label() + ": " + e.getMessage());
                    continue;
                }
            }
            Zone z = new Zone(id, type, name, hours, g);
            (type == ZoneType.RESTRICTED ? restricted : disposal).add(z);
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("zones file: " + String.join("; ", errors));
        }
        return new Zones(restricted, disposal);
    }

    public List<Zone> restricted() {
        return restricted;
    }

    public List<Zone> disposalSites() {
        return disposalSites;
    }

    /** Whether the point lies in (or on the border of) some disposal site. */
    public boolean inDisposalSite(double lon, double lat) {
        for (Zone z : disposalSites) {
            if (z.contains(lon, lat)) {
                return true;
            }
        }
        return false;
    }
}

package io.gridpulse.domain.zone;

import io.gridpulse.domain.calendar.DailyHours;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * One zone of the zones file, its geometry in WGS84. {@code hours} is null for disposal sites. A
 * point on the zone's border counts as inside. Immutable and thread-safe (JTS's point locator builds
 * its index once under its own lock and is read-only afterwards).
 */
public final class Zone {

    private final String id;
    private final ZoneType type;
    private final String name;
    private final DailyHours hours;
    private final Geometry geometry;
    private final Envelope envelope;
    private final IndexedPointInAreaLocator locator;

    public Zone(String id, ZoneType type, String name, DailyHours hours, Geometry geometry) {
        this.id = id;
        this.type = type;
        this.name = name;
        this.hours = hours;
        this.geometry = geometry;
        this.envelope = geometry.getEnvelopeInternal();
        this.locator = new IndexedPointInAreaLocator(geometry);
    }

    public boolean contains(double lon, double lat) {
        if (!envelope.contains(lon, lat)) {
            return false;
        }
        // JTS builds the locator's index once, under its own lock; queries only read it
        return locator.locate(new Coordinate(lon, lat)) != Location.EXTERIOR;
    }

    public String id() {
        return id;
    }

    public ZoneType type() {
        return type;
    }

    public String name() {
        return name;
    }

    public DailyHours hours() {
        return hours;
    }

    public Geometry geometry() {
        return geometry;
    }
}

package io.gridpulse.demo.city;

import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The demo city's geography: boundary, districts (区), streets (街道), communities (社区), unit grids
 * (单元网格), zones and hotspots. Geometries are in local metres (x east, y north) around {@link
 * #ORIGIN_LON}/{@link #ORIGIN_LAT}, where areas and distances are simple; {@link #lonLat} converts
 * to WGS84 degrees for output. Immutable after construction; lookups are thread-safe.
 */
public final class CityMap {

    public static final double ORIGIN_LON = 109.735;
    public static final double ORIGIN_LAT = 38.285;
    private static final double M_PER_DEG_LAT = 110_574.0;
    private static final double M_PER_DEG_LON = 111_320.0 * Math.cos(Math.toRadians(ORIGIN_LAT));

    public record District(int index, String code, String name, Geometry geometry) {}

    public record Street(int index, int district, String code, String name, Geometry geometry) {}

    public record Community(int index, int street, String code, String name, Geometry geometry) {}

    /** A unit grid; {@code code} = county(6) + street(3) + community(3) + sequence(2-3). */
    public record Grid(String code, String name, int community, Geometry geometry) {}

    /** RESTRICTED (with hours like 07:00-22:00) or DISPOSAL_SITE. */
    public record Zone(String id, String type, String name, String hours, Geometry geometry) {}

    /** A hotspot: kinds OLD_TOWN, MARKET, CONSTRUCTION, SCHOOL, PARK. */
    public record Place(String kind, String name, double x, double y, double radius) {}

    public final String name;
    public final Geometry boundary;
    public final List<District> districts;
    public final List<Street> streets;
    public final List<Community> communities;
    public final List<Grid> grids;
    public final List<Zone> zones;
    public final List<Place> places;
    private final IndexedPointInAreaLocator inCity;
    private final STRtree communityIndex = new STRtree();
    private final GeometryFactory factory;

    CityMap(
            String name,
            Geometry boundary,
            List<District> districts,
            List<Street> streets,
            List<Community> communities,
            List<Grid> grids,
            List<Zone> zones,
            List<Place> places) {
        this.name = name;
        this.boundary = boundary;
        this.districts = List.copyOf(districts);
        this.streets = List.copyOf(streets);
        this.communities = List.copyOf(communities);
        this.grids = List.copyOf(grids);
        this.zones = List.copyOf(zones);
        this.places = List.copyOf(places);
        this.factory = boundary.getFactory();
        this.inCity = new IndexedPointInAreaLocator(boundary);
        for (Community c : communities) {
            communityIndex.insert(c.geometry().getEnvelopeInternal(), c);
        }
        communityIndex.build();
    }

    public boolean contains(double x, double y) {
        return inCity.locate(new Coordinate(x, y)) != Location.EXTERIOR;
    }

    /** The community containing the point, or null outside the city. */
    public Community communityAt(double x, double y) {
        Point p = factory.createPoint(new Coordinate(x, y));
        for (Object o : communityIndex.query(p.getEnvelopeInternal())) {
            Community c = (Community) o;
            if (c.geometry().covers(p)) {
                return c;
            }
        }
        return null;
    }

    public static double lon(double x) {
        return ORIGIN_LON + x / M_PER_DEG_LON;
    }

    public static double lat(double y) {
        return ORIGIN_LAT + y / M_PER_DEG_LAT;
    }

    public static double x(double lon) {
        return (lon - ORIGIN_LON) * M_PER_DEG_LON;
    }

    public static double y(double lat) {
        return (lat - ORIGIN_LAT) * M_PER_DEG_LAT;
    }

    /** The geometry with its vertices converted to WGS84 degrees (an affine map: shared vertices stay shared). */
    public static Geometry lonLat(Geometry g) {
        return new GeometryTransformer() {
            @Override
            protected CoordinateSequence transformCoordinates(CoordinateSequence coords, Geometry parent) {
                CoordinateSequence copy = coords.copy();
                for (int i = 0; i < copy.size(); i++) {
                    copy.setOrdinate(i, 0, lon(coords.getX(i)));
                    copy.setOrdinate(i, 1, lat(coords.getY(i)));
                }
                return copy;
            }
        }.transform(g);
    }
}

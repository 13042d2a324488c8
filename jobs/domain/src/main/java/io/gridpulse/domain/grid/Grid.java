package io.gridpulse.domain.grid;

import org.locationtech.jts.geom.Geometry;

/**
 * A unit grid (单元网格) with its place in the hierarchy grid -> community (社区) -> street (街道)
 * -> district (区). The geometry is polygonal and in WGS84. Immutable (the geometry is never
 * mutated after loading) and thread-safe.
 *
 * @param code the grid code, unique in its {@link GridSet}; {@code ""} only for {@link #OUTSIDE}
 * @param name display name, {@code ""} when the file has none
 * @param community community (社区) name or code, {@code ""} when the file has none
 * @param street street (街道) name or code, {@code ""} when the file has none
 * @param district district (区) name or code, {@code ""} when the file has none
 * @param geometry Polygon or MultiPolygon in WGS84
 */
public record Grid(String code, String name, String community, String street, String district, Geometry geometry) {

    /** The answer for a point in no grid: code, names and hierarchy all {@code ""}, empty geometry. */
    public static final Grid OUTSIDE =
            new Grid("", "", "", "", "", GeoJsonFeatures.factory().createPolygon());

    public Grid {
        if (code == null || geometry == null) {
            throw new IllegalArgumentException("a grid needs a code and a geometry");
        }
        name = name == null ? "" : name;
        community = community == null ? "" : community;
        street = street == null ? "" : street;
        district = district == null ? "" : district;
    }
}

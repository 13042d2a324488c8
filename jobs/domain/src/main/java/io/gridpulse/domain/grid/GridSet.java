package io.gridpulse.domain.grid;

import io.gridpulse.domain.geo.Crs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The unit grids (单元网格) of a city, in WGS84, looked up by code, with the hierarchy grid ->
 * community -> street -> district. Codes are required and unique. Invalid geometries are repaired
 * with JTS {@link GeometryFixer} when that leaves an area, and the repair is listed in {@link
 * #repairs()}; a grid that cannot be repaired fails loading with its code named. Immutable and
 * thread-safe once built; build it once and share it.
 */
public final class GridSet {

    private final List<Grid> grids;
    private final Map<String, Grid> byCode;
    private final List<String> repairs;

    private GridSet(List<Grid> grids, List<String> repairs) {
        this.grids = List.copyOf(grids);
        Map<String, Grid> map = new LinkedHashMap<>();
        for (Grid g : this.grids) {
            map.put(g.code(), g);
        }
        this.byCode = Collections.unmodifiableMap(map);
        this.repairs = List.copyOf(repairs);
    }

    /**
     * Loads a grid file: a GeoJSON FeatureCollection of Polygon/MultiPolygon features with
     * properties {@code code} (required, unique), {@code name}, {@code community}, {@code street},
     * {@code district}, its coordinates in {@code crs}.
     *
     * @throws IllegalArgumentException naming every feature that is wrong (missing or duplicate
     *     code, not polygonal, invalid beyond repair)
     */
    public static GridSet load(byte[] geoJson, Crs crs) {
        return fromFeatures(GeoJsonFeatures.read(geoJson, crs));
    }

    /** Builds the grid set from features already read; see {@link #load}. */
    public static GridSet fromFeatures(List<GeoFeature> features) {
        List<String> errors = new ArrayList<>();
        List<String> repairs = new ArrayList<>();
        List<Grid> grids = new ArrayList<>();
        Map<String, Integer> seen = new TreeMap<>();
        for (GeoFeature f : features) {
            Object codeValue = f.properties().get("code");
            String code = codeValue == null ? "" : String.valueOf(codeValue).trim();
            if (code.isEmpty()) {
                errors.add(f.label() + ": property \"code\" is missing or empty");
                continue;
            }
            Integer first = seen.putIfAbsent(code, f.index());
            if (first != null) {
                errors.add(f.label() + ": duplicate code, also used by feature " + first);
                continue;
            }
            for (RingDefect d : f.ringDefects()) {
                repairs.add(f.label() + ": " + d.ring() + " " + describe(d));
            }
            Geometry g = f.geometry();
            if (!(g instanceof Polygonal)) {
                errors.add(f.label() + ": geometry must be Polygon or MultiPolygon, got " + g.getGeometryType());
                continue;
            }
            if (g.isEmpty()) {
                errors.add(f.label() + ": geometry is empty (no usable ring)");
                continue;
            }
            TopologyValidationError invalid = new IsValidOp(g).getValidationError();
            if (invalid != null) {
                Geometry fixed = polygonalPart(GeometryFixer.fix(g));
                if (fixed.isEmpty()) {
                    errors.add(f.label() + ": invalid geometry (" + invalid.getMessage() + " at "
                            + invalid.getCoordinate() + ") cannot be repaired");
                    continue;
                }
                repairs.add(f.label() + ": repaired " + invalid.getMessage() + " at " + invalid.getCoordinate());
                g = fixed;
            }
            grids.add(new Grid(code, text(f, "name"), text(f, "community"), text(f, "street"), text(f, "district"), g));
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("grid file has " + errors.size() + " error(s): "
                    + String.join("; ", errors.subList(0, Math.min(errors.size(), 50)))
                    + (errors.size() > 50 ? "; ..." : ""));
        }
        return new GridSet(grids, repairs);
    }

    /** Builds a grid set from grids already in WGS84; codes must be non-empty and unique. */
    public static GridSet of(List<Grid> grids) {
        Map<String, Grid> seen = new TreeMap<>();
        for (Grid g : grids) {
            if (g.code().isEmpty()) {
                throw new IllegalArgumentException("a grid code must not be empty");
            }
            if (seen.put(g.code(), g) != null) {
                throw new IllegalArgumentException("duplicate grid code " + g.code());
            }
            if (!(g.geometry() instanceof Polygonal)) {
                throw new IllegalArgumentException("grid " + g.code() + " is not a Polygon or MultiPolygon");
            }
        }
        return new GridSet(grids, List.of());
    }

    static String describe(RingDefect d) {
        return switch (d.kind()) {
            case UNCLOSED -> "was not closed (closed it)";
            case TOO_FEW_POINTS -> "has fewer than 4 positions (left it out)";
        };
    }

    static Geometry polygonalPart(Geometry g) {
        if (g instanceof Polygonal) {
            return g;
        }
        List<Polygon> polygons = new ArrayList<>();
        if (g instanceof GeometryCollection) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = polygonalPart(g.getGeometryN(i));
                for (int j = 0; j < part.getNumGeometries(); j++) {
                    if (part.getGeometryN(j) instanceof Polygon p && !p.isEmpty()) {
                        polygons.add(p);
                    }
                }
            }
        }
        return polygons.size() == 1
                ? polygons.get(0)
                : g.getFactory().createMultiPolygon(polygons.toArray(new Polygon[0]));
    }

    private static String text(GeoFeature f, String key) {
        Object v = f.properties().get(key);
        return v == null ? "" : String.valueOf(v);
    }

    /** All grids, in file order. */
    public List<Grid> grids() {
        return grids;
    }

    public int size() {
        return grids.size();
    }

    /** What loading repaired (closed rings, dropped degenerate rings, fixed self-intersections). */
    public List<String> repairs() {
        return repairs;
    }

    /** The grid of a code, if there is one. */
    public Optional<Grid> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /**
     * The grid of a code, with its community, street and district; {@link Grid#OUTSIDE} for the
     * empty code {@code ""} (a point in no grid).
     *
     * @throws IllegalArgumentException for a code not in this set
     */
    public Grid grid(String code) {
        if (code.isEmpty()) {
            return Grid.OUTSIDE;
        }
        Grid g = byCode.get(code);
        if (g == null) {
            throw new IllegalArgumentException("unknown grid code " + code);
        }
        return g;
    }

    /** The grids of a community (社区), in file order. */
    public List<Grid> inCommunity(String community) {
        return grids.stream().filter(g -> g.community().equals(community)).toList();
    }

    /** The grids of a street (街道), in file order. */
    public List<Grid> inStreet(String street) {
        return grids.stream().filter(g -> g.street().equals(street)).toList();
    }

    /** The grids of a district (区), in file order. */
    public List<Grid> inDistrict(String district) {
        return grids.stream().filter(g -> g.district().equals(district)).toList();
    }
}

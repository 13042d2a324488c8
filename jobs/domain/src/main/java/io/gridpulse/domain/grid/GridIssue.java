package io.gridpulse.domain.grid;

import java.util.List;

/**
 * One problem found in a grid file by {@link GridCheck}, with where it is (WGS84). Immutable.
 *
 * @param kind what is wrong
 * @param codes the grid codes concerned (two for an overlap; empty for a gap)
 * @param detail a sentence for people
 * @param lon WGS84 longitude of a representative point (NaN when there is none)
 * @param lat WGS84 latitude of a representative point (NaN when there is none)
 */
public record GridIssue(Kind kind, List<String> codes, String detail, double lon, double lat) {

    public GridIssue {
        codes = List.copyOf(codes);
    }

    public enum Kind {
        /** Two grids share area (not only a border). */
        OVERLAP,
        /** A hole in the union of the grids, inside its outer boundary, that no grid covers. */
        GAP,
        /** Two or more features carry the same code. */
        DUPLICATE_CODE,
        /** A feature without a {@code code} property (or an empty one). */
        MISSING_CODE,
        /** A ring that is not closed, has too few points, or intersects itself or another ring. */
        INVALID_RING,
        /** A geometry that is not a Polygon or MultiPolygon, or is empty. */
        NOT_POLYGONAL
    }

    @Override
    public String toString() {
        return kind + " " + codes + " at " + lon + "," + lat + ": " + detail;
    }
}

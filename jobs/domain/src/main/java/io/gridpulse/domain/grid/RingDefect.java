package io.gridpulse.domain.grid;

/**
 * A ring of a GeoJSON polygon that could not be taken as written: not closed (it was closed by
 * repeating its first position) or with too few distinct positions (it was left out). Where: the
 * ring's first position, in WGS84. Immutable.
 *
 * @param kind what is wrong
 * @param ring which ring, e.g. {@code polygon 0 ring 1} (ring 0 is the shell, the others holes)
 * @param lon WGS84 longitude of the ring's first position
 * @param lat WGS84 latitude of the ring's first position
 */
public record RingDefect(Kind kind, String ring, double lon, double lat) {

    public enum Kind {
        /** The last position differs from the first; the reader closed the ring. */
        UNCLOSED,
        /** Fewer than 4 positions (3 distinct); the reader left the ring out. */
        TOO_FEW_POINTS
    }
}

package io.gridpulse.flink.common;

/**
 * A point converted to WGS84 with its unit grid and the grid's hierarchy; grid code '' (and empty
 * hierarchy) outside every grid, and all null when the event had no location.
 */
public record Located(Double lon, Double lat, String gridCode, String community, String street, String district) {

    public static final Located NOWHERE = new Located(null, null, "", "", "", "");
}

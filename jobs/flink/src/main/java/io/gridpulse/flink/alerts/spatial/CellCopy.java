package io.gridpulse.flink.alerts.spatial;

/**
 * A report sent to one cell of its category ({@code key} = category and cell). Every cell its
 * search box touches keeps a copy as a candidate for later reports; only the copy in its own cell
 * ({@code home}) is checked, so each report yields at most one alert.
 */
public record CellCopy(String key, boolean home, Report report) {}

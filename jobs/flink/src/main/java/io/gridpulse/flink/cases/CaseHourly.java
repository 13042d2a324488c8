package io.gridpulse.flink.cases;

/**
 * Reports (REPORTED events, every one, including a second reporter's) of one hour, grid,
 * category and source. {@code version} orders re-firings of the same window.
 */
public record CaseHourly(long hour, String gridCode, String categoryCode, String source, long reports, long version) {}

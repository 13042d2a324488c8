package io.gridpulse.flink.common;

/**
 * An entity's latest event time in a bounded run and the reading types seen at that time, each
 * as {@code \0type\0} ({@code \0\0} for a vehicle position): what {@link Deduplicate} needs to
 * recognise a repeat when times never decrease.
 */
public record LatestIdentity(long time, String tags) {}

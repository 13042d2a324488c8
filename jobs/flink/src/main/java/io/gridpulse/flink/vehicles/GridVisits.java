package io.gridpulse.flink.vehicles;

/** Running visits of one vehicle to one grid on one day (Flink state). */
public record GridVisits(long visits, long positions, long first, long last) {}

package io.gridpulse.flink.sensors;

import io.gridpulse.domain.model.SensorReading;
import io.gridpulse.flink.common.Located;

/** A distinct valid reading with its location (the reading's, else the sensors file's) and grid. */
public record ReadingRow(SensorReading reading, Located located, long ingestedAt) {}

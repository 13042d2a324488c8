package io.gridpulse.flink.cases.workflow;

/** One row of {@code progress}: the moment a scope's results stand at, recorded at a wall-clock time. */
public record Progress(String scope, long asOf, long recordedAt, String runId) {}

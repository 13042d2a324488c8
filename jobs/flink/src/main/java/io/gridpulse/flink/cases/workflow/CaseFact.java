package io.gridpulse.flink.cases.workflow;

/**
 * One row of {@code case_facts}: a case's state (案件事实) as the workflow replayed it. Times are
 * epoch milliseconds, null when the event has not happened; strings are '' when unknown (the
 * table's LowCardinality columns are not nullable). Location columns are those of the earliest
 * REPORTED, in WGS84, with its unit grid.
 *
 * @param version the number of distinct events the state was replayed from (ReplacingMergeTree)
 */
public record CaseFact(
        String caseId,
        long version,
        Long reportedAt,
        String source,
        String categoryCode,
        Double lon,
        Double lat,
        String gridCode,
        String community,
        String street,
        String district,
        String inspectorId,
        Long verifiedAt,
        Long registeredAt,
        Long firstDispatchedAt,
        Long checkedAt,
        Long closedAt,
        Long cancelledAt,
        boolean suspended,
        String status,
        int dispatchCount,
        int returnCount,
        int supervisedCount,
        Long lastEventTime) {}

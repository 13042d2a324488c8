package io.gridpulse.flink.cases.workflow;

/**
 * One row of {@code dispatch_facts}: a dispatch (派遣) as the workflow replayed it, with the case's
 * report attributes for grouping. Times are epoch milliseconds, null when unknown or not yet
 * happened; strings are '' when unknown.
 *
 * @param version the number of distinct events of the case the state was replayed from
 * @param totalSuspendedMs paused time of the pauses that have ended (by RESUMED or by the end of
 *     the dispatch); a pause still running is not included: it runs from {@code suspendedSince} to
 *     whatever moment a reader stands at (the as-of time), and a live job has no fixed as-of time
 */
public record DispatchFact(
        String dispatchId,
        String caseId,
        long version,
        String department,
        long start,
        Long endTime,
        String endReason,
        Long deadline,
        Long initialDeadline,
        String deadlineSource,
        int reworkCount,
        int postponeCount,
        boolean disposed,
        Long disposedAt,
        Long firstDisposedAt,
        Long deadlineAtDisposal,
        Boolean onTime,
        boolean suspended,
        Long suspendedSince,
        long totalSuspendedMs,
        String source,
        String categoryCode,
        String gridCode,
        String community,
        String street,
        String district) {}

package io.gridpulse.flink.cases.workflow;

import io.gridpulse.flink.common.Located;

/**
 * Where a case was reported: the location (WGS84, unit grid) of its earliest REPORTED in the
 * contract's order (time, then eventId), kept in state beside the case's events.
 */
public record ReportLocation(String eventId, long time, Located located) {

    /** True when a REPORTED at {@code time} with {@code eventId} comes before this one. */
    boolean isAfter(long time, String eventId) {
        return time < this.time || (time == this.time && eventId.compareTo(this.eventId) < 0);
    }
}

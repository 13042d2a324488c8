package io.gridpulse.flink.alerts.spatial;

import io.gridpulse.domain.model.CaseEventType;
import io.gridpulse.flink.cases.CaseEventRow;

/**
 * A REPORTED (上报) case event as the spatial alert rules see it: WGS84 position, unit grid ('' outside
 * every grid) and category. Flat, so that it is cheap in Flink state.
 */
public record Report(
        String eventId, String caseId, long time, String categoryCode, String gridCode, double lon, double lat) {

    /** The report of a located REPORTED event. */
    public static Report of(CaseEventRow row) {
        if (row.event().type() != CaseEventType.REPORTED || row.located().lon() == null) {
            throw new IllegalArgumentException(
                    "not a located REPORTED event: " + row.event().eventId());
        }
        return new Report(
                row.event().eventId(),
                row.event().caseId(),
                row.event().time(),
                row.event().categoryCode(),
                row.located().gridCode(),
                row.located().lon(),
                row.located().lat());
    }

    /** The rules' order: (time, eventId). */
    public boolean before(Report o) {
        return time < o.time || (time == o.time && eventId.compareTo(o.eventId) < 0);
    }
}

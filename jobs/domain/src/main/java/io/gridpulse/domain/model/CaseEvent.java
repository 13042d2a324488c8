package io.gridpulse.domain.model;

import io.gridpulse.domain.geo.Crs;

/**
 * One validated event of the case feed, as the feed sent it (coordinates still in {@code crs}).
 * Times are epoch milliseconds; optional fields are null when absent. The reporter's phone
 * number never enters this type: only its keyed hash does.
 */
public record CaseEvent(
        String eventId,
        String caseId,
        CaseEventType type,
        long time,
        CaseSource source,
        String categoryCode,
        Double lon,
        Double lat,
        Crs crs,
        String department,
        Long deadline,
        String inspectorId,
        String address,
        String description,
        String reporterPhoneHash) {

    public boolean located() {
        return lon != null && lat != null;
    }
}

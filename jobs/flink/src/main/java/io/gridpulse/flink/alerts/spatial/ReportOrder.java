package io.gridpulse.flink.alerts.spatial;

import org.apache.flink.cep.EventComparator;

/** Orders reports of one instant by eventId, as contracts.md breaks ties (all are REPORTED). */
public final class ReportOrder implements EventComparator<Report> {

    @Override
    public int compare(Report a, Report b) {
        int c = Long.compare(a.time(), b.time());
        return c != 0 ? c : a.eventId().compareTo(b.eventId());
    }
}

package io.gridpulse.flink.alerts.spatial;

import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.model.CaseEventType;
import io.gridpulse.flink.cases.CaseEventRow;
import io.gridpulse.flink.common.Outputs;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The alerts about where reports cluster: HOTSPOT ({@link HotspotAlerts}) and DUPLICATE_SUSPECTED
 * ({@link DuplicateAlerts}), on the located case events of {@code CaseIngestJob}. See
 * docs/alerts.md.
 */
public final class SpatialAlerts {

    private SpatialAlerts() {}

    /** Adds both rules to the job of {@code events} and sends their alerts to {@code outputs}. */
    public static void build(DataStream<CaseEventRow> events, SpatialAlertSettings settings, Outputs outputs) {
        DataStream<Report> reports = reports(events);
        outputs.alerts(HotspotAlerts.build(reports, settings.hotspotRules()), "hotspot");
        outputs.alerts(
                DuplicateAlerts.build(reports, settings.duplicateMeters(), settings.duplicateWindowMillis()),
                "duplicate");
    }

    /** The located REPORTED events as {@link Report}s. */
    public static DataStream<Report> reports(DataStream<CaseEventRow> events) {
        return events.filter(e -> e.event().type() == CaseEventType.REPORTED
                        && e.located().lon() != null)
                .name("alerts-reported")
                .uid("alerts-reported")
                .map(Report::of)
                .returns(TypeInformation.of(Report.class))
                .name("alerts-reports")
                .uid("alerts-reports");
    }

    /** Both rules' alerts as one stream, for tests that collect them. */
    public static DataStream<Alert> alerts(DataStream<Report> reports, SpatialAlertSettings settings) {
        return HotspotAlerts.build(reports, settings.hotspotRules())
                .union(DuplicateAlerts.build(reports, settings.duplicateMeters(), settings.duplicateWindowMillis()));
    }
}

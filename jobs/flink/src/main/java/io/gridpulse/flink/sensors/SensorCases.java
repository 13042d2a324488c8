package io.gridpulse.flink.sensors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.CaseEventType;
import io.gridpulse.domain.model.CaseSource;
import io.gridpulse.domain.reference.SensorRule;
import io.gridpulse.flink.common.FeedRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The case a SENSOR_ALARM reports when its rule has a categoryCode: a REPORTED event (source
 * SENSOR, at the sensor's WGS84 location) whose caseId and eventId derive from the alert id, so
 * that a replay reports the same case and the case job's deduplication counts it once. Carried
 * as a {@link FeedRecord} with its JSON text as the raw bytes, which is also what goes on the
 * cases topic. Stateless.
 */
public final class SensorCases {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SensorCases() {}

    public static String caseId(String alertId) {
        return "SENSOR-" + alertId;
    }

    public static FeedRecord reported(Alert alarm, SensorRule rule, double value, double lon, double lat, ZoneId zone) {
        String caseId = caseId(alarm.alertId());
        String eventId = caseId + "-REPORTED";
        String description = "传感器告警 " + alarm.sensorId() + " " + rule.type() + " " + value + " "
                + rule.operator().symbol() + " " + rule.threshold() + " (" + rule.consecutive() + " 次)";
        CaseEvent e = new CaseEvent(
                eventId,
                caseId,
                CaseEventType.REPORTED,
                alarm.time(),
                CaseSource.SENSOR,
                rule.categoryCode(),
                lon,
                lat,
                Crs.WGS84,
                null,
                null,
                null,
                null,
                description,
                null);
        ObjectNode o = JSON.createObjectNode();
        o.put("eventId", eventId);
        o.put("caseId", caseId);
        o.put("type", "REPORTED");
        o.put(
                "time",
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        Instant.ofEpochMilli(alarm.time()).atZone(zone)));
        o.put("source", "SENSOR");
        o.put("categoryCode", rule.categoryCode());
        o.put("lon", lon);
        o.put("lat", lat);
        o.put("crs", "WGS84");
        o.put("description", description);
        byte[] raw = o.toString().getBytes(StandardCharsets.UTF_8);
        return new FeedRecord(e, null, null, null, raw, "sensor-alarm/" + alarm.alertId());
    }
}

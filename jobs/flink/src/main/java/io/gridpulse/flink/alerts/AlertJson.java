package io.gridpulse.flink.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.codec.IsoTime;

/** An alert as the JSON record of the {@code gridpulse.alerts} topic (schemas/alert.schema.json). */
public final class AlertJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertJson() {}

    public static byte[] toJson(Alert a) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("alert_id", a.alertId());
        n.put("type", a.type().name());
        n.put("time", iso(a.time()));
        n.put("emitted_at", iso(a.emittedAt()));
        n.put("ended_at", a.endedAt() == null ? null : iso(a.endedAt()));
        n.put("revision", a.revision());
        n.put("severity", a.severity());
        n.put("case_id", a.caseId());
        n.put("dispatch_id", a.dispatchId());
        n.put("department", a.department());
        n.put("grid_code", a.gridCode());
        n.put("category_code", a.categoryCode());
        n.put("vehicle_id", a.vehicleId());
        n.put("sensor_id", a.sensorId());
        n.put("details", a.details());
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String iso(long millis) {
        return IsoTime.format(millis);
    }
}

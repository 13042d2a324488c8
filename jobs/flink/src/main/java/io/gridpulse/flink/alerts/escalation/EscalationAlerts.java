package io.gridpulse.flink.alerts.escalation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.alert.AlertType;
import io.gridpulse.flink.alerts.deadline.ClockSignal;
import java.util.List;
import java.util.Map;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Alerts of the escalation patterns. Ids: REWORK_REPEATED (dispatchId), RETURN_REPEATED (caseId),
 * SUPERVISED (the SUPERVISED's eventId); time: the second REWORK, the second RETURNED, the
 * SUPERVISED.
 */
public final class EscalationAlerts extends PatternProcessFunction<ClockSignal, Alert> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AlertType type;

    public EscalationAlerts(AlertType type) {
        this.type = type;
    }

    @Override
    public void processMatch(Map<String, List<ClockSignal>> match, Context ctx, Collector<Alert> out) {
        long now = System.currentTimeMillis();
        switch (type) {
            case REWORK_REPEATED ->
                out.collect(alert(
                        match.get("second").get(0), match.get("first").get(0), Alert.id(type, dispatch(match)), now));
            case RETURN_REPEATED -> {
                ClockSignal second = match.get("second").get(0);
                out.collect(alert(second, match.get("first").get(0), Alert.id(type, second.caseId()), now));
            }
            case SUPERVISED -> {
                ClockSignal s = match.get("supervised").get(0);
                out.collect(alert(s, null, Alert.id(type, s.eventId()), now));
            }
            default -> throw new IllegalStateException("not an escalation alert: " + type);
        }
    }

    private static String dispatch(Map<String, List<ClockSignal>> match) {
        return match.get("dispatched").get(0).dispatchId();
    }

    private Alert alert(ClockSignal at, ClockSignal first, String id, long now) {
        ObjectNode d = MAPPER.createObjectNode();
        d.put("eventId", at.eventId());
        if (first != null) {
            d.put("firstEventId", first.eventId());
            d.put("firstTime", first.time());
        }
        return new Alert(
                id,
                type,
                at.time(),
                now,
                null,
                0,
                type == AlertType.SUPERVISED ? "INFO" : "WARNING",
                at.caseId(),
                at.dispatchId(),
                at.department(),
                at.gridCode(),
                at.categoryCode(),
                null,
                null,
                d.toString());
    }
}

package io.gridpulse.flink.alerts.spatial;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.alert.AlertType;
import io.gridpulse.domain.alert.spatial.HotspotRule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.util.Collector;

/**
 * One HOTSPOT per match, at the time of its last report. Its id is made of the grid, the category
 * and the K eventIds consumed, so a replay yields the same id.
 */
final class HotspotMatch extends PatternProcessFunction<Report, Alert> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HotspotRule rule;

    HotspotMatch(HotspotRule rule) {
        this.rule = rule;
    }

    @Override
    public void processMatch(Map<String, List<Report>> match, Context ctx, Collector<Alert> out) {
        out.collect(alert(match.get(HotspotAlerts.PATTERN_NAME), rule, System.currentTimeMillis()));
    }

    static Alert alert(List<Report> reports, HotspotRule rule, long now) {
        Report first = reports.get(0);
        Report last = reports.get(reports.size() - 1);
        Object[] parts = new Object[reports.size() + 2];
        parts[0] = last.gridCode();
        parts[1] = last.categoryCode();
        ObjectNode d = JSON.createObjectNode();
        d.put("k", rule.k());
        d.put("windowMinutes", rule.windowMillis() / 60_000.0);
        d.put("firstTime", Instant.ofEpochMilli(first.time()).toString());
        ArrayNode events = d.putArray("eventIds");
        ArrayNode cases = d.putArray("caseIds");
        for (int i = 0; i < reports.size(); i++) {
            parts[i + 2] = reports.get(i).eventId();
            events.add(reports.get(i).eventId());
            cases.add(reports.get(i).caseId());
        }
        return new Alert(
                Alert.id(AlertType.HOTSPOT, parts),
                AlertType.HOTSPOT,
                last.time(),
                now,
                null,
                0,
                "WARNING",
                last.caseId(),
                null,
                null,
                last.gridCode(),
                last.categoryCode(),
                null,
                null,
                d.toString());
    }
}

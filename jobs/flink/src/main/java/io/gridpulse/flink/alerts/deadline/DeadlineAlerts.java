package io.gridpulse.flink.alerts.deadline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.alert.AlertType;
import io.gridpulse.domain.codec.IsoTime;
import java.util.List;
import java.util.Map;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.util.Collector;

/**
 * OVERDUE and OVERDUE_WARNING as a CEP pattern over the clock's ticks, keyed by dispatch: a tick
 * matches when the dispatch's state at the tick's instant makes it an alert ({@link
 * ClockSignal#overdue()}, {@link ClockSignal#warningDue()}). A one-event pattern leaves no partial
 * match behind. The clock fires each (dispatch, deadline) at most once: a REWORK after an OVERDUE of
 * the same deadline brings no second tick that holds.
 */
public final class DeadlineAlerts {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private DeadlineAlerts() {}

    public static Pattern<ClockSignal, ClockSignal> pattern() {
        return Pattern.<ClockSignal>begin("due").where(SimpleCondition.of(s -> s.overdue() || s.warningDue()));
    }

    /** Turns a matched tick into its alert. */
    public static final class Emit extends PatternProcessFunction<ClockSignal, Alert> {
        @Override
        public void processMatch(Map<String, List<ClockSignal>> match, Context ctx, Collector<Alert> out) {
            out.collect(alert(match.get("due").get(0), System.currentTimeMillis()));
        }
    }

    /** The alert of a tick that holds: id from (type, dispatch, deadline), time = the instant. */
    public static Alert alert(ClockSignal s, long emittedAt) {
        AlertType type = s.kind() == SignalKind.OVERDUE_DUE ? AlertType.OVERDUE : AlertType.OVERDUE_WARNING;
        ObjectNode d = MAPPER.createObjectNode();
        d.put("deadline", iso(s.deadline()));
        d.put("start", iso(s.start()));
        d.put("deadlineSource", s.deadlineCause());
        d.put("deadlineSetAt", iso(s.deadlineSetAt()));
        return new Alert(
                Alert.id(type, s.dispatchId(), s.deadline()),
                type,
                s.time(),
                emittedAt,
                null,
                0,
                type == AlertType.OVERDUE ? "CRITICAL" : "WARNING",
                s.caseId(),
                s.dispatchId(),
                s.department(),
                s.gridCode(),
                s.categoryCode(),
                null,
                null,
                d.toString());
    }

    static String iso(long millis) {
        return IsoTime.format(millis);
    }
}

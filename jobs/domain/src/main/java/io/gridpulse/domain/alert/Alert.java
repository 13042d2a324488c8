package io.gridpulse.domain.alert;

import io.gridpulse.domain.codec.StableId;
import java.util.Objects;

/**
 * One alert: a row of the {@code alerts} table and a message of the {@code gridpulse.alerts}
 * topic (contracts.md section 3; schemas/alert.schema.json). Times are epoch milliseconds.
 * Immutable and thread-safe.
 *
 * <p>An alert that lasts (a sensor episode, a zone stay) is emitted more than once under the same
 * id: first open ({@code endedAt} null), then ended. {@code revision} orders these states, so that
 * the table keeps the latest state even when a replay after a restart writes an earlier state
 * again later in wall-clock time.
 *
 * @param alertId deterministic (see {@link #id}): the same alert always has the same id
 * @param time the event-time instant the alert is about
 * @param emittedAt wall-clock time the job emitted this state of the alert
 * @param endedAt when a lasting alert ended; null while it lasts or for instant alerts
 * @param revision 0 for the first state, higher for later states of the same alert
 * @param severity e.g. INFO, WARNING, CRITICAL, or a sensor rule's own severity
 * @param details JSON text with type-specific facts
 */
public record Alert(
        String alertId,
        AlertType type,
        long time,
        long emittedAt,
        Long endedAt,
        int revision,
        String severity,
        String caseId,
        String dispatchId,
        String department,
        String gridCode,
        String categoryCode,
        String vehicleId,
        String sensorId,
        String details) {

    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        details = details == null ? "{}" : details;
    }

    /**
     * A deterministic alert id: the first 128 bits of SHA-256 over the type and the parts that
     * identify the alert (for example dispatch id and deadline for OVERDUE), as hex. Parts are
     * joined with a separator that cannot occur in them unescaped.
     */
    public static String id(AlertType type, Object... parts) {
        StringBuilder b = new StringBuilder(type.name());
        for (Object p : parts) {
            b.append('\u001f').append(String.valueOf(p).replace("\u001f", "\u001f\u001f"));
        }
        return StableId.of(b.toString());
    }

    /** This alert in a later state: ended at {@code at}, with the next revision. */
    public Alert endedAt(long at, long emittedNow) {
        return new Alert(
                alertId,
                type,
                time,
                emittedNow,
                at,
                revision + 1,
                severity,
                caseId,
                dispatchId,
                department,
                gridCode,
                categoryCode,
                vehicleId,
                sensorId,
                details);
    }
}

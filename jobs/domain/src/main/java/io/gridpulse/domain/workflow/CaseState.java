package io.gridpulse.domain.workflow;

import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.model.CaseSource;
import java.util.List;
import java.util.Optional;

/**
 * The state of one case as of a moment, replayed from its events by {@link CaseStateMachine}.
 * Times are epoch milliseconds; nullable fields are boxed and null when the event has not
 * happened (by the as-of moment). Immutable (the list is copied) and thread-safe.
 *
 * @param caseId the case number
 * @param asOf the moment the state stands at: only events with time {@code <= asOf} count
 * @param reportedAt the earliest REPORTED; later ones are ignored
 * @param source where the case came from (of the earliest REPORTED)
 * @param categoryCode the catalogue code (of the earliest REPORTED)
 * @param lon longitude as sent, in {@code crs} (of the earliest REPORTED)
 * @param lat latitude as sent
 * @param crs the coordinates' reference system as sent (null: WGS84 by default, or no REPORTED)
 * @param inspectorId the inspector of the earliest REPORTED, if any
 * @param verifiedAt the first VERIFIED (核实)
 * @param registeredAt the first REGISTERED (立案)
 * @param firstDispatchedAt the first DISPATCHED (派遣)
 * @param checkedAt the last CHECKED (核查): the check the closure rests on
 * @param closedAt the first CLOSED (结案)
 * @param cancelledAt the first CANCELLED (作废)
 * @param suspended parked (挂账) at {@code asOf}
 * @param status the current workflow status; null when no event sets one yet
 * @param dispatchCount number of dispatches
 * @param returnCount dispatches ended by RETURNED
 * @param supervisedCount SUPERVISED events (督办)
 * @param lastEventTime the latest event time up to {@code asOf}; null when there is none
 * @param dispatches the dispatches in start order
 */
public record CaseState(
        String caseId,
        long asOf,
        Long reportedAt,
        CaseSource source,
        String categoryCode,
        Double lon,
        Double lat,
        Crs crs,
        String inspectorId,
        Long verifiedAt,
        Long registeredAt,
        Long firstDispatchedAt,
        Long checkedAt,
        Long closedAt,
        Long cancelledAt,
        boolean suspended,
        CaseStatus status,
        int dispatchCount,
        int returnCount,
        int supervisedCount,
        Long lastEventTime,
        List<Dispatch> dispatches) {

    public CaseState {
        dispatches = List.copyOf(dispatches);
    }

    /** The dispatch open at {@code asOf}, if any (at most one is open at a time). */
    public Optional<Dispatch> openDispatch() {
        return dispatches.isEmpty() || !dispatches.get(dispatches.size() - 1).open()
                ? Optional.empty()
                : Optional.of(dispatches.get(dispatches.size() - 1));
    }
}

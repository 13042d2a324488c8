package io.gridpulse.flink.alerts.spatial;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.alert.AlertType;
import io.gridpulse.domain.geo.Haversine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * DUPLICATE_SUSPECTED (疑似重复上报), keyed by category and cell: for each report checked here (its
 * home copy), the earliest of the reports strictly before it by (time, eventId), of another case,
 * at most D metres (haversine) and T earlier, both inclusive; one alert naming it, id from the
 * report's eventId.
 *
 * <p>Order: copies wait in {@code pending} until the watermark passes their time (an event-time
 * timer at that time), then are taken in (time, eventId) order, so the result does not depend on
 * arrival order. State is bounded: a report is kept as a candidate until the watermark is T past
 * it (a timer at time + T), and a key with nothing pending or kept has no state.
 *
 * <p>A copy that arrives behind the watermark (live mode only) is checked at once against the
 * candidates still kept (those not older than the watermark minus T) and kept itself; alerts
 * already emitted for later reports are not changed (alerts are never withdrawn). Counted in the
 * metric {@code lateReports}.
 */
public final class DuplicateReports extends KeyedProcessFunction<String, CellCopy, Alert> {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Comparator<Report> ORDER =
            Comparator.comparingLong(Report::time).thenComparing(Report::eventId);

    private final double meters;
    private final long windowMillis;
    private transient MapState<Long, List<CellCopy>> pending;
    private transient ListState<Report> kept;
    private transient Counter late;

    public DuplicateReports(double meters, long windowMillis) {
        this.meters = meters;
        this.windowMillis = windowMillis;
    }

    @Override
    public void open(OpenContext ctx) {
        pending = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>(
                        "pending", Types.LONG, Types.LIST(TypeInformation.of(CellCopy.class))));
        kept = getRuntimeContext().getListState(new ListStateDescriptor<>("kept", TypeInformation.of(Report.class)));
        late = getRuntimeContext().getMetricGroup().counter("lateReports");
    }

    @Override
    public void processElement(CellCopy c, Context ctx, Collector<Alert> out) throws Exception {
        long t = c.report().time();
        if (t <= ctx.timerService().currentWatermark()) {
            late.inc();
            take(List.of(c), ctx, out);
            return;
        }
        List<CellCopy> at = pending.get(t);
        List<CellCopy> list = at == null ? new ArrayList<>() : new ArrayList<>(at);
        list.add(c);
        pending.put(t, list);
        ctx.timerService().registerEventTimeTimer(t);
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        List<CellCopy> due = new ArrayList<>();
        for (Iterator<Map.Entry<Long, List<CellCopy>>> it = pending.iterator(); it.hasNext(); ) {
            Map.Entry<Long, List<CellCopy>> e = it.next();
            if (e.getKey() <= ts) {
                due.addAll(e.getValue());
                it.remove();
            }
        }
        due.sort(Comparator.comparing(CellCopy::report, ORDER));
        take(due, ctx, out);
        // Every report still to come is later than ts: one more than T before ts is no candidate.
        List<Report> still = new ArrayList<>();
        for (Report r : kept.get()) {
            if (r.time() > ts - windowMillis) {
                still.add(r);
            }
        }
        if (still.isEmpty()) {
            kept.clear();
        } else {
            kept.update(still);
        }
        if (pending.isEmpty()) {
            pending.clear();
        }
    }

    private void take(List<CellCopy> copies, Context ctx, Collector<Alert> out) throws Exception {
        if (copies.isEmpty()) {
            return;
        }
        List<Report> candidates = new ArrayList<>();
        kept.get().forEach(candidates::add);
        for (CellCopy c : copies) {
            Report r = c.report();
            if (c.home()) {
                Report earliest = null;
                double distance = 0;
                for (Report o : candidates) {
                    if (!o.caseId().equals(r.caseId())
                            && o.before(r)
                            && r.time() - o.time() <= windowMillis
                            && (earliest == null || o.before(earliest))) {
                        double d = Haversine.meters(o.lon(), o.lat(), r.lon(), r.lat());
                        if (d <= meters) {
                            earliest = o;
                            distance = d;
                        }
                    }
                }
                if (earliest != null) {
                    out.collect(alert(r, earliest, distance, System.currentTimeMillis()));
                }
            }
            candidates.add(r);
            ctx.timerService().registerEventTimeTimer(r.time() + windowMillis);
        }
        kept.update(candidates);
    }

    static Alert alert(Report r, Report earlier, double distance, long now) {
        ObjectNode d = JSON.createObjectNode();
        d.put("eventId", r.eventId());
        d.put("duplicateOfEventId", earlier.eventId());
        d.put("duplicateOfCaseId", earlier.caseId());
        d.put("duplicateOfTime", Instant.ofEpochMilli(earlier.time()).toString());
        d.put("distanceMeters", Math.round(distance * 100) / 100.0);
        return new Alert(
                Alert.id(AlertType.DUPLICATE_SUSPECTED, r.eventId()),
                AlertType.DUPLICATE_SUSPECTED,
                r.time(),
                now,
                null,
                0,
                "INFO",
                r.caseId(),
                null,
                null,
                r.gridCode(),
                r.categoryCode(),
                null,
                null,
                d.toString());
    }
}

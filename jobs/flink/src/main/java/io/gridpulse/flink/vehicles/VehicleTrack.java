package io.gridpulse.flink.vehicles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.alert.AlertType;
import io.gridpulse.domain.calendar.DailyHours;
import io.gridpulse.domain.vehicle.Cleaned;
import io.gridpulse.domain.vehicle.DropReason;
import io.gridpulse.domain.vehicle.PeriodTotals;
import io.gridpulse.domain.vehicle.Stop;
import io.gridpulse.domain.vehicle.StopWatch;
import io.gridpulse.domain.vehicle.TrajectoryCleaner;
import io.gridpulse.domain.vehicle.ZoneStay;
import io.gridpulse.domain.vehicle.ZoneWatch;
import io.gridpulse.domain.zone.Zone;
import io.gridpulse.domain.zone.Zones;
import io.gridpulse.flink.common.ProgressCounters;
import io.gridpulse.flink.common.ReferenceData;
import io.gridpulse.flink.common.Timers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by vehicle: takes its positions in time order and runs, per position, trajectory
 * cleaning, the metrics (hourly, daily, per grid and day) and the vehicle rules
 * (ZONE_VIOLATION, DUMPING_SUSPECTED, VEHICLE_SILENT). One hand-written function rather than
 * CEP patterns: every rule needs the cleaned trajectory and per-vehicle state anyway, and
 * docs/fleet.md records the measured cost of CEP.
 *
 * <p>Order: positions wait in a buffer until the watermark, less the out-of-order tolerance,
 * passes them; they are then taken in time order, each with the deadlines that fall before it
 * (a dumping stop due, a silence due, an hour or a day ending). A process run uses tolerance
 * zero: its watermark is exact, so the result is that of the records in event-time order.
 * In live mode a position arriving after later ones were taken is dropped as OUT_OF_ORDER
 * (counted; the raw table still has it).
 *
 * <p>Emission: each hour, day and grid-day is written once, when it is complete, so a replay
 * after a restart writes equal rows (the tables replace by key). Alerts fire at their event-time
 * instant; in a process run never after the as-of time. VEHICLE_SILENT in live mode fires on
 * the wall clock (processing-time timer at its instant plus a grace), since a quiet feed moves
 * no watermark.
 *
 * <p>State: a vehicle's state is dropped after {@code idleStateAfter} without positions.
 */
public final class VehicleTrack extends KeyedProcessFunction<String, PositionRow, Alert> {

    public static final OutputTag<VehicleHourly> HOURLY =
            new OutputTag<>("vehicle-hourly", TypeInformation.of(VehicleHourly.class));
    public static final OutputTag<VehicleDaily> DAILY =
            new OutputTag<>("vehicle-daily", TypeInformation.of(VehicleDaily.class));
    public static final OutputTag<VehicleGridDay> GRID_DAY =
            new OutputTag<>("vehicle-grid-day", TypeInformation.of(VehicleGridDay.class));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long HOUR = 3_600_000L;
    private static final String MUCK = "MUCK";

    private final VehicleRuleSettings s;
    private final ReferenceData reference;
    private final boolean live;
    private final long asOf;

    private transient TrajectoryCleaner cleaner;
    private transient ZoneWatch zoneWatch;
    private transient StopWatch stopWatch;
    private transient Zones zones;
    private transient Map<String, DailyHours> serviceHours;
    private transient long tolerance;
    private transient ValueState<Track> track;
    private transient MapState<Long, PositionRow> buffer;
    private transient MapState<Long, PeriodTotals> hours;
    private transient MapState<Long, PeriodTotals> days;
    private transient MapState<String, GridVisits> gridDays;
    private transient MapState<String, ZoneStay> stays;
    private transient Map<DropReason, Counter> dropped;

    /**
     * @param live live mode (wall-clock silence, no as-of limit)
     * @param asOf process runs: no alert after this instant
     */
    public VehicleTrack(VehicleRuleSettings settings, ReferenceData reference, boolean live, long asOf) {
        this.s = settings;
        this.reference = reference;
        this.live = live;
        this.asOf = live ? Long.MAX_VALUE : asOf;
    }

    @Override
    public void open(OpenContext ctx) {
        cleaner = new TrajectoryCleaner(s.maxKmh(), s.restartRun());
        zoneWatch = new ZoneWatch(s.zone());
        stopWatch = new StopWatch(
                s.stopRadiusMeters(), s.stopKmh(), s.dumpingAfter().toMillis(), DailyHours.parse(s.night()), s.zone());
        zones = reference.zones();
        serviceHours = new HashMap<>();
        tolerance = s.outOfOrderTolerance().toMillis();
        var rc = getRuntimeContext();
        track = rc.getState(new ValueStateDescriptor<>("track", TypeInformation.of(Track.class)));
        buffer = rc.getMapState(new MapStateDescriptor<>("buffer", Types.LONG, TypeInformation.of(PositionRow.class)));
        hours = rc.getMapState(new MapStateDescriptor<>("hours", Types.LONG, TypeInformation.of(PeriodTotals.class)));
        days = rc.getMapState(new MapStateDescriptor<>("days", Types.LONG, TypeInformation.of(PeriodTotals.class)));
        gridDays = rc.getMapState(
                new MapStateDescriptor<>("gridDays", Types.STRING, TypeInformation.of(GridVisits.class)));
        stays = rc.getMapState(new MapStateDescriptor<>("stays", Types.STRING, TypeInformation.of(ZoneStay.class)));
        dropped = new EnumMap<>(DropReason.class);
        var group = rc.getMetricGroup().addGroup("cleaning");
        for (DropReason r : DropReason.values()) {
            dropped.put(r, group.counter("dropped" + r.name()));
        }
    }

    @Override
    public void processElement(PositionRow row, Context ctx, Collector<Alert> out) throws Exception {
        long t = row.position().time();
        Track tr = track.value();
        if (tr == null) {
            tr = Track.empty(row.vehicleType());
        }
        tr = new Track(
                tr.cleaner(),
                row.vehicleType(),
                Math.max(tr.lastSeen(), t),
                tr.taken(),
                tr.lastGrid(),
                tr.lastDay(),
                tr.stop(),
                tr.stopAlerted(),
                tr.silentFrom(),
                tr.silentDeadline());
        long wm = ctx.timerService().currentWatermark();
        if (t <= tr.taken() || (wm != Long.MIN_VALUE && t + tolerance <= wm)) {
            // live only: later positions were taken already
            countDrop(DropReason.OUT_OF_ORDER);
            track.update(tr);
            return;
        }
        buffer.put(t, row);
        ctx.timerService().registerEventTimeTimer(Timers.roundUp(t + tolerance, Timers.TAKE));
        track.update(tr);
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        Track tr = track.value();
        if (tr == null) {
            return;
        }
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            wallClockSilence(tr, ts, ctx.getCurrentKey(), out);
            return;
        }
        long upTo = ctx.timerService().currentWatermark() - tolerance;
        String vehicleId = ctx.getCurrentKey();
        List<Long> ready = new ArrayList<>();
        for (Long t : buffer.keys()) {
            if (t <= upTo) {
                ready.add(t);
            }
        }
        Collections.sort(ready);
        for (long t : ready) {
            tr = deadlines(tr, vehicleId, t - 1, ctx, out);
            PositionRow row = buffer.get(t);
            buffer.remove(t);
            tr = take(tr, row, ctx, out);
        }
        tr = deadlines(tr, vehicleId, upTo, ctx, out);
        if (buffer.isEmpty()
                && hours.isEmpty()
                && days.isEmpty()
                && tr.taken() + s.idleStateAfter().toMillis() <= upTo
                && tr.silentDeadline() < 0) {
            clearAll();
            return;
        }
        track.update(tr);
    }

    /** One position taken in time order. */
    private Track take(Track tr, PositionRow row, Context ctx, Collector<Alert> out) throws Exception {
        long t = row.position().time();
        double lon = row.located().lon();
        double lat = row.located().lat();
        Cleaned c = cleaner.clean(tr.cleaner(), t, lon, lat);
        long hour = localHour(t);
        long day = localDay(t);
        addTotals(hours, hour, c, hour + HOUR, ctx);
        addTotals(days, day, c, dayStart(day + 1), ctx);
        if (!c.kept()) {
            countDrop(c.dropped());
            return new Track(
                    c.state(),
                    tr.vehicleType(),
                    tr.lastSeen(),
                    Math.max(tr.taken(), t),
                    tr.lastGrid(),
                    tr.lastDay(),
                    tr.stop(),
                    tr.stopAlerted(),
                    tr.silentFrom(),
                    tr.silentDeadline());
        }
        String grid = row.located().gridCode();
        if (!grid.isEmpty()) {
            boolean newVisit = !grid.equals(tr.lastGrid()) || day != tr.lastDay() || c.newStart();
            String key = day + "|" + grid;
            GridVisits v = gridDays.get(key);
            gridDays.put(
                    key,
                    v == null
                            ? new GridVisits(1, 1, t, t)
                            : new GridVisits(
                                    v.visits() + (newVisit ? 1 : 0),
                                    v.positions() + 1,
                                    Math.min(v.first(), t),
                                    Math.max(v.last(), t)));
        }
        Stop stop = tr.stop();
        String vehicleId = row.position().vehicleId();
        if (MUCK.equals(row.vehicleType())) {
            zoneRules(vehicleId, row, t, lon, lat, out);
            Double speed = row.position().speed();
            double kmh = speed != null ? speed : c.stepKmh();
            Stop next = stopWatch.onPosition(stop, t, lon, lat, kmh);
            if (next != null && next != stop) {
                ctx.timerService()
                        .registerEventTimeTimer(Timers.roundUp(stopWatch.dueAt(next) + tolerance, Timers.TAKE));
            }
            stop = next;
        }
        long deadline = service(tr.vehicleType()).afterInside(t, s.silentAfter().toMillis(), s.zone());
        if (tr.silentDeadline() >= 0) {
            // one pending silence timer per vehicle: the new position moves the deadline
            if (live) {
                ctx.timerService()
                        .deleteProcessingTimeTimer(
                                tr.silentDeadline() + s.alertGrace().toMillis());
            } else {
                ctx.timerService().deleteEventTimeTimer(Timers.deadline(tr.silentDeadline() + tolerance));
            }
        }
        if (deadline != Long.MAX_VALUE) {
            if (live) {
                ctx.timerService()
                        .registerProcessingTimeTimer(deadline + s.alertGrace().toMillis());
            } else {
                ctx.timerService().registerEventTimeTimer(Timers.deadline(deadline + tolerance));
            }
        } else {
            deadline = -1;
        }
        return new Track(
                c.state(), row.vehicleType(), tr.lastSeen(), t, grid, day, stop, tr.stopAlerted(), t, deadline);
    }

    private void addTotals(MapState<Long, PeriodTotals> map, long key, Cleaned c, long end, Context ctx)
            throws Exception {
        PeriodTotals p = map.get(key);
        if (p == null) {
            p = PeriodTotals.ZERO;
            ctx.timerService().registerEventTimeTimer(end - 1 + tolerance);
        }
        map.put(key, p.add(c, s.steps()));
    }

    private void zoneRules(String vehicleId, PositionRow row, long t, double lon, double lat, Collector<Alert> out)
            throws Exception {
        for (Zone z : zones.restricted()) {
            boolean inside = z.contains(lon, lat);
            ZoneStay before = stays.get(z.id());
            if (before == null && !inside) {
                continue;
            }
            ZoneWatch.Step step = zoneWatch.onPosition(before, inside, t, z.hours());
            if (step.stay() == null) {
                stays.remove(z.id());
            } else {
                stays.put(z.id(), step.stay());
            }
            long start = before != null ? before.start() : step.stay().start();
            if (step.opened() >= 0 && step.opened() <= asOf) {
                Alert a = zoneAlert(
                        vehicleId, z, start, step.opened(), row.located().gridCode());
                out.collect(a);
                if (step.endedAt() >= 0) {
                    out.collect(a.endedAt(step.endedAt(), System.currentTimeMillis()));
                }
            } else if (step.endedAt() >= 0 && before != null && before.alerted()) {
                Alert a = zoneAlert(
                        vehicleId, z, start, before.alertTime(), row.located().gridCode());
                out.collect(a.endedAt(step.endedAt(), System.currentTimeMillis()));
            }
        }
    }

    private Alert zoneAlert(String vehicleId, Zone z, long stayStart, long at, String grid) {
        ObjectNode d = JSON.createObjectNode();
        d.put("zoneId", z.id());
        d.put("zoneName", z.name());
        d.put("hours", z.hours().toString());
        d.put("enteredAt", Instant.ofEpochMilli(stayStart).toString());
        return alert(AlertType.ZONE_VIOLATION, vehicleId, at, "WARNING", grid, d, z.id(), stayStart);
    }

    /** Deadlines at or before {@code upTo}: dumping stops due, silences due (event time), periods ended. */
    private Track deadlines(Track tr, String vehicleId, long upTo, Context ctx, Collector<Alert> out) throws Exception {
        Stop stop = tr.stop();
        long stopAlerted = tr.stopAlerted();
        if (stop != null && stopAlerted != stop.anchorTime() && stopWatch.dueAt(stop) <= upTo) {
            long due = stopWatch.dueAt(stop);
            stopAlerted = stop.anchorTime();
            if (due <= asOf && stopWatch.suspicious(stop, zones)) {
                ObjectNode d = JSON.createObjectNode();
                d.put("anchoredAt", Instant.ofEpochMilli(stop.anchorTime()).toString());
                d.put("lon", stop.lon());
                d.put("lat", stop.lat());
                out.collect(alert(
                        AlertType.DUMPING_SUSPECTED, vehicleId, due, "CRITICAL", tr.lastGrid(), d, stop.anchorTime()));
            }
        }
        long silentDeadline = tr.silentDeadline();
        if (!live && silentDeadline >= 0 && silentDeadline <= upTo) {
            if (silentDeadline <= asOf) {
                out.collect(silentAlert(vehicleId, tr));
            }
            silentDeadline = -1;
        }
        flush(vehicleId, tr.vehicleType(), upTo, ctx);
        return new Track(
                tr.cleaner(),
                tr.vehicleType(),
                tr.lastSeen(),
                tr.taken(),
                tr.lastGrid(),
                tr.lastDay(),
                stop,
                stopAlerted,
                tr.silentFrom(),
                silentDeadline);
    }

    private void wallClockSilence(Track tr, long now, String vehicleId, Collector<Alert> out) throws Exception {
        long d = tr.silentDeadline();
        if (d >= 0 && now >= d + s.alertGrace().toMillis() && tr.lastSeen() <= tr.silentFrom()) {
            out.collect(silentAlert(vehicleId, tr));
            track.update(new Track(
                    tr.cleaner(),
                    tr.vehicleType(),
                    tr.lastSeen(),
                    tr.taken(),
                    tr.lastGrid(),
                    tr.lastDay(),
                    tr.stop(),
                    tr.stopAlerted(),
                    tr.silentFrom(),
                    -1));
        }
    }

    private Alert silentAlert(String vehicleId, Track tr) {
        ObjectNode d = JSON.createObjectNode();
        d.put("lastPositionAt", Instant.ofEpochMilli(tr.silentFrom()).toString());
        d.put("serviceHours", service(tr.vehicleType()).toString());
        d.put("vehicleType", tr.vehicleType());
        return alert(
                AlertType.VEHICLE_SILENT, vehicleId, tr.silentDeadline(), "INFO", tr.lastGrid(), d, tr.silentFrom());
    }

    private Alert alert(
            AlertType type, String vehicleId, long at, String severity, String grid, ObjectNode details, Object... id) {
        Object[] parts = new Object[id.length + 1];
        parts[0] = vehicleId;
        System.arraycopy(id, 0, parts, 1, id.length);
        return new Alert(
                Alert.id(type, parts),
                type,
                at,
                System.currentTimeMillis(),
                null,
                0,
                severity,
                "",
                "",
                "",
                grid == null ? "" : grid,
                "",
                vehicleId,
                "",
                details.toString());
    }

    /** Writes every hour and day that ended at or before {@code upTo} (all their positions are taken). */
    private void flush(String vehicleId, String type, long upTo, Context ctx) throws Exception {
        List<Long> doneHours = new ArrayList<>();
        for (Map.Entry<Long, PeriodTotals> e : hours.entries()) {
            if (e.getKey() + HOUR - 1 <= upTo) {
                PeriodTotals p = e.getValue();
                ctx.output(
                        HOURLY,
                        new VehicleHourly(
                                e.getKey(),
                                vehicleId,
                                type,
                                p.positions(),
                                p.meters() / 1000.0,
                                p.movingMillis() / 60_000.0,
                                p.stationaryMillis() / 60_000.0,
                                p.positions() + p.dropped()));
                doneHours.add(e.getKey());
            }
        }
        for (Long h : doneHours) {
            hours.remove(h);
        }
        List<Long> doneDays = new ArrayList<>();
        for (Map.Entry<Long, PeriodTotals> e : days.entries()) {
            if (dayStart(e.getKey() + 1) - 1 <= upTo) {
                doneDays.add(e.getKey());
            }
        }
        for (Long day : doneDays) {
            PeriodTotals p = days.get(day);
            String prefix = day + "|";
            List<String> keys = new ArrayList<>();
            for (Map.Entry<String, GridVisits> g : gridDays.entries()) {
                if (g.getKey().startsWith(prefix)) {
                    keys.add(g.getKey());
                    GridVisits v = g.getValue();
                    ctx.output(
                            GRID_DAY,
                            new VehicleGridDay(
                                    day,
                                    g.getKey().substring(prefix.length()),
                                    vehicleId,
                                    type,
                                    v.visits(),
                                    v.positions(),
                                    v.first(),
                                    v.last()));
                }
            }
            for (String k : keys) {
                gridDays.remove(k);
            }
            ctx.output(
                    DAILY,
                    new VehicleDaily(
                            day,
                            vehicleId,
                            type,
                            p.positions(),
                            p.meters() / 1000.0,
                            p.movingMillis() / 60_000.0,
                            p.stationaryMillis() / 60_000.0,
                            keys.size(),
                            p.droppedSameTime(),
                            p.droppedTooFast(),
                            p.droppedOutOfOrder(),
                            p.newStarts()));
            days.remove(day);
        }
        if (!doneDays.isEmpty()) {
            Track tr = track.value();
            long taken = tr == null ? upTo : tr.taken();
            ctx.timerService()
                    .registerEventTimeTimer(
                            Timers.roundUp(taken + s.idleStateAfter().toMillis() + tolerance, Timers.IDLE));
        }
    }

    private void clearAll() {
        track.clear();
        buffer.clear();
        hours.clear();
        days.clear();
        gridDays.clear();
        stays.clear();
    }

    private void countDrop(DropReason r) {
        dropped.get(r).inc();
        ProgressCounters.add("vehicles.cleaning.dropped." + r.name(), 1);
    }

    private DailyHours service(String type) {
        return serviceHours.computeIfAbsent(type == null ? "OTHER" : type, s::serviceHoursOf);
    }

    private long localHour(long t) {
        return ZonedDateTime.ofInstant(Instant.ofEpochMilli(t), s.zone())
                .truncatedTo(ChronoUnit.HOURS)
                .toInstant()
                .toEpochMilli();
    }

    private long localDay(long t) {
        return Instant.ofEpochMilli(t).atZone(s.zone()).toLocalDate().toEpochDay();
    }

    private long dayStart(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).atStartOfDay(s.zone()).toInstant().toEpochMilli();
    }
}

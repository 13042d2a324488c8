package io.gridpulse.flink.vehicles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.alert.AlertType;
import io.gridpulse.domain.calendar.DailyHours;
import io.gridpulse.domain.calendar.HoursClock;
import io.gridpulse.domain.calendar.ZoneDays;
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
    private final boolean timeOrdered;

    private transient TrajectoryCleaner cleaner;
    private transient ZoneWatch zoneWatch;
    private transient StopWatch stopWatch;
    private transient Zones zones;
    private transient Map<String, HoursClock> serviceHours;
    private transient ZoneDays localDays;
    private transient long tolerance;
    private transient ValueState<Track> track;
    private transient MapState<Long, PositionRow> buffer;

    private transient MapState<String, ZoneStay> stays;
    private transient Map<DropReason, Counter> dropped;

    /**
     * @param live live mode (wall-clock silence, no as-of limit)
     * @param asOf process runs: no alert after this instant
     */
    public VehicleTrack(VehicleRuleSettings settings, ReferenceData reference, boolean live, long asOf) {
        this(settings, reference, live, asOf, false);
    }

    /**
     * @param timeOrdered each vehicle's positions arrive in time order (a process run: `process`
     *     publishes its input sorted by event time and a vehicle is one key of one partition), so a
     *     position is taken as it arrives instead of waiting in state for the watermark; the result
     *     is the same for such input. A position earlier than one taken is then OUT_OF_ORDER.
     */
    public VehicleTrack(
            VehicleRuleSettings settings, ReferenceData reference, boolean live, long asOf, boolean timeOrdered) {
        this.s = settings;
        this.reference = reference;
        this.live = live;
        this.asOf = live ? Long.MAX_VALUE : asOf;
        this.timeOrdered = timeOrdered && !live;
    }

    @Override
    public void open(OpenContext ctx) {
        cleaner = new TrajectoryCleaner(s.maxKmh(), s.restartRun());
        zoneWatch = new ZoneWatch(s.zone());
        stopWatch = new StopWatch(
                s.stopRadiusMeters(), s.stopKmh(), s.dumpingAfter().toMillis(), DailyHours.parse(s.night()), s.zone());
        zones = reference.zones();
        serviceHours = new HashMap<>();
        localDays = new ZoneDays(s.zone());
        tolerance = s.outOfOrderTolerance().toMillis();
        var rc = getRuntimeContext();
        track = rc.getState(new ValueStateDescriptor<>("track", TypeInformation.of(Track.class)));
        buffer = rc.getMapState(new MapStateDescriptor<>("buffer", Types.LONG, TypeInformation.of(PositionRow.class)));
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
        long wm = ctx.timerService().currentWatermark();
        if (t <= tr.taken() || (wm != Long.MIN_VALUE && t + tolerance <= wm)) {
            // live only: later positions were taken already
            countDrop(DropReason.OUT_OF_ORDER);
            track.update(tr.seen(row.vehicleType(), t));
            return;
        }
        if (timeOrdered) {
            // Taking it now, after the deadlines before it, is what the timer would do once the
            // watermark passed it, without buffering every position in state. The deadlines see
            // the vehicle as it was before this position, as a timer would: an hour or a silence
            // carries the type it had, whichever of the two brings it due first.
            tr = deadlines(tr, ctx.getCurrentKey(), t - 1, ctx, out);
            track.update(take(tr.seen(row.vehicleType(), t), row, ctx, out));
            return;
        }
        tr = tr.seen(row.vehicleType(), t);
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
                && tr.open() == null
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
        OpenPeriods open = addTotals(row.position().vehicleId(), tr.vehicleType(), hour, day, c, tr.periods(), ctx);
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
                            tr.silentDeadline(),
                            null,
                            tr.zoneStays())
                    .withOpen(open);
        }
        String grid = row.located().gridCode();
        if (!grid.isEmpty()) {
            boolean newVisit = !grid.equals(tr.lastGrid()) || day != tr.lastDay() || c.newStart();
            GridVisits v = open.visitsOf(grid); // null for a new grid of the day
            open = open.inGrid(
                    grid,
                    v == null
                            ? new GridVisits(1, 1, t, t)
                            : new GridVisits(
                                    v.visits() + (newVisit ? 1 : 0),
                                    v.positions() + 1,
                                    Math.min(v.first(), t),
                                    Math.max(v.last(), t)));
        }
        Stop stop = tr.stop();
        int zoneStays = tr.zoneStays();
        String vehicleId = row.position().vehicleId();
        if (MUCK.equals(row.vehicleType())) {
            zoneStays = zoneRules(vehicleId, row, t, lon, lat, zoneStays, out);
            Double speed = row.position().speed();
            double kmh = speed != null ? speed : c.stepKmh();
            Stop next = stopWatch.onPosition(stop, t, lon, lat, kmh);
            if (next != null && next != stop) {
                ctx.timerService()
                        .registerEventTimeTimer(Timers.roundUp(stopWatch.dueAt(next) + tolerance, Timers.TAKE));
            }
            stop = next;
        }
        long deadline = service(tr.vehicleType()).afterInside(t, s.silentAfter().toMillis());
        if (deadline == Long.MAX_VALUE) {
            deadline = -1;
        }
        // One pending silence timer per vehicle: the new position moves the deadline. Event-time
        // timers are on a minute grid, so most positions keep the timer they have.
        long before = tr.silentDeadline() < 0 ? -1 : silenceTimer(tr.silentDeadline());
        long after = deadline < 0 ? -1 : silenceTimer(deadline);
        if (before != after) {
            if (before >= 0) {
                if (live) {
                    ctx.timerService().deleteProcessingTimeTimer(before);
                } else {
                    ctx.timerService().deleteEventTimeTimer(before);
                }
            }
            if (after >= 0) {
                if (live) {
                    ctx.timerService().registerProcessingTimeTimer(after);
                } else {
                    ctx.timerService().registerEventTimeTimer(after);
                }
            }
        }
        return new Track(
                        c.state(),
                        row.vehicleType(),
                        tr.lastSeen(),
                        t,
                        grid,
                        day,
                        stop,
                        tr.stopAlerted(),
                        t,
                        deadline,
                        null,
                        zoneStays)
                .withOpen(open);
    }

    /** The timer standing for a silence deadline: wall clock plus grace live, event-time grid otherwise. */
    private long silenceTimer(long deadline) {
        return live ? deadline + s.alertGrace().toMillis() : Timers.deadline(deadline + tolerance);
    }

    /**
     * Adds a taken position to its hour and day; returns the open periods for the caller to store. A
     * different period still open is complete (its positions all came before this one) and is
     * written first; normally the deadline before the position has written it already.
     */
    private OpenPeriods addTotals(
            String vehicleId, String type, long hour, long day, Cleaned c, OpenPeriods p, Context ctx)
            throws Exception {
        if (p.hourTotals() != null && p.hour() != hour) {
            writeHour(vehicleId, type, p.hour(), p.hourTotals(), ctx);
            p = p.withoutHour();
        }
        if (p.dayTotals() != null && p.day() != day) {
            writeDay(vehicleId, type, p, ctx);
            p = p.withoutDay();
        }
        PeriodTotals h = p.hourTotals();
        if (h == null) {
            h = PeriodTotals.ZERO;
            ctx.timerService().registerEventTimeTimer(hour + HOUR - 1 + tolerance);
        }
        PeriodTotals d = p.dayTotals();
        if (d == null) {
            d = PeriodTotals.ZERO;
            ctx.timerService().registerEventTimeTimer(dayStart(day + 1) - 1 + tolerance);
        }
        return p.withTotals(hour, h.add(c, s.steps()), day, d.add(c, s.steps()));
    }

    /** Returns how many zones the vehicle has an open stay in after this position. */
    private int zoneRules(
            String vehicleId, PositionRow row, long t, double lon, double lat, int openStays, Collector<Alert> out)
            throws Exception {
        for (Zone z : zones.restricted()) {
            boolean inside = z.contains(lon, lat);
            if (!inside && openStays == 0) {
                continue;
            }
            ZoneStay before = stays.get(z.id());
            if (before == null && !inside) {
                continue;
            }
            ZoneWatch.Step step = zoneWatch.onPosition(before, inside, t, z.hours());
            if (step.stay() == null) {
                stays.remove(z.id());
                openStays -= before != null ? 1 : 0;
            } else {
                stays.put(z.id(), step.stay());
                openStays += before == null ? 1 : 0;
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
        return openStays;
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
        OpenPeriods open =
                tr.open() == null ? null : flush(vehicleId, tr.vehicleType(), tr.open(), tr.taken(), upTo, ctx);
        if (open == tr.open()
                && stop == tr.stop()
                && stopAlerted == tr.stopAlerted()
                && silentDeadline == tr.silentDeadline()) {
            return tr;
        }
        return tr.withStop(stop, stopAlerted, silentDeadline).withOpen(open);
    }

    private void wallClockSilence(Track tr, long now, String vehicleId, Collector<Alert> out) throws Exception {
        long d = tr.silentDeadline();
        if (d >= 0 && now >= d + s.alertGrace().toMillis() && tr.lastSeen() <= tr.silentFrom()) {
            out.collect(silentAlert(vehicleId, tr));
            track.update(tr.withStop(tr.stop(), tr.stopAlerted(), -1));
        }
    }

    private Alert silentAlert(String vehicleId, Track tr) {
        ObjectNode d = JSON.createObjectNode();
        d.put("lastPositionAt", Instant.ofEpochMilli(tr.silentFrom()).toString());
        d.put("serviceHours", service(tr.vehicleType()).hours().toString());
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

    /**
     * Writes the open hour and day if they ended at or before {@code upTo} (all their positions
     * are taken); returns what stays open ({@code p} itself when nothing ended), null for nothing.
     */
    private OpenPeriods flush(String vehicleId, String type, OpenPeriods p, long taken, long upTo, Context ctx)
            throws Exception {
        boolean hourDone = p.hourTotals() != null && p.hour() + HOUR - 1 <= upTo;
        boolean dayDone = p.dayTotals() != null && dayStart(p.day() + 1) - 1 <= upTo;
        if (!hourDone && !dayDone) {
            return p;
        }
        if (hourDone) {
            writeHour(vehicleId, type, p.hour(), p.hourTotals(), ctx);
            p = p.withoutHour();
        }
        if (dayDone) {
            writeDay(vehicleId, type, p, ctx);
            p = p.withoutDay();
            ctx.timerService()
                    .registerEventTimeTimer(
                            Timers.roundUp(taken + s.idleStateAfter().toMillis() + tolerance, Timers.IDLE));
        }
        return p.isEmpty() ? null : p;
    }

    private void writeHour(String vehicleId, String type, long hour, PeriodTotals p, Context ctx) {
        ctx.output(
                HOURLY,
                new VehicleHourly(
                        hour,
                        vehicleId,
                        type,
                        p.positions(),
                        p.meters() / 1000.0,
                        p.movingMillis() / 60_000.0,
                        p.stationaryMillis() / 60_000.0,
                        p.positions() + p.dropped()));
    }

    /** Writes the open day and its grid visits, and forgets the visits. */
    private void writeDay(String vehicleId, String type, OpenPeriods open, Context ctx) throws Exception {
        long day = open.day();
        PeriodTotals p = open.dayTotals();
        DayGrids all = open.allGrids();
        int grids = all.size;
        for (int g = 0; g < grids; g++) {
            String code = all.code(g);
            GridVisits v = all.get(code);
            ctx.output(
                    GRID_DAY,
                    new VehicleGridDay(day, code, vehicleId, type, v.visits(), v.positions(), v.first(), v.last()));
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
                        grids,
                        p.droppedSameTime(),
                        p.droppedTooFast(),
                        p.droppedOutOfOrder(),
                        p.newStarts()));
    }

    private void clearAll() {
        track.clear();
        buffer.clear();
        stays.clear();
    }

    private void countDrop(DropReason r) {
        dropped.get(r).inc();
        ProgressCounters.add("vehicles.cleaning.dropped." + r.name(), 1);
    }

    private HoursClock service(String type) {
        return serviceHours.computeIfAbsent(
                type == null ? "OTHER" : type, k -> new HoursClock(s.serviceHoursOf(k), s.zone()));
    }

    private long localHour(long t) {
        return localDays.hourStart(t);
    }

    private long localDay(long t) {
        return localDays.day(t);
    }

    private long dayStart(long epochDay) {
        return localDays.dayStart(epochDay);
    }
}

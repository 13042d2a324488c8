package io.gridpulse.flink.sensors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.alert.AlertType;
import io.gridpulse.domain.reference.Sensor;
import io.gridpulse.domain.reference.SensorRegistry;
import io.gridpulse.domain.reference.SensorRule;
import io.gridpulse.domain.reference.SensorRules;
import io.gridpulse.domain.sensor.EpisodeWatch;
import io.gridpulse.domain.sensor.RuleRun;
import io.gridpulse.flink.common.FeedRecord;
import io.gridpulse.flink.common.ProgressCounters;
import io.gridpulse.flink.common.ReferenceData;
import io.gridpulse.flink.common.Timers;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 * Keyed by sensor and type: takes its readings in time order (held until the watermark less
 * the out-of-order tolerance passes them, as in {@code VehicleTrack}) and runs the sensor rules:
 * SENSOR_ALARM per rule of the type (one alarm per episode, ended at the first reading that does
 * not satisfy the rule) and SENSOR_SILENT after {@code silentIntervals} of the sensor's
 * intervals without a reading (on the wall clock in live mode; in a process run never after the
 * as-of time). An alarm of a rule with a categoryCode also reports a case ({@link #CASES}).
 * A hand-written keyed function, not CEP: see docs/fleet.md for the measured difference.
 */
public final class SensorWatch extends KeyedProcessFunction<String, ReadingRow, Alert> {

    /** REPORTED case events of alarms whose rule has a categoryCode. */
    public static final OutputTag<FeedRecord> CASES =
            new OutputTag<>("sensor-cases", TypeInformation.of(FeedRecord.class));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SensorRuleSettings s;
    private final ReferenceData reference;
    private final boolean live;
    private final long asOf;

    private transient SensorRules rules;
    private transient SensorRegistry sensors;
    private transient ZoneId zone;
    private transient long tolerance;
    private transient ValueState<SensorState> state;
    private transient MapState<Long, ReadingRow> buffer;
    private transient MapState<Integer, RuleRun> runs;
    private transient Counter outOfOrder;
    private transient Counter unlocatedCases;

    public SensorWatch(SensorRuleSettings settings, ReferenceData reference, boolean live, long asOf) {
        this.s = settings;
        this.reference = reference;
        this.live = live;
        this.asOf = live ? Long.MAX_VALUE : asOf;
    }

    @Override
    public void open(OpenContext ctx) {
        rules = reference.sensorRules();
        sensors = reference.sensors();
        zone = reference.timeZone();
        tolerance = s.outOfOrderTolerance().toMillis();
        var rc = getRuntimeContext();
        state = rc.getState(new ValueStateDescriptor<>("sensor", TypeInformation.of(SensorState.class)));
        buffer = rc.getMapState(new MapStateDescriptor<>("buffer", Types.LONG, TypeInformation.of(ReadingRow.class)));
        runs = rc.getMapState(new MapStateDescriptor<>("runs", Types.INT, TypeInformation.of(RuleRun.class)));
        outOfOrder = rc.getMetricGroup().counter("readingsOutOfOrder");
        unlocatedCases = rc.getMetricGroup().counter("alarmCasesWithoutLocation");
    }

    @Override
    public void processElement(ReadingRow r, Context ctx, Collector<Alert> out) throws Exception {
        long t = r.reading().time();
        SensorState st = state.value();
        if (st == null) {
            st = new SensorState(r.reading().sensorId(), r.reading().type(), Long.MIN_VALUE, Long.MIN_VALUE, -1, "");
        }
        st = new SensorState(
                st.sensorId(), st.type(), Math.max(st.lastSeen(), t), st.taken(), st.silentDeadline(), st.gridCode());
        long wm = ctx.timerService().currentWatermark();
        if (t <= st.taken() || (wm != Long.MIN_VALUE && t + tolerance <= wm)) {
            outOfOrder.inc();
            ProgressCounters.add("sensors.rules.outOfOrder", 1);
        } else {
            buffer.put(t, r);
            ctx.timerService().registerEventTimeTimer(Timers.roundUp(t + tolerance, Timers.TAKE));
        }
        state.update(st);
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        SensorState st = state.value();
        if (st == null) {
            return;
        }
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            long d = st.silentDeadline();
            if (d >= 0 && ts >= d + s.alertGrace().toMillis() && st.lastSeen() <= st.taken()) {
                out.collect(silent(st));
                state.update(new SensorState(st.sensorId(), st.type(), st.lastSeen(), st.taken(), -1, st.gridCode()));
            }
            return;
        }
        long upTo = ctx.timerService().currentWatermark() - tolerance;
        List<Long> ready = new ArrayList<>();
        for (Long t : buffer.keys()) {
            if (t <= upTo) {
                ready.add(t);
            }
        }
        Collections.sort(ready);
        for (long t : ready) {
            st = silence(st, t - 1, out);
            ReadingRow r = buffer.get(t);
            buffer.remove(t);
            st = take(st, r, ctx, out);
        }
        st = silence(st, upTo, out);
        if (buffer.isEmpty()
                && st.silentDeadline() < 0
                && st.taken() + s.idleStateAfter().toMillis() <= upTo) {
            state.clear();
            runs.clear();
            return;
        }
        state.update(st);
    }

    private SensorState silence(SensorState st, long upTo, Collector<Alert> out) {
        if (live || st.silentDeadline() < 0 || st.silentDeadline() > upTo) {
            return st;
        }
        if (st.silentDeadline() <= asOf) {
            out.collect(silent(st));
        }
        return new SensorState(st.sensorId(), st.type(), st.lastSeen(), st.taken(), -1, st.gridCode());
    }

    private SensorState take(SensorState st, ReadingRow r, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        String sensorId = r.reading().sensorId();
        String type = r.reading().type();
        long t = r.reading().time();
        double v = r.reading().value();
        List<SensorRule> list = rules == null ? List.of() : rules.rulesFor(type);
        for (int i = 0; i < list.size(); i++) {
            SensorRule rule = list.get(i);
            RuleRun before = runs.get(i);
            EpisodeWatch.Step step = EpisodeWatch.onReading(before == null ? RuleRun.NONE : before, rule, t, v);
            if (step.run().run() == 0 && !step.run().alarmed()) {
                runs.remove(i);
            } else {
                runs.put(i, step.run());
            }
            if (step.raised() >= 0) {
                Alert a = alarm(sensorId, type, i, rule, step.run().runStart(), t, r, v);
                out.collect(a);
                if (rule.categoryCode() != null && !rule.categoryCode().isEmpty()) {
                    if (r.located().lon() != null) {
                        ctx.output(
                                CASES,
                                SensorCases.reported(
                                        a,
                                        rule,
                                        v,
                                        r.located().lon(),
                                        r.located().lat(),
                                        zone));
                    } else {
                        unlocatedCases.inc();
                        ProgressCounters.add("sensors.rules.casesWithoutLocation", 1);
                    }
                }
            }
            if (step.endedAt() >= 0 && before != null) {
                Alert a = alarm(sensorId, type, i, rule, before.runStart(), before.alarmTime(), r, Double.NaN);
                out.collect(a.endedAt(step.endedAt(), System.currentTimeMillis()));
            }
        }
        long deadline = t + s.silentIntervals() * interval(sensorId, type);
        if (live) {
            ctx.timerService()
                    .registerProcessingTimeTimer(deadline + s.alertGrace().toMillis());
        } else {
            ctx.timerService().registerEventTimeTimer(Timers.roundUp(deadline + tolerance, Timers.TAKE));
        }
        ctx.timerService()
                .registerEventTimeTimer(Timers.roundUp(t + s.idleStateAfter().toMillis() + tolerance, Timers.IDLE));
        return new SensorState(
                st.sensorId(),
                st.type(),
                st.lastSeen(),
                t,
                deadline,
                r.located().gridCode());
    }

    private long interval(String sensorId, String type) {
        Integer fileSeconds = null;
        if (sensors != null) {
            fileSeconds = sensors.sensor(sensorId).map(Sensor::intervalSeconds).orElse(null);
        }
        return s.intervalMillis(type, fileSeconds);
    }

    private Alert alarm(
            String sensorId,
            String type,
            int ruleIndex,
            SensorRule rule,
            long runStart,
            long at,
            ReadingRow r,
            double v) {
        ObjectNode d = JSON.createObjectNode();
        d.put("type", type);
        d.put("rule", rule.operator().symbol() + " " + rule.threshold() + " x" + rule.consecutive());
        d.put("ruleIndex", ruleIndex);
        d.put("episodeStart", Instant.ofEpochMilli(runStart).toString());
        if (!Double.isNaN(v)) {
            d.put("value", v);
        } else {
            d.put("endedByValue", r.reading().value());
        }
        String id = Alert.id(
                AlertType.SENSOR_ALARM,
                sensorId,
                type,
                ruleIndex,
                rule.operator().symbol(),
                rule.threshold(),
                runStart);
        boolean reports = rule.categoryCode() != null && !rule.categoryCode().isEmpty();
        return new Alert(
                id,
                AlertType.SENSOR_ALARM,
                at,
                System.currentTimeMillis(),
                null,
                0,
                rule.severity(),
                reports ? SensorCases.caseId(id) : "",
                "",
                "",
                r.located().gridCode(),
                reports ? rule.categoryCode() : "",
                "",
                sensorId,
                d.toString());
    }

    private Alert silent(SensorState st) {
        String[] k = {st.sensorId(), st.type()};
        ObjectNode d = JSON.createObjectNode();
        d.put("type", k[1]);
        d.put("lastReadingAt", Instant.ofEpochMilli(st.taken()).toString());
        d.put("intervals", s.silentIntervals());
        return new Alert(
                Alert.id(AlertType.SENSOR_SILENT, k[0], k[1], st.taken()),
                AlertType.SENSOR_SILENT,
                st.silentDeadline(),
                System.currentTimeMillis(),
                null,
                0,
                "WARNING",
                "",
                "",
                "",
                st.gridCode(),
                "",
                "",
                k[0],
                d.toString());
    }
}

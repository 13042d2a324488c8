package io.gridpulse.flink.alerts.deadline;

import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.alert.AlertType;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.CaseEventType;
import io.gridpulse.domain.model.CaseSource;
import io.gridpulse.flink.alerts.escalation.EscalationAlerts;
import io.gridpulse.flink.alerts.escalation.EscalationPatterns;
import io.gridpulse.flink.cases.CaseEventRow;
import io.gridpulse.flink.common.Located;
import io.gridpulse.flink.common.ReferenceData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.nfa.compiler.NFACompiler;
import org.apache.flink.cep.operator.CepOperator;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * The deadline clock and its four CEP operators under test harnesses, wired as {@link
 * CaseClockAlerts} wires them: the clock's output (with its timestamps) goes to each CEP harness
 * whose signal kinds it has, then the clock's watermark follows.
 */
final class ClockRig implements AutoCloseable {

    static final String CASE = "C1";
    /** Accumulated muck: 2 natural hours in the rig's catalogue. */
    static final String CATEGORY = "0105";

    static final String CATALOG = "code,kind,major,minor,name,limit\n" + CATEGORY + ",EVENT,01,05,渣土堆积,2h\n";

    final KeyedOneInputStreamOperatorTestHarness<String, CaseEventRow, ClockSignal> clock;
    final List<Cep> ceps = new ArrayList<>();
    final List<ClockSignal> signals = new ArrayList<>();
    final boolean live;

    /** One CEP operator under its harness, fed the signals of {@code kinds}. */
    record Cep(Set<SignalKind> kinds, KeyedOneInputStreamOperatorTestHarness<String, ClockSignal, Alert> h) {}

    ClockRig(AlertSettings alerts, boolean live, long asOf) throws Exception {
        this.live = live;
        clock = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DeadlineClock(reference(), alerts, live, asOf)),
                r -> r.event().caseId(),
                Types.STRING);
        clock.open();
        ceps.add(cep(
                EnumSet.of(SignalKind.WARNING_DUE, SignalKind.OVERDUE_DUE),
                ClockSignal::dispatchKey,
                DeadlineAlerts.pattern(),
                new DeadlineAlerts.Emit()));
        ceps.add(cep(
                EnumSet.of(SignalKind.DISPATCHED, SignalKind.DISPATCH_ENDED, SignalKind.REWORK),
                ClockSignal::dispatchKey,
                EscalationPatterns.reworkRepeated(alerts.escalationWindow()),
                new EscalationAlerts(AlertType.REWORK_REPEATED)));
        ceps.add(cep(
                EnumSet.of(SignalKind.CASE_OPENED, SignalKind.RETURNED, SignalKind.CASE_FORGOTTEN),
                ClockSignal::caseId,
                EscalationPatterns.returnRepeated(alerts.escalationWindow()),
                new EscalationAlerts(AlertType.RETURN_REPEATED)));
        ceps.add(cep(
                EnumSet.of(SignalKind.SUPERVISED),
                ClockSignal::caseId,
                EscalationPatterns.supervised(),
                new EscalationAlerts(AlertType.SUPERVISED)));
    }

    static ReferenceData reference() throws IOException {
        byte[] calendar;
        try (InputStream in = ClockRig.class.getResourceAsStream("/calendar/china-2026.json")) {
            calendar = in.readAllBytes();
        }
        return new ReferenceData(
                "{}".getBytes(StandardCharsets.UTF_8),
                null,
                CATALOG.getBytes(StandardCharsets.UTF_8),
                calendar,
                null,
                null,
                null,
                null,
                null);
    }

    private static Cep cep(
            Set<SignalKind> kinds,
            org.apache.flink.api.java.functions.KeySelector<ClockSignal, String> key,
            Pattern<ClockSignal, ClockSignal> pattern,
            PatternProcessFunction<ClockSignal, Alert> fn)
            throws Exception {
        var op = new CepOperator<>(
                TypeInformation.of(ClockSignal.class).createSerializer(new SerializerConfigImpl()),
                false,
                NFACompiler.compileFactory(pattern, false),
                new SignalOrder(),
                pattern.getAfterMatchSkipStrategy(),
                fn,
                null);
        var h = new KeyedOneInputStreamOperatorTestHarness<>(op, key, Types.STRING);
        h.open();
        return new Cep(kinds, h);
    }

    /** Sends events to the clock (their own time as timestamp), passing its output on. */
    ClockRig send(CaseEvent... events) throws Exception {
        for (CaseEvent e : events) {
            clock.processElement(new StreamRecord<>(new CaseEventRow(e, grid(e), 0), e.time()));
        }
        return pump();
    }

    /** Advances event time (bounded mode) to {@code t}, through the clock and into the CEP operators. */
    ClockRig watermark(long t) throws Exception {
        clock.processWatermark(new Watermark(t));
        pump();
        for (Cep c : ceps) {
            c.h.processWatermark(new Watermark(t));
        }
        return this;
    }

    /**
     * Advances the wall clock (live mode) to {@code t}: the clock's processing-time timers fire, and
     * the CEP operators see the wall-clock watermark {@link WallClockWatermarks} would emit.
     */
    ClockRig wallClock(long t) throws Exception {
        clock.setProcessingTime(t);
        pump();
        for (Cep c : ceps) {
            c.h.setProcessingTime(t);
            c.h.processWatermark(new Watermark(t));
        }
        return this;
    }

    private ClockRig pump() throws Exception {
        List<StreamRecord<? extends ClockSignal>> out = new ArrayList<>();
        for (Object o : clock.getOutput()) {
            if (o instanceof StreamRecord<?> r) {
                @SuppressWarnings("unchecked")
                StreamRecord<ClockSignal> s = (StreamRecord<ClockSignal>) r;
                out.add(s);
            }
        }
        clock.getOutput().clear();
        for (StreamRecord<? extends ClockSignal> r : out) {
            ClockSignal s = r.getValue();
            signals.add(s);
            long ts = live ? WallClockWatermarks.timestamp(s) : r.getTimestamp();
            for (Cep c : ceps) {
                if (c.kinds.contains(s.kind())) {
                    c.h.processElement(new StreamRecord<>(s, ts));
                }
            }
        }
        return this;
    }

    /** Every alert emitted so far. */
    List<Alert> alerts() {
        List<Alert> all = new ArrayList<>();
        for (Cep c : ceps) {
            all.addAll(c.h.extractOutputValues());
        }
        all.sort(java.util.Comparator.comparingLong(Alert::time).thenComparing(Alert::type));
        return all;
    }

    /** Alerts as "TYPE@time" strings, time in hours after {@code base}, for compact assertions. */
    List<String> alertsAt(long base) {
        return alerts().stream()
                .map(a -> a.type() + "@" + fmtHours(a.time() - base))
                .toList();
    }

    static String fmtHours(long millis) {
        double h = millis / 3_600_000.0;
        return h == Math.rint(h) ? Long.toString((long) h) + "h" : String.format("%.2fh", h);
    }

    /** Keyed state entries of the clock and every CEP operator. */
    int stateEntries() {
        int n = clock.numKeyedStateEntries();
        for (Cep c : ceps) {
            n += c.h.numKeyedStateEntries();
        }
        return n;
    }

    /** Per operator: state entries and timers, to tell which one keeps something. */
    String census() {
        StringBuilder b = new StringBuilder("clock " + clock.numKeyedStateEntries() + "/"
                + (clock.numEventTimeTimers() + clock.numProcessingTimeTimers()));
        for (Cep c : ceps) {
            b.append(", ")
                    .append(c.kinds)
                    .append(' ')
                    .append(c.h.numKeyedStateEntries())
                    .append('/')
                    .append(c.h.numEventTimeTimers() + c.h.numProcessingTimeTimers());
        }
        return b.toString();
    }

    /** Timers of the clock alone. */
    int clockTimers() {
        return clock.numEventTimeTimers() + clock.numProcessingTimeTimers();
    }

    /** Timers of the clock and every CEP operator. */
    int timers() {
        int n = clock.numEventTimeTimers() + clock.numProcessingTimeTimers();
        for (Cep c : ceps) {
            n += c.h.numEventTimeTimers() + c.h.numProcessingTimeTimers();
        }
        return n;
    }

    <T> List<T> signals(Function<ClockSignal, T> f) {
        return signals.stream().map(f).toList();
    }

    private static Located grid(CaseEvent e) {
        return e.type() == CaseEventType.REPORTED ? new Located(e.lon(), e.lat(), "G1", "", "", "") : Located.NOWHERE;
    }

    @Override
    public void close() {
        try {
            clock.close();
            for (Cep c : ceps) {
                c.h.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("closing the harnesses failed", e);
        }
    }

    // ---- events ----

    /** Epoch millis of a Beijing local date-time like "2026-10-12T09:00". */
    static long bj(String local) {
        return OffsetDateTime.parse(local + "+08:00").toInstant().toEpochMilli();
    }

    static CaseEvent reported(String id, long time) {
        return reported(CASE, id, time);
    }

    static CaseEvent reported(String caseId, String id, long time) {
        return new CaseEvent(
                id,
                caseId,
                CaseEventType.REPORTED,
                time,
                CaseSource.INSPECTOR,
                CATEGORY,
                118.79,
                32.06,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    static CaseEvent ev(String id, CaseEventType type, long time) {
        return ev(CASE, id, type, time, null, null);
    }

    static CaseEvent ev(String id, CaseEventType type, long time, String department, Long deadline) {
        return ev(CASE, id, type, time, department, deadline);
    }

    static CaseEvent ev(String caseId, String id, CaseEventType type, long time, String department, Long deadline) {
        return new CaseEvent(
                id, caseId, type, time, null, null, null, null, null, department, deadline, null, null, null, null);
    }
}

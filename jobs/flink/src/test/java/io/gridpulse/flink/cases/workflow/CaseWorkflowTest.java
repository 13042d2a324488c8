package io.gridpulse.flink.cases.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.codec.ReasonCode;
import io.gridpulse.domain.codec.Rejection;
import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.CaseEventType;
import io.gridpulse.domain.model.CaseSource;
import io.gridpulse.flink.cases.CaseEventRow;
import io.gridpulse.flink.common.Located;
import io.gridpulse.flink.common.ReferenceData;
import io.gridpulse.flink.common.Tags;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializer;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class CaseWorkflowTest {

    private static final long HOUR = 3600_000L;
    private static final long DAY = 24 * HOUR;
    private static final long RETENTION = 7 * DAY;
    private static final long TOMBSTONE = 30 * DAY;
    private static final String CASE = "C1";
    private static final Located WHERE = new Located(118.79, 32.06, "G-001", "社区", "街道", "区");
    private static final ReferenceData REFERENCE = reference();

    private static ReferenceData reference() {
        try (InputStream in = CaseWorkflowTest.class.getResourceAsStream("/calendar/china-2026.json")) {
            byte[] calendar = in.readAllBytes();
            byte[] catalog =
                    "code,kind,major,minor,name,limit\n0101,EVENT,01,01,暴露垃圾,4wh\n0201,COMPONENT,02,01,井盖缺失,2h\n"
                            .getBytes(StandardCharsets.UTF_8);
            return new ReferenceData(new byte[0], null, catalog, calendar, null, null, null, null, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long bj(String local) {
        return OffsetDateTime.parse(local + "+08:00").toInstant().toEpochMilli();
    }

    private static CaseEvent ev(String id, CaseEventType type, long time, String department) {
        return new CaseEvent(
                id, CASE, type, time, null, null, null, null, null, department, null, null, null, null, null);
    }

    private static CaseEvent reported(String id, long time) {
        return new CaseEvent(
                id,
                CASE,
                CaseEventType.REPORTED,
                time,
                CaseSource.INSPECTOR,
                "0101",
                118.7969,
                32.0603,
                Crs.GCJ02,
                null,
                null,
                "INS-7",
                "某路 1 号",
                "垃圾",
                null);
    }

    /** A case reported, dispatched, returned, redispatched, disposed late, checked and closed. */
    private static List<CaseEvent> closedCase() {
        return List.of(
                reported("E1", bj("2026-10-13T09:00")),
                ev("E2", CaseEventType.VERIFIED, bj("2026-10-13T09:30"), null),
                ev("E3", CaseEventType.REGISTERED, bj("2026-10-13T09:40"), null),
                ev("E4", CaseEventType.DISPATCHED, bj("2026-10-13T10:00"), "D-A"),
                ev("E5", CaseEventType.RETURNED, bj("2026-10-13T11:00"), "D-A"),
                ev("E6", CaseEventType.DISPATCHED, bj("2026-10-13T11:30"), "D-B"),
                ev("E7", CaseEventType.DISPOSED, bj("2026-10-14T17:00"), null),
                ev("E8", CaseEventType.CHECKED, bj("2026-10-14T18:00"), null),
                ev("E9", CaseEventType.CLOSED, bj("2026-10-14T18:30"), null));
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, CaseEventRow, CaseFact> harness(
            boolean live, long asOf) throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new CaseWorkflow(REFERENCE, live, asOf, RETENTION, TOMBSTONE)),
                (CaseEventRow r) -> r.event().caseId(),
                Types.STRING);
        h.open();
        return h;
    }

    private static void send(KeyedOneInputStreamOperatorTestHarness<String, CaseEventRow, CaseFact> h, CaseEvent e)
            throws Exception {
        // ingestedAt differs on every copy: the rows must not depend on it
        h.processElement(new StreamRecord<>(
                new CaseEventRow(e, e.type() == CaseEventType.REPORTED ? WHERE : Located.NOWHERE, System.nanoTime()),
                e.time()));
    }

    private static CaseFact lastCase(KeyedOneInputStreamOperatorTestHarness<String, CaseEventRow, CaseFact> h) {
        List<CaseFact> out = h.extractOutputValues();
        assertThat(out).isNotEmpty();
        return out.get(out.size() - 1);
    }

    /** The latest row of each dispatch, as ReplacingMergeTree(version) keeps it. */
    private static List<DispatchFact> currentDispatches(
            KeyedOneInputStreamOperatorTestHarness<String, CaseEventRow, CaseFact> h) {
        var side = h.getSideOutput(CaseWorkflow.DISPATCHES);
        if (side == null) {
            return List.of();
        }
        java.util.Map<String, DispatchFact> latest = new java.util.TreeMap<>();
        for (StreamRecord<DispatchFact> r : side) {
            latest.merge(r.getValue().dispatchId(), r.getValue(), (a, b) -> b.version() >= a.version() ? b : a);
        }
        return new ArrayList<>(latest.values());
    }

    private static List<ReasonCode> rejections(
            KeyedOneInputStreamOperatorTestHarness<String, CaseEventRow, CaseFact> h) {
        var side = h.getSideOutput(Tags.REJECTED);
        return side == null
                ? List.of()
                : side.stream().map(r -> ((Rejection) r.getValue()).reason()).collect(Collectors.toList());
    }

    @Test
    void sameEventsInAnotherOrderWithRedeliveriesGiveTheSameRows() throws Exception {
        var inOrder = harness(true, Long.MAX_VALUE);
        for (CaseEvent e : closedCase()) {
            send(inOrder, e);
            inOrder.processWatermark(e.time());
        }
        inOrder.processWatermark(bj("2026-10-15T00:00"));

        List<CaseEvent> shuffled = new ArrayList<>(closedCase());
        shuffled.addAll(closedCase().subList(2, 6));
        Collections.shuffle(shuffled, new Random(7));
        var mixed = harness(true, Long.MAX_VALUE);
        long wm = bj("2026-10-13T00:00");
        for (CaseEvent e : shuffled) {
            send(mixed, e);
            mixed.processWatermark(wm += HOUR);
        }
        mixed.processWatermark(bj("2026-10-15T00:00"));

        CaseFact c = lastCase(inOrder);
        assertThat(lastCase(mixed)).isEqualTo(c);
        assertThat(c.version()).isEqualTo(9);
        assertThat(c.status()).isEqualTo("CLOSED");
        assertThat(c.gridCode()).isEqualTo("G-001");
        assertThat(c.lon()).isEqualTo(118.79);
        assertThat(c.dispatchCount()).isEqualTo(2);
        assertThat(c.returnCount()).isEqualTo(1);
        assertThat(currentDispatches(mixed))
                .isEqualTo(currentDispatches(inOrder))
                .hasSize(2);
        DispatchFact second = currentDispatches(inOrder).get(1);
        assertThat(second.dispatchId()).isEqualTo("E6");
        assertThat(second.version()).isEqualTo(9);
        assertThat(second.disposed()).isTrue();
        assertThat(second.endReason()).isEqualTo("CLOSED");
        assertThat(second.gridCode()).isEqualTo("G-001");
        assertThat(rejections(mixed)).isEmpty();
    }

    @Test
    void aBurstOfEventsOfOneCaseIsReplayedOnceWithItsFinalState() throws Exception {
        var h = harness(true, Long.MAX_VALUE);
        h.processWatermark(bj("2026-10-13T00:00"));
        for (CaseEvent e : closedCase()) {
            send(h, e);
        }
        assertThat(h.extractOutputValues()).isEmpty();
        assertThat(h.numEventTimeTimers()).isEqualTo(1);
        h.processWatermark(bj("2026-10-13T00:00") + 1);
        assertThat(h.extractOutputValues()).hasSize(1);
        assertThat(lastCase(h).version()).isEqualTo(9);
        assertThat(lastCase(h).closedAt()).isEqualTo(bj("2026-10-14T18:30"));
        assertThat(h.getSideOutput(CaseWorkflow.DISPATCHES)).hasSize(2);
    }

    @Test
    void noWatermarkNoReplay() throws Exception {
        var h = harness(true, Long.MAX_VALUE);
        for (CaseEvent e : closedCase()) {
            send(h, e);
        }
        assertThat(h.extractOutputValues()).isEmpty();
    }

    @Test
    void boundedRunReplaysAnOpenCaseOnceAtTheEndOfInput() throws Exception {
        var h = harness(false, bj("2026-12-31T00:00"));
        for (CaseEvent e : closedCase().subList(0, 7)) {
            send(h, e);
            h.processWatermark(e.time());
        }
        h.processWatermark(bj("2026-12-30T00:00"));
        assertThat(h.extractOutputValues()).isEmpty();
        h.processWatermark(Long.MAX_VALUE);
        assertThat(h.extractOutputValues()).hasSize(1);
        assertThat(lastCase(h).version()).isEqualTo(7);
    }

    /** The rows of a bounded run that sees every event before it replays anything. */
    private static KeyedOneInputStreamOperatorTestHarness<String, CaseEventRow, CaseFact> allInputKnown(
            long asOf, List<CaseEvent> events) throws Exception {
        var h = harness(false, asOf);
        for (CaseEvent e : events) {
            send(h, e);
        }
        h.processWatermark(Long.MAX_VALUE);
        return h;
    }

    @Test
    void boundedRunSettlesAFinishedCaseWhenTheWatermarkPassesItsLastEventWithTheEndOfInputRows() throws Exception {
        long asOf = bj("2026-12-31T00:00");
        long closed = bj("2026-10-14T18:30");
        var h = harness(false, asOf);
        for (CaseEvent e : closedCase()) {
            send(h, e);
        }
        h.processWatermark(closed - 1);
        assertThat(h.extractOutputValues()).as("not before its last event").isEmpty();
        int entries = h.numKeyedStateEntries();

        h.processWatermark(closed);
        assertThat(h.extractOutputValues()).hasSize(1);
        var reference = allInputKnown(asOf, closedCase());
        assertThat(lastCase(h)).isEqualTo(lastCase(reference));
        assertThat(currentDispatches(h)).isEqualTo(currentDispatches(reference)).hasSize(2);
        assertThat(h.numEventTimeTimers())
                .as("its end-of-input replay is cancelled")
                .isZero();
        assertThat(h.numKeyedStateEntries())
                .as("nine events give way to one pack beside the report location")
                .isEqualTo(2)
                .isLessThan(entries);

        h.processWatermark(Long.MAX_VALUE);
        assertThat(h.extractOutputValues()).as("replayed once").hasSize(1);
    }

    @Test
    void anEventForASettledCaseReopensItAndItsNewRowsReplaceTheSettledOnes() throws Exception {
        long asOf = bj("2026-12-31T00:00");
        long closed = bj("2026-10-14T18:30");
        List<CaseEvent> all = new ArrayList<>(closedCase());
        CaseEvent reopened = ev("E10", CaseEventType.DISPATCHED, closed + DAY, "D-C");
        all.add(reopened);
        var h = harness(false, asOf);
        for (CaseEvent e : closedCase()) {
            send(h, e);
        }
        h.processWatermark(closed);
        assertThat(lastCase(h).status()).isEqualTo("CLOSED");

        send(h, reopened);
        h.processWatermark(closed + DAY);
        assertThat(h.extractOutputValues())
                .as("open again: it waits for the end of input")
                .hasSize(1);
        h.processWatermark(Long.MAX_VALUE);
        var reference = allInputKnown(asOf, all);
        assertThat(lastCase(h)).isEqualTo(lastCase(reference));
        assertThat(lastCase(h).version()).isEqualTo(10);
        assertThat(lastCase(h).status()).isEqualTo("DISPATCHED");
        assertThat(currentDispatches(h)).isEqualTo(currentDispatches(reference)).hasSize(3);
        assertThat(rejections(h)).isEmpty();
    }

    @Test
    void aSettledCaseClosedAgainSettlesAgainWithAllItsEvents() throws Exception {
        long asOf = bj("2026-12-31T00:00");
        long closed = bj("2026-10-14T18:30");
        List<CaseEvent> later = List.of(
                ev("E10", CaseEventType.DISPATCHED, closed + DAY, "D-C"),
                ev("E11", CaseEventType.DISPOSED, closed + 2 * DAY, null),
                ev("E12", CaseEventType.CLOSED, closed + 3 * DAY, null));
        List<CaseEvent> all = new ArrayList<>(closedCase());
        all.addAll(later);
        var h = harness(false, asOf);
        for (CaseEvent e : all) {
            send(h, e);
            h.processWatermark(e.time());
        }
        assertThat(h.extractOutputValues()).as("settled twice").hasSize(2);
        assertThat(h.numEventTimeTimers()).isZero();
        h.processWatermark(Long.MAX_VALUE);
        var reference = allInputKnown(asOf, all);
        assertThat(lastCase(h)).isEqualTo(lastCase(reference));
        assertThat(lastCase(h).version()).isEqualTo(12);
        assertThat(currentDispatches(h)).isEqualTo(currentDispatches(reference)).hasSize(3);
    }

    @Test
    void aLateEventForASettledCaseStillCountsInItsRows() throws Exception {
        // an event behind the watermark (a bounded run's input is sorted; this must stay exact anyway)
        long asOf = bj("2026-12-31T00:00");
        long closed = bj("2026-10-14T18:30");
        CaseEvent postponed = ev("E6b", CaseEventType.POSTPONED, bj("2026-10-13T12:00"), null);
        List<CaseEvent> all = new ArrayList<>(closedCase());
        all.add(postponed);
        var h = harness(false, asOf);
        for (CaseEvent e : closedCase()) {
            send(h, e);
        }
        h.processWatermark(closed + DAY);
        send(h, postponed);
        h.processWatermark(closed + 2 * DAY);
        assertThat(h.extractOutputValues())
                .as("settled again at the next watermark")
                .hasSize(2);
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(h.numKeyedStateEntries()).isEqualTo(2);
        h.processWatermark(Long.MAX_VALUE);
        var reference = allInputKnown(asOf, all);
        assertThat(lastCase(h)).isEqualTo(lastCase(reference));
        assertThat(lastCase(h).version()).isEqualTo(10);
        assertThat(currentDispatches(h)).isEqualTo(currentDispatches(reference));
    }

    @Test
    void aRedeliveryToASettledCaseLeavesItSettledAndAConflictingCopyIsRejected() throws Exception {
        long closed = bj("2026-10-14T18:30");
        var h = harness(false, bj("2026-12-31T00:00"));
        for (CaseEvent e : closedCase()) {
            send(h, e);
        }
        h.processWatermark(closed);
        send(h, closedCase().get(3));
        send(h, ev("E4", CaseEventType.DISPATCHED, bj("2026-10-13T10:00"), "D-Z"));
        assertThat(rejections(h)).containsExactly(ReasonCode.DUPLICATE_CONFLICT);
        assertThat(h.numKeyedStateEntries()).isEqualTo(2);
        h.processWatermark(Long.MAX_VALUE);
        assertThat(h.extractOutputValues()).as("nothing new to replay").hasSize(1);
        assertThat(currentDispatches(h)).extracting(DispatchFact::department).containsExactly("D-A", "D-B");
    }

    @Test
    void aCaseClosedAndReopenedBeforeTheWatermarkPassesDoesNotSettle() throws Exception {
        long closed = bj("2026-10-14T18:30");
        var h = harness(false, bj("2026-12-31T00:00"));
        for (CaseEvent e : closedCase()) {
            send(h, e);
        }
        send(h, ev("E10", CaseEventType.DISPATCHED, closed + HOUR, "D-C"));
        h.processWatermark(closed + DAY);
        assertThat(h.extractOutputValues()).isEmpty();
        assertThat(h.numEventTimeTimers()).as("the end-of-input replay").isEqualTo(1);
        h.processWatermark(Long.MAX_VALUE);
        assertThat(lastCase(h).version()).isEqualTo(10);
    }

    @Test
    void boundedAsOfBeforeTheClosureKeepsTheCaseOpen() throws Exception {
        var h = harness(false, bj("2026-10-14T12:00"));
        for (CaseEvent e : closedCase()) {
            send(h, e);
            h.processWatermark(e.time());
        }
        assertThat(h.extractOutputValues())
                .as("the CLOSED after the as-of time does not count")
                .isEmpty();
        h.processWatermark(Long.MAX_VALUE);
        assertThat(lastCase(h).status()).isEqualTo("DISPATCHED");
    }

    @Test
    void asOfExcludesLaterEvents() throws Exception {
        var h = harness(false, bj("2026-10-14T12:00"));
        for (CaseEvent e : closedCase()) {
            send(h, e);
        }
        h.processWatermark(Long.MAX_VALUE);
        CaseFact c = lastCase(h);
        assertThat(c.version()).isEqualTo(6);
        assertThat(c.status()).isEqualTo("DISPATCHED");
        assertThat(c.closedAt()).isNull();
        assertThat(c.lastEventTime()).isEqualTo(bj("2026-10-13T11:30"));
        DispatchFact open = currentDispatches(h).get(1);
        assertThat(open.disposed()).isFalse();
        assertThat(open.endTime()).isNull();
        // 4 working hours from 11:30 on a Tuesday: 11:30-12:00, 14:00-17:30
        assertThat(open.deadline()).isEqualTo(bj("2026-10-13T17:30"));
    }

    @Test
    void liveRetentionPurgesAFinishedCaseLeavingATombstoneThatRejectsLaterEvents() throws Exception {
        var h = harness(true, Long.MAX_VALUE);
        long closed = bj("2026-10-14T18:30");
        for (CaseEvent e : closedCase()) {
            send(h, e);
        }
        h.processWatermark(closed);
        long entries = h.numKeyedStateEntries();
        assertThat(entries).isGreaterThan(1);
        assertThat(h.numEventTimeTimers()).as("the purge timer").isEqualTo(1);

        h.processWatermark(closed + RETENTION - 1);
        assertThat(h.numKeyedStateEntries()).as("kept for the retention time").isEqualTo(entries);

        h.processWatermark(closed + RETENTION);
        assertThat(h.numKeyedStateEntries()).as("only the tombstone").isEqualTo(1);
        assertThat(h.numEventTimeTimers()).as("the tombstone's expiry").isEqualTo(1);

        send(h, ev("E10", CaseEventType.SUPERVISED, closed + RETENTION + HOUR, null));
        assertThat(rejections(h)).containsExactly(ReasonCode.CASE_PURGED);

        h.processWatermark(closed + RETENTION + TOMBSTONE);
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
    }

    @Test
    void aNewEventBeforeThePurgeKeepsTheCase() throws Exception {
        var h = harness(true, Long.MAX_VALUE);
        long closed = bj("2026-10-14T18:30");
        for (CaseEvent e : closedCase()) {
            send(h, e);
        }
        h.processWatermark(closed);
        // reopened: a new dispatch after the closure
        send(h, ev("E10", CaseEventType.DISPATCHED, closed + DAY, "D-C"));
        h.processWatermark(closed + DAY);
        assertThat(lastCase(h).status()).isEqualTo("DISPATCHED");
        h.processWatermark(closed + 10 * RETENTION);
        assertThat(h.numKeyedStateEntries()).as("an open case is never purged").isGreaterThan(1);
        assertThat(rejections(h)).isEmpty();
    }

    @Test
    void openCasesAreNeverPurged() throws Exception {
        var h = harness(true, Long.MAX_VALUE);
        for (CaseEvent e : closedCase().subList(0, 6)) {
            send(h, e);
        }
        h.processWatermark(bj("2027-06-01T00:00"));
        assertThat(h.numKeyedStateEntries()).isGreaterThan(1);
        assertThat(h.numEventTimeTimers()).isZero();
    }

    @Test
    void boundedRunNeverPurgesNorRejectsForLateness() throws Exception {
        var h = harness(false, bj("2027-12-31T00:00"));
        long closed = bj("2026-10-14T18:30");
        for (CaseEvent e : closedCase()) {
            send(h, e);
            h.processWatermark(e.time());
        }
        h.processWatermark(closed + 2 * RETENTION);
        send(h, ev("E10", CaseEventType.SUPERVISED, closed + 2 * RETENTION, null));
        h.processWatermark(Long.MAX_VALUE);
        assertThat(rejections(h)).isEmpty();
        assertThat(lastCase(h).version()).isEqualTo(10);
        assertThat(lastCase(h).supervisedCount()).isEqualTo(1);
    }

    @Test
    void aConflictingCopyIsRejectedAndTheFirstKept() throws Exception {
        var h = harness(true, Long.MAX_VALUE);
        send(h, ev("E4", CaseEventType.DISPATCHED, bj("2026-10-13T10:00"), "D-A"));
        send(h, ev("E4", CaseEventType.DISPATCHED, bj("2026-10-13T10:00"), "D-B"));
        h.processWatermark(bj("2026-10-14T00:00"));
        assertThat(rejections(h)).containsExactly(ReasonCode.DUPLICATE_CONFLICT);
        assertThat(currentDispatches(h)).extracting(DispatchFact::department).containsExactly("D-A");
    }

    @Test
    void reportLocationsOfManyCasesShareTheirGridAndAreaNames() throws Exception {
        var h = harness(false, bj("2026-12-31T00:00"));
        for (String caseId : List.of("C1", "C2")) {
            CaseEvent r = reported("R-" + caseId, bj("2026-10-13T09:00"));
            CaseEvent e = new CaseEvent(
                    r.eventId(),
                    caseId,
                    r.type(),
                    r.time(),
                    r.source(),
                    r.categoryCode(),
                    r.lon(),
                    r.lat(),
                    r.crs(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            // each record brings its own copies of the names, as after a network shuffle
            Located copy = new Located(
                    118.79, 32.06, new String("G-001"), new String("社区"), new String("街道"), new String("区"));
            h.processElement(new StreamRecord<>(new CaseEventRow(e, copy, 0L), e.time()));
        }
        var backend = h.getOperator().getKeyedStateBackend();
        List<Located> kept = new ArrayList<>();
        for (String caseId : List.of("C1", "C2")) {
            backend.setCurrentKey(caseId);
            kept.add(backend.getPartitionedState(
                            org.apache.flink.runtime.state.VoidNamespace.INSTANCE,
                            org.apache.flink.runtime.state.VoidNamespaceSerializer.INSTANCE,
                            CaseWorkflow.reportDescriptor())
                    .value()
                    .located());
        }
        assertThat(kept.get(0)).isEqualTo(kept.get(1));
        assertThat(kept.get(1).gridCode()).isSameAs(kept.get(0).gridCode());
        assertThat(kept.get(1).community()).isSameAs(kept.get(0).community());
        assertThat(kept.get(1).street()).isSameAs(kept.get(0).street());
        assertThat(kept.get(1).district()).isSameAs(kept.get(0).district());
    }

    @Test
    void stateAndRowsUsePojoSerializersNeverKryo() {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        org.apache.flink.api.common.ExecutionConfig execution = new org.apache.flink.api.common.ExecutionConfig();
        ((SerializerConfigImpl) execution.getSerializerConfig()).setGenericTypes(false);
        var events = CaseWorkflow.eventsDescriptor();
        events.initializeSerializerUnlessSet(execution);
        var report = CaseWorkflow.reportDescriptor();
        report.initializeSerializerUnlessSet(execution);
        var settled = CaseWorkflow.settledDescriptor();
        settled.initializeSerializerUnlessSet(execution);
        assertThat(settled.getSerializer())
                .isInstanceOf(org.apache.flink.api.common.typeutils.base.array.BytePrimitiveArraySerializer.class);
        assertThat(events.getValueSerializer()).isInstanceOf(PojoSerializer.class);
        assertThat(report.getSerializer()).isInstanceOf(PojoSerializer.class);
        assertThat(TypeInformation.of(CaseEvent.class).createSerializer(config)).isInstanceOf(PojoSerializer.class);
        assertThat(TypeInformation.of(ReportLocation.class).createSerializer(config))
                .isInstanceOf(PojoSerializer.class);
        assertThat(TypeInformation.of(CaseFact.class).createSerializer(config)).isInstanceOf(PojoSerializer.class);
        assertThat(TypeInformation.of(DispatchFact.class).createSerializer(config))
                .isInstanceOf(PojoSerializer.class);
        assertThat(TypeInformation.of(Progress.class).createSerializer(config)).isInstanceOf(PojoSerializer.class);
    }
}

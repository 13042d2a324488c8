package io.gridpulse.flink.alerts.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.alert.Alert;
import io.gridpulse.domain.alert.spatial.HotspotRule;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.cep.nfa.compiler.NFACompiler;
import org.apache.flink.cep.operator.CepOperator;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

/**
 * The HOTSPOT CEP operator under a harness: no watermark, no alert; partial matches and the
 * key's state are gone W after the last report of a quiet grid; a report behind the watermark
 * goes to the late output.
 */
class HotspotStateTest {

    private static final long MIN = 60_000L;
    private static final long T0 = 1_790_000_000_000L;
    private static final HotspotRule RULE = HotspotRule.ofMinutes(3, 10);
    private static final OutputTag<Report> LATE = new OutputTag<>("late", TypeInformation.of(Report.class));

    private static KeyedOneInputStreamOperatorTestHarness<String, Report, Alert> harness() throws Exception {
        Pattern<Report, Report> pattern = HotspotAlerts.pattern(RULE);
        var op = new CepOperator<>(
                TypeInformation.of(Report.class).createSerializer(new SerializerConfigImpl()),
                false,
                NFACompiler.compileFactory(pattern, false),
                new ReportOrder(),
                pattern.getAfterMatchSkipStrategy(),
                new HotspotMatch(RULE),
                LATE);
        var h = new KeyedOneInputStreamOperatorTestHarness<>(
                op, r -> r.gridCode() + "\u0000" + r.categoryCode(), Types.STRING);
        h.open();
        return h;
    }

    private static void send(KeyedOneInputStreamOperatorTestHarness<String, Report, Alert> h, String id, long minutes)
            throws Exception {
        h.processElement(new StreamRecord<>(
                new Report(id, "C-" + id, T0 + minutes * MIN, "0101", "G1", 109.7, 38.3), T0 + minutes * MIN));
    }

    @Test
    void noWatermarkNoAlertThenOneAtTheWatermark() throws Exception {
        var h = harness();
        send(h, "a", 0);
        send(h, "b", 1);
        send(h, "c", 2);
        assertThat(h.extractOutputValues()).isEmpty();
        h.processWatermark(new Watermark(T0 + 2 * MIN));
        assertThat(h.extractOutputValues()).hasSize(1);
    }

    @Test
    void aQuietGridKeepsNoStateAndNoTimersOnceItsPartialMatchesExpire() throws Exception {
        var h = harness();
        send(h, "a", 0);
        send(h, "b", 1);
        h.processWatermark(new Watermark(T0 + MIN));
        assertThat(h.numKeyedStateEntries())
                .as("a partial match of two reports")
                .isPositive();
        h.processWatermark(new Watermark(T0 + 12 * MIN));
        assertThat(h.extractOutputValues()).isEmpty();
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(h.numKeyedStateEntries()).isZero();
    }

    @Test
    void afterAMatchNothingIsLeft() throws Exception {
        var h = harness();
        send(h, "a", 0);
        send(h, "b", 1);
        send(h, "c", 2);
        h.processWatermark(new Watermark(T0 + 20 * MIN));
        assertThat(h.extractOutputValues()).hasSize(1);
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(h.numKeyedStateEntries()).isZero();
    }

    @Test
    void aReportBehindTheWatermarkGoesToTheLateOutput() throws Exception {
        var h = harness();
        send(h, "a", 0);
        h.processWatermark(new Watermark(T0 + 5 * MIN));
        send(h, "b", 3);
        assertThat(h.getSideOutput(LATE))
                .extracting(r -> r.getValue().eventId())
                .containsExactly("b");
    }
}

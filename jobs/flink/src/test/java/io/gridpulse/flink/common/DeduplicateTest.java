package io.gridpulse.flink.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.codec.ReasonCode;
import io.gridpulse.domain.codec.Rejection;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.CaseEventType;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.domain.model.VehiclePosition;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class DeduplicateTest {

    private static final long DAY = 24L * 3600 * 1000;

    private static KeyedOneInputStreamOperatorTestHarness<String, FeedRecord, FeedRecord> harness(
            Feed feed, boolean live) throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new Deduplicate(feed, live, 7 * DAY)), Deduplicate::entity, Types.STRING);
        h.open();
        return h;
    }

    private static FeedRecord reported(String eventId, long time, String category) {
        CaseEvent e = new CaseEvent(
                eventId,
                "C1",
                CaseEventType.REPORTED,
                time,
                null,
                category,
                109.7,
                38.3,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        return new FeedRecord(
                e,
                null,
                null,
                null,
                "{raw}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "gridpulse.cases/0@" + time);
    }

    @Test
    void redeliveryCountsOnce() throws Exception {
        var h = harness(Feed.CASES, false);
        h.processElement(new StreamRecord<>(reported("E1", 1000, "0101"), 1000));
        h.processElement(new StreamRecord<>(reported("E1", 1000, "0101"), 1000));
        assertThat(h.extractOutputValues()).hasSize(1);
        assertThat(h.getSideOutput(Tags.REJECTED)).isNull();
    }

    @Test
    void conflictingCopyIsRejectedAndFirstKept() throws Exception {
        var h = harness(Feed.CASES, false);
        h.processElement(new StreamRecord<>(reported("E1", 1000, "0101"), 1000));
        h.processElement(new StreamRecord<>(reported("E1", 1000, "0202"), 1000));
        assertThat(h.extractOutputValues())
                .extracting(r -> r.caseEvent().categoryCode())
                .containsExactly("0101");
        assertThat(h.getSideOutput(Tags.REJECTED))
                .extracting(sr -> ((Rejection) sr.getValue()).reason())
                .containsExactly(ReasonCode.DUPLICATE_CONFLICT);
    }

    @Test
    void vehicleRepeatOfVehicleAndTimeCountsOnceWhateverThePayload() throws Exception {
        var h = harness(Feed.VEHICLES, false);
        VehiclePosition a = new VehiclePosition("V1", 5000, 109.7, 38.3, null, 10.0, null, null, null);
        VehiclePosition b = new VehiclePosition("V1", 5000, 109.8, 38.3, null, 12.0, null, null, null);
        h.processElement(new StreamRecord<>(new FeedRecord(null, a, null, null, null, "v/0@1"), 5000));
        h.processElement(new StreamRecord<>(new FeedRecord(null, b, null, null, null, "v/0@2"), 5000));
        assertThat(h.extractOutputValues()).hasSize(1);
        assertThat(h.getSideOutput(Tags.REJECTED)).isNull();
    }

    @Test
    void identityIsForgottenOnceTheWatermarkPassesTheAllowedLateness() throws Exception {
        var h = harness(Feed.CASES, false);
        h.processElement(new StreamRecord<>(reported("E1", 1000, "0101"), 1000));
        assertThat(h.numKeyedStateEntries()).isEqualTo(1);
        assertThat(h.numEventTimeTimers()).isEqualTo(1);
        h.processWatermark(1000 + 7 * DAY - 1);
        assertThat(h.numKeyedStateEntries()).isEqualTo(1);
        h.processWatermark(1000 + 7 * DAY);
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
    }

    @Test
    void liveModeRejectsEventsOlderThanTheAllowedLateness() throws Exception {
        var h = harness(Feed.CASES, true);
        h.processWatermark(10 * DAY);
        h.processElement(new StreamRecord<>(reported("E-old", 2 * DAY, "0101"), 2 * DAY));
        h.processElement(new StreamRecord<>(reported("E-ok", 3 * DAY + 1, "0101"), 3 * DAY + 1));
        assertThat(h.extractOutputValues())
                .extracting(r -> r.caseEvent().eventId())
                .containsExactly("E-ok");
        assertThat(h.getSideOutput(Tags.REJECTED))
                .extracting(sr -> ((Rejection) sr.getValue()).reason())
                .containsExactly(ReasonCode.TOO_LATE);
    }

    @Test
    void boundedModeNeverRejectsForLateness() throws Exception {
        var h = harness(Feed.CASES, false);
        h.processWatermark(10 * DAY);
        h.processElement(new StreamRecord<>(reported("E-old", 2 * DAY, "0101"), 2 * DAY));
        assertThat(h.extractOutputValues()).hasSize(1);
        assertThat(h.getSideOutput(Tags.REJECTED)).isNull();
    }

    @Test
    void aVehicleIsOneKeySoItsPositionsKeepTheirOrderThroughTheShuffle() {
        assertThat(Deduplicate.entity(position("V7", 1000))).isEqualTo(Deduplicate.entity(position("V7", 9000)));
        assertThat(Deduplicate.entity(reported("E1", 1000, "0101"))).isEqualTo("E1");
    }

    @Test
    void aSensorsTypesAtOneTimeAreDistinctEventsAndEachRepeatIsDropped() throws Exception {
        var h = harness(Feed.SENSORS, false);
        h.processElement(new StreamRecord<>(reading("S1", "NOISE", 5000), 5000));
        h.processElement(new StreamRecord<>(reading("S1", "PM10", 5000), 5000));
        h.processElement(new StreamRecord<>(reading("S1", "NOISE", 5000), 5000));
        h.processElement(new StreamRecord<>(reading("S1", "PM10", 5000), 5000));
        h.processElement(new StreamRecord<>(reading("S1", "NOISE", 6000), 6000));
        assertThat(h.extractOutputValues())
                .extracting(r -> r.reading().type() + "@" + r.reading().time())
                .containsExactly("NOISE@5000", "PM10@5000", "NOISE@6000");
    }

    @Test
    void aVehiclesTimesAreForgottenOneByOneAsTheWatermarkPassesThem() throws Exception {
        var h = harness(Feed.VEHICLES, true);
        h.processElement(new StreamRecord<>(position("V1", 1000), 1000));
        h.processElement(new StreamRecord<>(position("V1", 2000), 2000));
        assertThat(h.numKeyedStateEntries()).isEqualTo(1);
        h.processWatermark(1000 + 7 * DAY);
        h.processElement(new StreamRecord<>(position("V1", 2000), 2000));
        assertThat(h.extractOutputValues()).hasSize(2).as("2000 is still remembered");
        h.processWatermark(2000 + 7 * DAY);
        assertThat(h.numKeyedStateEntries()).isZero();
    }

    private static FeedRecord position(String vehicle, long time) {
        return new FeedRecord(
                null,
                new VehiclePosition(vehicle, time, 109.7, 38.3, null, null, null, null, null),
                null,
                null,
                null,
                "o");
    }

    private static FeedRecord reading(String sensor, String type, long time) {
        return new FeedRecord(
                null,
                null,
                new io.gridpulse.domain.model.SensorReading(sensor, time, type, 1.0, null, null, null, null),
                null,
                null,
                "o");
    }

    @Test
    void aBoundedRunRemembersOnlyEachVehiclesLatestTimeAndSetsNoTimers() throws Exception {
        var h = harness(Feed.VEHICLES, false);
        h.processElement(new StreamRecord<>(position("V1", 1000), 1000));
        h.processElement(new StreamRecord<>(position("V1", 1000), 1000)); // repeat, same partition: next
        h.processElement(new StreamRecord<>(position("V2", 1000), 1000));
        h.processElement(new StreamRecord<>(position("V1", 2000), 2000));
        h.processElement(new StreamRecord<>(position("V1", 2000), 2000));
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(h.numKeyedStateEntries())
                .as("one entry per vehicle, not per event")
                .isEqualTo(2);
        assertThat(h.extractOutputValues())
                .extracting(r -> r.position().vehicleId() + "@" + r.position().time())
                .containsExactly("V1@1000", "V2@1000", "V1@2000");
    }

    @Test
    void aBoundedRunStillDeduplicatesATimeEarlierThanTheLatest() throws Exception {
        var h = harness(Feed.VEHICLES, false);
        h.processElement(new StreamRecord<>(position("V1", 5000), 5000));
        h.processElement(new StreamRecord<>(position("V1", 3000), 3000)); // out of order in its topic
        h.processElement(new StreamRecord<>(position("V1", 3000), 3000));
        h.processElement(new StreamRecord<>(position("V1", 5000), 5000));
        assertThat(h.extractOutputValues()).extracting(r -> r.position().time()).containsExactly(5000L, 3000L);
        h.processWatermark(3000);
        assertThat(h.numEventTimeTimers()).isZero();
    }

    @Test
    void aBoundedRunKeepsASensorsTypesAtItsLatestTimeApart() throws Exception {
        var h = harness(Feed.SENSORS, false);
        h.processElement(new StreamRecord<>(reading("S1", "NOISE", 5000), 5000));
        h.processElement(new StreamRecord<>(reading("S1", "NOISE_MAX", 5000), 5000));
        h.processElement(new StreamRecord<>(reading("S1", "NOISE", 5000), 5000));
        assertThat(h.extractOutputValues()).extracting(r -> r.reading().type()).containsExactly("NOISE", "NOISE_MAX");
    }

    @Test
    void caseIdentitiesStayForTheAllowedLatenessEvenInABoundedRun() {
        assertThat(Deduplicate.retention(Feed.CASES, false, 7 * DAY)).isEqualTo(7 * DAY);
        assertThat(Deduplicate.retention(Feed.SENSORS, false, 7 * DAY)).isZero();
        assertThat(Deduplicate.retention(Feed.VEHICLES, true, 7 * DAY)).isEqualTo(7 * DAY);
    }
}

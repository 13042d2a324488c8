package io.gridpulse.flink.common.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.codec.ReasonCode;
import io.gridpulse.domain.codec.Rejection;
import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.CaseEventType;
import io.gridpulse.domain.model.CaseSource;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.domain.model.SensorReading;
import io.gridpulse.domain.model.VehiclePosition;
import io.gridpulse.domain.model.VehicleType;
import io.gridpulse.flink.cases.CaseEventRow;
import io.gridpulse.flink.common.FeedRecord;
import io.gridpulse.flink.common.Located;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class WireSerializersTest {

    private static final String LONG_TEXT = "路面破损，".repeat(20_000); // over 64 KB in UTF-8

    static List<CaseEvent> caseEvents() {
        List<CaseEvent> out = new ArrayList<>();
        for (CaseEventType t : CaseEventType.values()) {
            for (CaseSource s : CaseSource.values()) {
                out.add(new CaseEvent(
                        "E-" + t + s,
                        "C-1",
                        t,
                        1_790_000_000_123L,
                        s,
                        "0101",
                        119.3,
                        26.08,
                        Crs.GCJ02,
                        "城管局",
                        1_790_100_000_000L,
                        "I-7",
                        "鼓楼区东街 1 号",
                        "井盖缺失",
                        "ab12"));
            }
        }
        // every nullable field null
        out.add(new CaseEvent(
                "E-n",
                "C-2",
                CaseEventType.REPORTED,
                -5L,
                CaseSource.HOTLINE_12345,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
        out.add(new CaseEvent(
                "E-l",
                "C-3",
                CaseEventType.REPORTED,
                0L,
                CaseSource.PUBLIC_APP,
                "0102",
                null,
                26.0,
                Crs.BD09,
                "",
                null,
                "",
                LONG_TEXT,
                "",
                null));
        return out;
    }

    static List<FeedRecord> feedRecords() {
        List<FeedRecord> out = new ArrayList<>();
        for (CaseEvent e : caseEvents()) {
            out.add(new FeedRecord(e, null, null, null, "{\"x\":1}".getBytes(StandardCharsets.UTF_8), "t/0@1"));
        }
        for (VehicleType v : VehicleType.values()) {
            for (Crs c : Crs.values()) {
                out.add(new FeedRecord(
                        null,
                        new VehiclePosition("V1", 1L, 119.1, 26.1, c, 32.5, 270.0, v, "闽A12345"),
                        null,
                        null,
                        null,
                        "t/1@" + v));
            }
        }
        out.add(new FeedRecord(
                null,
                new VehiclePosition("V2", 2L, -0.0, Double.MIN_VALUE, null, null, null, null, null),
                null,
                null,
                null,
                null));
        out.add(new FeedRecord(
                null,
                null,
                new SensorReading("S1", 3L, "BIN_FILL", 87.5, "%", 119.2, 26.2, Crs.WGS84),
                null,
                null,
                "t/2@3"));
        out.add(new FeedRecord(
                null,
                null,
                new SensorReading("S2", 4L, "WATER_LEVEL", Double.NaN, null, null, null, null),
                null,
                null,
                null));
        for (ReasonCode r : ReasonCode.values()) {
            out.add(new FeedRecord(
                    null,
                    null,
                    null,
                    new Rejection(Feed.SENSORS, r, "why", LONG_TEXT, 9L, "t/3@9"),
                    new byte[0],
                    "t/3@9"));
        }
        out.add(new FeedRecord(null, null, null, new Rejection(null, null, null, null, 0L, null), null, null));
        out.add(new FeedRecord(null, null, null, null, null, null));
        return out;
    }

    private static <T> T roundTrip(TypeSerializer<T> ser, T value) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        ser.serialize(value, out);
        T back = ser.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        // copy(in, out) writes the same bytes
        DataOutputSerializer copied = new DataOutputSerializer(64);
        ser.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
        assertThat(copied.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());
        return back;
    }

    @Test
    void everyFeedRecordKindComesBackEqual() throws Exception {
        TypeSerializer<FeedRecord> ser =
                TypeInformation.of(FeedRecord.class).createSerializer(new SerializerConfigImpl());
        assertThat(ser).isSameAs(FeedRecordSerializer.INSTANCE);
        for (FeedRecord r : feedRecords()) {
            FeedRecord back = roundTrip(ser, r);
            assertThat(back.caseEvent()).isEqualTo(r.caseEvent());
            assertThat(back.position()).isEqualTo(r.position());
            assertThat(back.reading()).isEqualTo(r.reading());
            assertThat(back.rejection()).isEqualTo(r.rejection());
            assertThat(back.raw()).isEqualTo(r.raw());
            assertThat(back.origin()).isEqualTo(r.origin());
        }
    }

    @Test
    void anyStringComesBackAsItWas() throws Exception {
        List<String> samples = new java.util.ArrayList<>(java.util.Arrays.asList(
                null,
                "",
                "ascii",
                "nul\0char",
                "陕K00001",
                "Ä",
                "😀",
                "lone \uD800 high",
                "lone \uDC00",
                "end \uD83D",
                LONG_TEXT));
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 20_000; i++) {
            char[] c = new char[random.nextInt(60)];
            for (int j = 0; j < c.length; j++) {
                c[j] = (char) (random.nextInt(3) == 0 ? random.nextInt(0x10000) : random.nextInt(0x80));
            }
            samples.add(new String(c));
        }
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (String s : samples) {
            WireFields.writeString(out, s);
        }
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        for (String s : samples) {
            assertThat(WireFields.readString(in)).isEqualTo(s);
        }
        assertThat(in.available()).isZero();
    }

    @Test
    void recordsFollowOneAnotherInOneStream() throws Exception {
        TypeSerializer<FeedRecord> ser = FeedRecordSerializer.INSTANCE;
        DataOutputSerializer out = new DataOutputSerializer(64);
        List<FeedRecord> all = feedRecords();
        for (FeedRecord r : all) {
            ser.serialize(r, out);
        }
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        for (FeedRecord r : all) {
            FeedRecord back = ser.deserialize(in);
            assertThat(back.origin()).isEqualTo(r.origin());
            assertThat(back.caseEvent()).isEqualTo(r.caseEvent());
        }
        assertThat(in.available()).isZero();
    }

    @Test
    void caseEventRowsComeBackEqual() throws Exception {
        TypeSerializer<CaseEventRow> ser =
                TypeInformation.of(CaseEventRow.class).createSerializer(new SerializerConfigImpl());
        assertThat(ser).isSameAs(CaseEventRowSerializer.INSTANCE);
        List<Located> places = List.of(
                new Located(119.3, 26.08, "350102001001", "东街社区", "东街街道", "鼓楼区"),
                Located.NOWHERE,
                new Located(119.0, 26.0, "", "", "", ""));
        for (CaseEvent e : caseEvents()) {
            for (Located l : places) {
                CaseEventRow r = new CaseEventRow(e, l, 1_790_000_000_999L);
                assertThat(roundTrip(ser, r)).isEqualTo(r);
            }
        }
        assertThat(roundTrip(ser, new CaseEventRow(null, null, -1))).isEqualTo(new CaseEventRow(null, null, -1));
    }

    @Test
    void snapshotsRestoreTheSerializer() throws Exception {
        for (TypeSerializer<?> ser : List.of(FeedRecordSerializer.INSTANCE, CaseEventRowSerializer.INSTANCE)) {
            TypeSerializerSnapshot<?> snap = ser.snapshotConfiguration();
            DataOutputSerializer out = new DataOutputSerializer(16);
            snap.writeSnapshot(out);
            TypeSerializerSnapshot<?> read =
                    snap.getClass().getDeclaredConstructor().newInstance();
            read.readSnapshot(
                    snap.getCurrentVersion(),
                    new DataInputDeserializer(out.getCopyOfBuffer()),
                    getClass().getClassLoader());
            assertThat(read.restoreSerializer()).isSameAs(ser);
            assertThat(ser.duplicate()).isSameAs(ser);
        }
    }
}

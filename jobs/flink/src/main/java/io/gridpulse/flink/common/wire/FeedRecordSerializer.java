package io.gridpulse.flink.common.wire;

import io.gridpulse.flink.common.FeedRecord;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes a {@link FeedRecord} field by field ({@link WireFields}): every record of every feed
 * crosses the network once, from its source to its deduplication, and Flink's reflective POJO
 * serializer (a null flag and a reflective get or set per field, nested records too) was about a
 * tenth of the vehicle job's CPU. FeedRecord is a wire type only, never kept in state.
 */
public final class FeedRecordSerializer extends TypeSerializerSingleton<FeedRecord> {

    public static final FeedRecordSerializer INSTANCE = new FeedRecordSerializer();

    private static final int CASE_EVENT = 1;
    private static final int POSITION = 2;
    private static final int READING = 4;
    private static final int REJECTION = 8;
    private static final int RAW = 16;
    private static final int ORIGIN = 32;

    @Override
    public boolean isImmutableType() {
        // records; the raw bytes are never changed once decoded
        return true;
    }

    @Override
    public FeedRecord createInstance() {
        return new FeedRecord(null, null, null, null, null, null);
    }

    @Override
    public FeedRecord copy(FeedRecord from) {
        return from;
    }

    @Override
    public FeedRecord copy(FeedRecord from, FeedRecord reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(FeedRecord r, DataOutputView out) throws IOException {
        int present = (r.caseEvent() != null ? CASE_EVENT : 0)
                | (r.position() != null ? POSITION : 0)
                | (r.reading() != null ? READING : 0)
                | (r.rejection() != null ? REJECTION : 0)
                | (r.raw() != null ? RAW : 0)
                | (r.origin() != null ? ORIGIN : 0);
        out.writeByte(present);
        if (r.caseEvent() != null) {
            WireFields.writeCaseEvent(out, r.caseEvent());
        }
        if (r.position() != null) {
            WireFields.writePosition(out, r.position());
        }
        if (r.reading() != null) {
            WireFields.writeReading(out, r.reading());
        }
        if (r.rejection() != null) {
            WireFields.writeRejection(out, r.rejection());
        }
        if (r.raw() != null) {
            out.writeInt(r.raw().length);
            out.write(r.raw());
        }
        if (r.origin() != null) {
            WireFields.writeString(out, r.origin());
        }
    }

    @Override
    public FeedRecord deserialize(DataInputView in) throws IOException {
        int present = in.readByte();
        var caseEvent = (present & CASE_EVENT) != 0 ? WireFields.readCaseEvent(in) : null;
        var position = (present & POSITION) != 0 ? WireFields.readPosition(in) : null;
        var reading = (present & READING) != 0 ? WireFields.readReading(in) : null;
        var rejection = (present & REJECTION) != 0 ? WireFields.readRejection(in) : null;
        byte[] raw = null;
        if ((present & RAW) != 0) {
            raw = new byte[in.readInt()];
            in.readFully(raw);
        }
        String origin = (present & ORIGIN) != 0 ? WireFields.readString(in) : null;
        return new FeedRecord(caseEvent, position, reading, rejection, raw, origin);
    }

    @Override
    public FeedRecord deserialize(FeedRecord reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public TypeSerializerSnapshot<FeedRecord> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: its snapshot restores the one instance. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<FeedRecord> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /** Picked up by {@code TypeInformation.of(FeedRecord.class)} through FeedRecord's annotation. */
    public static final class Factory extends TypeInfoFactory<FeedRecord> {
        @Override
        public TypeInformation<FeedRecord> createTypeInfo(Type t, Map<String, TypeInformation<?>> generics) {
            return new WireTypeInfo<>(FeedRecord.class, INSTANCE);
        }
    }
}

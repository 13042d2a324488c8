package io.gridpulse.flink.common.wire;

import io.gridpulse.flink.cases.CaseEventRow;
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
 * Writes a {@link CaseEventRow} field by field ({@link WireFields}): every located case event is
 * shuffled to the workflow (by case) and the hourly counts and spatial alerts (by grid). A wire
 * type only, never kept in state (the workflow and the clock keep the {@code CaseEvent}).
 */
public final class CaseEventRowSerializer extends TypeSerializerSingleton<CaseEventRow> {

    public static final CaseEventRowSerializer INSTANCE = new CaseEventRowSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public CaseEventRow createInstance() {
        return new CaseEventRow(null, null, 0);
    }

    @Override
    public CaseEventRow copy(CaseEventRow from) {
        return from;
    }

    @Override
    public CaseEventRow copy(CaseEventRow from, CaseEventRow reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(CaseEventRow r, DataOutputView out) throws IOException {
        out.writeByte((r.event() != null ? 1 : 0) | (r.located() != null ? 2 : 0));
        if (r.event() != null) {
            WireFields.writeCaseEvent(out, r.event());
        }
        if (r.located() != null) {
            WireFields.writeLocated(out, r.located());
        }
        out.writeLong(r.ingestedAt());
    }

    @Override
    public CaseEventRow deserialize(DataInputView in) throws IOException {
        int present = in.readByte();
        var event = (present & 1) != 0 ? WireFields.readCaseEvent(in) : null;
        var located = (present & 2) != 0 ? WireFields.readLocated(in) : null;
        return new CaseEventRow(event, located, in.readLong());
    }

    @Override
    public CaseEventRow deserialize(CaseEventRow reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public TypeSerializerSnapshot<CaseEventRow> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: its snapshot restores the one instance. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<CaseEventRow> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /** Picked up by {@code TypeInformation.of(CaseEventRow.class)} through the record's annotation. */
    public static final class Factory extends TypeInfoFactory<CaseEventRow> {
        @Override
        public TypeInformation<CaseEventRow> createTypeInfo(Type t, Map<String, TypeInformation<?>> generics) {
            return new WireTypeInfo<>(CaseEventRow.class, INSTANCE);
        }
    }
}

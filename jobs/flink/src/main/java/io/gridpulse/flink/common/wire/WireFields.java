package io.gridpulse.flink.common.wire;

import io.gridpulse.domain.codec.ReasonCode;
import io.gridpulse.domain.codec.Rejection;
import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.domain.model.SensorReading;
import io.gridpulse.domain.model.VehiclePosition;
import io.gridpulse.domain.model.VehicleType;
import io.gridpulse.domain.workflow.CaseEventPack;
import io.gridpulse.flink.common.Located;
import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The wire form of the records every feed job sends between its tasks: fields in declaration
 * order, a leading bit mask for the ones that may be null, strings as Flink's StringValue (any
 * length, null allowed), enums by ordinal. Ordinals are safe only because these records never
 * live in state or in a savepoint: sender and receiver run the same build.
 */
final class WireFields {

    private static final Crs[] CRSS = Crs.values();
    private static final VehicleType[] VEHICLE_TYPES = VehicleType.values();
    private static final Feed[] FEEDS = Feed.values();
    private static final ReasonCode[] REASONS = ReasonCode.values();

    private WireFields() {}

    static void writeString(DataOutputView out, String s) throws IOException {
        StringValue.writeString(s, out);
    }

    static String readString(DataInputView in) throws IOException {
        return StringValue.readString(in);
    }

    static void writeEnum(DataOutputView out, Enum<?> e) throws IOException {
        out.writeShort(e == null ? -1 : e.ordinal());
    }

    static <E extends Enum<E>> E readEnum(DataInputView in, E[] values) throws IOException {
        int o = in.readShort();
        return o < 0 ? null : values[o];
    }

    /** The caseId, then the event as {@link CaseEventPack} writes it. */
    static void writeCaseEvent(DataOutputView out, CaseEvent e) throws IOException {
        writeString(out, e.caseId());
        CaseEventPack.writeEvent(out, e);
    }

    static CaseEvent readCaseEvent(DataInputView in) throws IOException {
        String caseId = readString(in);
        return CaseEventPack.readEvent(in, caseId);
    }

    static void writePosition(DataOutputView out, VehiclePosition p) throws IOException {
        out.writeByte((p.speed() == null ? 1 : 0) | (p.heading() == null ? 2 : 0));
        writeString(out, p.vehicleId());
        out.writeLong(p.time());
        out.writeDouble(p.lon());
        out.writeDouble(p.lat());
        writeEnum(out, p.crs());
        if (p.speed() != null) {
            out.writeDouble(p.speed());
        }
        if (p.heading() != null) {
            out.writeDouble(p.heading());
        }
        writeEnum(out, p.vehicleType());
        writeString(out, p.plate());
    }

    static VehiclePosition readPosition(DataInputView in) throws IOException {
        int nulls = in.readByte();
        String id = readString(in);
        long time = in.readLong();
        double lon = in.readDouble();
        double lat = in.readDouble();
        Crs crs = readEnum(in, CRSS);
        Double speed = (nulls & 1) != 0 ? null : in.readDouble();
        Double heading = (nulls & 2) != 0 ? null : in.readDouble();
        VehicleType type = readEnum(in, VEHICLE_TYPES);
        return new VehiclePosition(id, time, lon, lat, crs, speed, heading, type, readString(in));
    }

    static void writeReading(DataOutputView out, SensorReading r) throws IOException {
        out.writeByte((r.lon() == null ? 1 : 0) | (r.lat() == null ? 2 : 0));
        writeString(out, r.sensorId());
        out.writeLong(r.time());
        writeString(out, r.type());
        out.writeDouble(r.value());
        writeString(out, r.unit());
        if (r.lon() != null) {
            out.writeDouble(r.lon());
        }
        if (r.lat() != null) {
            out.writeDouble(r.lat());
        }
        writeEnum(out, r.crs());
    }

    static SensorReading readReading(DataInputView in) throws IOException {
        int nulls = in.readByte();
        String id = readString(in);
        long time = in.readLong();
        String type = readString(in);
        double value = in.readDouble();
        String unit = readString(in);
        Double lon = (nulls & 1) != 0 ? null : in.readDouble();
        Double lat = (nulls & 2) != 0 ? null : in.readDouble();
        return new SensorReading(id, time, type, value, unit, lon, lat, readEnum(in, CRSS));
    }

    static void writeRejection(DataOutputView out, Rejection r) throws IOException {
        writeEnum(out, r.feed());
        writeEnum(out, r.reason());
        writeString(out, r.detail());
        writeString(out, r.raw());
        out.writeLong(r.seenAt());
        writeString(out, r.origin());
    }

    static Rejection readRejection(DataInputView in) throws IOException {
        Feed feed = readEnum(in, FEEDS);
        ReasonCode reason = readEnum(in, REASONS);
        String detail = readString(in);
        String raw = readString(in);
        long seenAt = in.readLong();
        return new Rejection(feed, reason, detail, raw, seenAt, readString(in));
    }

    static void writeLocated(DataOutputView out, Located l) throws IOException {
        out.writeByte((l.lon() == null ? 1 : 0) | (l.lat() == null ? 2 : 0));
        if (l.lon() != null) {
            out.writeDouble(l.lon());
        }
        if (l.lat() != null) {
            out.writeDouble(l.lat());
        }
        writeString(out, l.gridCode());
        writeString(out, l.community());
        writeString(out, l.street());
        writeString(out, l.district());
    }

    static Located readLocated(DataInputView in) throws IOException {
        int nulls = in.readByte();
        Double lon = (nulls & 1) != 0 ? null : in.readDouble();
        Double lat = (nulls & 2) != 0 ? null : in.readDouble();
        return new Located(lon, lat, readString(in), readString(in), readString(in), readString(in));
    }
}

package io.gridpulse.flink.common.wire;

import io.gridpulse.domain.codec.ReasonCode;
import io.gridpulse.domain.codec.Rejection;
import io.gridpulse.domain.codec.Varints;
import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.domain.model.SensorReading;
import io.gridpulse.domain.model.VehiclePosition;
import io.gridpulse.domain.model.VehicleType;
import io.gridpulse.domain.workflow.CaseEventPack;
import io.gridpulse.flink.common.Located;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The wire form of the records every feed job sends between its tasks: fields in declaration
 * order, a leading bit mask for the ones that may be null, strings as {@link #writeString} has
 * them, enums by ordinal. Ordinals are safe only because these records never live in state or
 * in a savepoint: sender and receiver run the same build.
 */
final class WireFields {

    private static final Crs[] CRSS = Crs.values();
    private static final VehicleType[] VEHICLE_TYPES = VehicleType.values();
    private static final Feed[] FEEDS = Feed.values();
    private static final ReasonCode[] REASONS = ReasonCode.values();

    private WireFields() {}

    /**
     * A varint of the byte length + 1 (0 for null), then the chars in modified UTF-8: one byte
     * per ASCII char, two or three otherwise, each surrogate on its own, so any String comes
     * back as it was (a lone surrogate included, which standard UTF-8 would replace). Encoded
     * into one array and written at once: Flink's StringValue writes char by char through the
     * view and reads through a thread-local buffer, and every position carries three strings.
     */
    static void writeString(DataOutputView out, String s) throws IOException {
        if (s == null) {
            out.writeByte(0);
            return;
        }
        int n = s.length();
        byte[] b = new byte[3 * n];
        int p = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > 0 && c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        Varints.write(out, p + 1);
        out.write(b, 0, p);
    }

    static String readString(DataInputView in) throws IOException {
        int len = Varints.read(in) - 1;
        if (len < 0) {
            return null;
        }
        byte[] b = new byte[len];
        in.readFully(b);
        int i = 0;
        while (i < len && b[i] > 0) {
            i++;
        }
        if (i == len) {
            return new String(b, 0, len, StandardCharsets.ISO_8859_1); // ASCII: the bytes are the chars
        }
        char[] chars = new char[len];
        int n = 0;
        for (i = 0; i < len; ) {
            int x = b[i] & 0xFF;
            if (x < 0x80) {
                chars[n++] = (char) x;
                i++;
            } else if (x < 0xE0) {
                chars[n++] = (char) (((x & 0x1F) << 6) | (b[i + 1] & 0x3F));
                i += 2;
            } else {
                chars[n++] = (char) (((x & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F));
                i += 3;
            }
        }
        return new String(chars, 0, n);
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

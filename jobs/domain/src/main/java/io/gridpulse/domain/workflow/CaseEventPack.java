package io.gridpulse.domain.workflow;

import io.gridpulse.domain.codec.Varints;
import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.CaseEventType;
import io.gridpulse.domain.model.CaseSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The events of one case packed into one byte array: the form a streaming job keeps a settled case
 * in (a finished case whose rows are written, kept only in case a later event reopens the
 * question). A case's events as Java objects take several hundred bytes each, mostly object
 * headers and references; packed they take the bytes of their values. Every field round-trips
 * exactly except caseId, which is the case's key: all events of a pack share it and {@link #unpack}
 * is given it. Stateless and thread-safe.
 *
 * <p>Format 1: a format byte, the number of events, then per event a bit set of the fields present
 * and the present values (strings as UTF-8 prefixed by their length (a varint), enums as ordinals, times as longs).
 */
public final class CaseEventPack {

    static final byte FORMAT = 1;

    private static final int CATEGORY = 1;
    private static final int LON = 1 << 1;
    private static final int LAT = 1 << 2;
    private static final int CRS = 1 << 3;
    private static final int DEPARTMENT = 1 << 4;
    private static final int DEADLINE = 1 << 5;
    private static final int INSPECTOR = 1 << 6;
    private static final int ADDRESS = 1 << 7;
    private static final int DESCRIPTION = 1 << 8;
    private static final int PHONE = 1 << 9;
    private static final int SOURCE = 1 << 10;

    private static final CaseEventType[] TYPES = CaseEventType.values();
    private static final CaseSource[] SOURCES = CaseSource.values();
    private static final Crs[] CRSS = Crs.values();

    private CaseEventPack() {}

    /**
     * Packs the events of one case (in the order given).
     *
     * @throws IllegalArgumentException when the events are not all of one case, or one has no
     *     eventId or type
     */
    public static byte[] pack(Collection<CaseEvent> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + events.size() * 96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            Varints.write(out, events.size());
            String caseId = null;
            for (CaseEvent e : events) {
                Objects.requireNonNull(e.eventId(), "eventId");
                Objects.requireNonNull(e.type(), "type");
                if (caseId == null) {
                    caseId = e.caseId();
                } else if (!caseId.equals(e.caseId())) {
                    throw new IllegalArgumentException("a pack holds one case's events: " + e.eventId() + " is of case "
                            + e.caseId() + ", not " + caseId);
                }
                writeEvent(out, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * The events of a pack, in the order they were packed, each with {@code caseId}.
     *
     * @throws IllegalArgumentException when the bytes are not a pack of this format
     */
    public static List<CaseEvent> unpack(byte[] packed, String caseId) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(packed))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("not a case event pack of format " + FORMAT + ": " + format);
            }
            int n = Varints.read(in);
            List<CaseEvent> events = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                events.add(readEvent(in, caseId));
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("a case event pack with bytes after its " + n + " events");
            }
            return events;
        } catch (IOException e) {
            throw new IllegalArgumentException("a truncated case event pack (" + packed.length + " bytes)", e);
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("a case event pack with an unknown type, source or crs", e);
        }
    }

    /**
     * One event without its caseId (whoever reads it knows the case): a mask of the fields
     * present, then those fields; enums by ordinal, so only for bytes read by the same build (this
     * pack, kept until its bounded run ends; the wire serializers between tasks of one job).
     */
    public static void writeEvent(DataOutput out, CaseEvent e) throws IOException {
        int present = (e.categoryCode() != null ? CATEGORY : 0)
                | (e.lon() != null ? LON : 0)
                | (e.lat() != null ? LAT : 0)
                | (e.crs() != null ? CRS : 0)
                | (e.department() != null ? DEPARTMENT : 0)
                | (e.deadline() != null ? DEADLINE : 0)
                | (e.inspectorId() != null ? INSPECTOR : 0)
                | (e.address() != null ? ADDRESS : 0)
                | (e.description() != null ? DESCRIPTION : 0)
                | (e.reporterPhoneHash() != null ? PHONE : 0)
                | (e.source() != null ? SOURCE : 0);
        out.writeShort(present);
        string(out, e.eventId());
        out.writeByte(e.type().ordinal());
        out.writeLong(e.time());
        if (e.source() != null) {
            out.writeByte(e.source().ordinal());
        }
        if (e.categoryCode() != null) {
            string(out, e.categoryCode());
        }
        if (e.lon() != null) {
            out.writeDouble(e.lon());
        }
        if (e.lat() != null) {
            out.writeDouble(e.lat());
        }
        if (e.crs() != null) {
            out.writeByte(e.crs().ordinal());
        }
        if (e.department() != null) {
            string(out, e.department());
        }
        if (e.deadline() != null) {
            out.writeLong(e.deadline());
        }
        if (e.inspectorId() != null) {
            string(out, e.inspectorId());
        }
        if (e.address() != null) {
            string(out, e.address());
        }
        if (e.description() != null) {
            string(out, e.description());
        }
        if (e.reporterPhoneHash() != null) {
            string(out, e.reporterPhoneHash());
        }
    }

    /** An event written by {@link #writeEvent}, of case {@code caseId}. */
    public static CaseEvent readEvent(DataInput in, String caseId) throws IOException {
        int present = in.readUnsignedShort();
        String eventId = string(in);
        CaseEventType type = TYPES[in.readUnsignedByte()];
        long time = in.readLong();
        CaseSource source = (present & SOURCE) != 0 ? SOURCES[in.readUnsignedByte()] : null;
        String category = (present & CATEGORY) != 0 ? string(in) : null;
        Double lon = (present & LON) != 0 ? in.readDouble() : null;
        Double lat = (present & LAT) != 0 ? in.readDouble() : null;
        Crs crs = (present & CRS) != 0 ? CRSS[in.readUnsignedByte()] : null;
        String department = (present & DEPARTMENT) != 0 ? string(in) : null;
        Long deadline = (present & DEADLINE) != 0 ? in.readLong() : null;
        String inspector = (present & INSPECTOR) != 0 ? string(in) : null;
        String address = (present & ADDRESS) != 0 ? string(in) : null;
        String description = (present & DESCRIPTION) != 0 ? string(in) : null;
        String phone = (present & PHONE) != 0 ? string(in) : null;
        return new CaseEvent(
                eventId,
                caseId,
                type,
                time,
                source,
                category,
                lon,
                lat,
                crs,
                department,
                deadline,
                inspector,
                address,
                description,
                phone);
    }

    private static void string(DataOutput out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        Varints.write(out, b.length);
        out.write(b);
    }

    private static String string(DataInput in) throws IOException {
        int n = Varints.read(in);
        if (n < 0 || (in instanceof DataInputStream d && n > d.available())) {
            throw new IOException("string of " + n + " bytes past the end");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}

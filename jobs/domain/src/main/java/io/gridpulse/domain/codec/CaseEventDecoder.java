package io.gridpulse.domain.codec;

import static io.gridpulse.domain.codec.Fields.enumValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.CaseEventType;
import io.gridpulse.domain.model.CaseSource;
import io.gridpulse.domain.reference.Catalog;
import io.gridpulse.domain.reference.Departments;
import java.util.Objects;

/**
 * Decodes the case feed ({@code gridpulse.cases}, contracts.md section 1).
 *
 * <p>Checks, in this order, the first failing one giving the reason: TOO_LARGE, BAD_ENCODING,
 * MALFORMED_JSON, NOT_AN_OBJECT; MISSING_FIELD (eventId, caseId, type, time; then, when the type
 * is known, source, categoryCode, lon, lat on REPORTED, department on DISPATCHED and RETURNED,
 * deadline on POSTPONED; and on any type lon without lat or the reverse); WRONG_TYPE;
 * UNKNOWN_VALUE (type, source, crs); BAD_TIME; FUTURE_TIME; BAD_COORDINATES; UNKNOWN_CATEGORY
 * (REPORTED); UNKNOWN_DEPARTMENT (DISPATCHED and RETURNED, only when a departments list is
 * given); BAD_DEADLINE (unreadable, or earlier than the event's own time; checked on any type
 * that carries one).
 *
 * <p>The reporter's phone is kept only as its keyed hash ({@link PhoneHasher}). Fields not in the
 * contract are ignored. The crs defaults to WGS84 when a location is given, else stays null.
 * Immutable and thread-safe.
 */
public final class CaseEventDecoder implements FeedDecoder<CaseEvent> {

    private static final String[] STRINGS = {
        "eventId",
        "caseId",
        "type",
        "time",
        "source",
        "categoryCode",
        "crs",
        "department",
        "deadline",
        "inspectorId",
        "address",
        "description",
        "reporterPhone"
    };
    private static final String[] COORDINATES = {"lon", "lat"};
    private static final String[] NONE = {};

    private final Catalog catalog;
    private final Departments departments;
    private final PhoneHasher phoneHasher;

    /**
     * @param catalog the category catalogue REPORTED events are checked against
     * @param departments the departments DISPATCHED and RETURNED are checked against; null to
     *     accept any department code
     * @param phoneHasher hashes {@code reporterPhone}, which is never kept in clear
     */
    public CaseEventDecoder(Catalog catalog, Departments departments, PhoneHasher phoneHasher) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.departments = departments;
        this.phoneHasher = Objects.requireNonNull(phoneHasher, "phoneHasher");
    }

    @Override
    public Decoded<CaseEvent> decode(byte[] raw, long wallClockMillis) {
        JsonRecord.Parsed parsed = JsonRecord.parse(raw);
        if (parsed.object() == null) {
            return parsed.rejection();
        }
        ObjectNode o = parsed.object();
        String detail = Fields.firstMissing(o, "eventId", "caseId", "type", "time");
        // the type decides what else is required; an unreadable type is reported by its own check
        JsonNode typeNode = o.get("type");
        CaseEventType type =
                typeNode != null && typeNode.isTextual() ? enumValue(CaseEventType.class, typeNode.textValue()) : null;
        if (detail == null && type != null) {
            detail = Fields.firstMissing(o, requiredFor(type));
        }
        if (detail == null) {
            detail = Fields.halfLocation(o);
        }
        if (detail != null) {
            return Decoded.rejected(ReasonCode.MISSING_FIELD, detail);
        }
        detail = Fields.firstTypeError(o, STRINGS, COORDINATES, NONE);
        if (detail != null) {
            return Decoded.rejected(ReasonCode.WRONG_TYPE, detail);
        }
        if (type == null) {
            return Decoded.rejected(
                    ReasonCode.UNKNOWN_VALUE, Fields.unknownValue("type", Fields.text(o, "type"), CaseEventType.class));
        }
        String sourceText = Fields.text(o, "source");
        CaseSource source = sourceText == null ? null : enumValue(CaseSource.class, sourceText);
        if (sourceText != null && source == null) {
            return Decoded.rejected(
                    ReasonCode.UNKNOWN_VALUE, Fields.unknownValue("source", sourceText, CaseSource.class));
        }
        boolean located = Fields.present(o, "lon");
        Decoded<Crs> crsOf = Fields.crs(o, located);
        if (!crsOf.isOk()) {
            return crsOf.asRejection();
        }
        Crs crs = crsOf.value();
        Decoded<Long> timeOf = Fields.timeThenCoordinates(o, wallClockMillis, located);
        if (!timeOf.isOk()) {
            return timeOf.asRejection();
        }
        long time = timeOf.value();
        Double lon = Fields.number(o, "lon");
        Double lat = Fields.number(o, "lat");
        String categoryCode = Fields.text(o, "categoryCode");
        if (type == CaseEventType.REPORTED && !catalog.contains(categoryCode)) {
            return Decoded.rejected(
                    ReasonCode.UNKNOWN_CATEGORY,
                    "field 'categoryCode' " + Details.quote(categoryCode) + " is not in the category catalogue");
        }
        String department = Fields.text(o, "department");
        if (departments != null
                && (type == CaseEventType.DISPATCHED || type == CaseEventType.RETURNED)
                && !departments.contains(department)) {
            return Decoded.rejected(
                    ReasonCode.UNKNOWN_DEPARTMENT,
                    "field 'department' " + Details.quote(department) + " is not in the departments list");
        }
        String deadlineText = Fields.text(o, "deadline");
        Long deadline = null;
        if (deadlineText != null) {
            long d = IsoTime.parseEpochMillis(deadlineText);
            if (d == IsoTime.INVALID) {
                return Decoded.rejected(ReasonCode.BAD_DEADLINE, Fields.badTime("deadline", deadlineText));
            }
            if (d < time) {
                return Decoded.rejected(
                        ReasonCode.BAD_DEADLINE,
                        "field 'deadline' " + Details.quote(deadlineText) + " is earlier than the event's time "
                                + Details.quote(Fields.text(o, "time")));
            }
            deadline = d;
        }
        return Decoded.ok(new CaseEvent(
                Fields.text(o, "eventId"),
                Fields.text(o, "caseId"),
                type,
                time,
                source,
                categoryCode,
                lon,
                lat,
                crs,
                department,
                deadline,
                Fields.text(o, "inspectorId"),
                Fields.text(o, "address"),
                Fields.text(o, "description"),
                phoneHasher.hash(Fields.text(o, "reporterPhone"))));
    }

    private static String[] requiredFor(CaseEventType type) {
        return switch (type) {
            case REPORTED -> new String[] {"source", "categoryCode", "lon", "lat"};
            case DISPATCHED, RETURNED -> new String[] {"department"};
            case POSTPONED -> new String[] {"deadline"};
            default -> NONE;
        };
    }
}

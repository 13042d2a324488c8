package io.gridpulse.domain.codec;

import static io.gridpulse.domain.codec.CodecFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.CaseEventType;
import io.gridpulse.domain.model.CaseSource;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CaseEventDecoderTest {

    @Test
    void reportedIsDecodedWithEveryField() {
        CaseEvent e = accepted(CASES, REPORTED);
        assertThat(e.eventId()).isEqualTo("e1");
        assertThat(e.caseId()).isEqualTo("c1");
        assertThat(e.type()).isEqualTo(CaseEventType.REPORTED);
        assertThat(e.time())
                .isEqualTo(java.time.OffsetDateTime.parse("2026-10-08T09:15:00+08:00")
                        .toInstant()
                        .toEpochMilli());
        assertThat(e.source()).isEqualTo(CaseSource.INSPECTOR);
        assertThat(e.categoryCode()).isEqualTo("0101");
        assertThat(e.lon()).isEqualTo(114.3);
        assertThat(e.lat()).isEqualTo(30.6);
        assertThat(e.crs()).isEqualTo(Crs.GCJ02);
        assertThat(e.address()).isEqualTo("江汉路 1 号");
    }

    @Test
    void reporterPhoneIsKeptOnlyAsKeyedHash() {
        CaseEvent e = accepted(CASES, REPORTED);
        assertThat(e.reporterPhoneHash())
                .isEqualTo(HASHER.hash("13812345678"))
                .hasSize(64)
                .doesNotContain("13812345678");
        assertThat(e.toString()).doesNotContain("13812345678");
    }

    @Test
    void dispatchedKeepsDepartmentAndDeadline() {
        CaseEvent e = accepted(CASES, DISPATCHED);
        assertThat(e.department()).isEqualTo("HW");
        assertThat(e.deadline()).isEqualTo(IsoTime.parseEpochMillis("2026-10-09T10:00:00+08:00"));
        assertThat(e.located()).isFalse();
        assertThat(e.crs()).as("no location, no crs").isNull();
    }

    @Test
    void crsDefaultsToWgs84WhenLocated() {
        assertThat(accepted(CASES, with(REPORTED, "crs", null)).crs()).isEqualTo(Crs.WGS84);
    }

    @Test
    void unknownExtraFieldsAreIgnored() {
        assertThat(accepted(CASES, with(REPORTED, "extra", "{'a':[1,2]}")).eventId())
                .isEqualTo("e1");
    }

    @Test
    void stringsAreNotTrimmed() {
        assertThat(accepted(CASES, with(REPORTED, "caseId", "' c1 '")).caseId()).isEqualTo(" c1 ");
    }

    @Test
    void everyTypeWithOnlyItsRequiredFieldsIsAccepted() {
        for (CaseEventType t : CaseEventType.values()) {
            String base =
                    switch (t) {
                        case REPORTED -> REPORTED;
                        case DISPATCHED, RETURNED -> with(DISPATCHED, "deadline", null);
                        case POSTPONED -> POSTPONED;
                        default -> "{'eventId':'x','caseId':'c','time':'2026-10-08T12:00:00+08:00'}";
                    };
            assertThat(accepted(CASES, with(base, "type", "'" + t + "'")).type())
                    .isEqualTo(t);
        }
    }

    @Test
    void tooLarge() {
        byte[] big = new byte[JsonRecord.MAX_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        rejected(CASES, big, ReasonCode.TOO_LARGE);
    }

    @Test
    void exactlyOneMegabyteIsNotTooLarge() {
        String r = json(REPORTED);
        byte[] raw = utf8(r + " ".repeat(JsonRecord.MAX_BYTES - utf8(r).length));
        assertThat(raw).hasSize(JsonRecord.MAX_BYTES);
        assertThat(CASES.decode(raw, WALL).isOk()).isTrue();
    }

    @Test
    void badEncoding() {
        byte[] raw = record(REPORTED);
        raw[raw.length - 5] = (byte) 0xC3; // a lead byte followed by ASCII
        assertThat(rejected(CASES, raw, ReasonCode.BAD_ENCODING).detail()).contains("byte offset " + (raw.length - 5));
    }

    @Test
    void malformedJson() {
        rejected(CASES, "{'eventId':'e1',", ReasonCode.MALFORMED_JSON);
        rejected(CASES, json(REPORTED) + " {}", ReasonCode.MALFORMED_JSON); // trailing content
        rejected(
                CASES,
                with(REPORTED, "eventId", null).replace("{", "{'eventId':'a','eventId':'b',"),
                ReasonCode.MALFORMED_JSON);
        rejected(CASES, "", ReasonCode.MALFORMED_JSON);
    }

    @Test
    void notAnObject() {
        assertThat(rejected(CASES, "[" + json(REPORTED) + "]", ReasonCode.NOT_AN_OBJECT)
                        .detail())
                .contains("an array");
        rejected(CASES, "'REPORTED'", ReasonCode.NOT_AN_OBJECT);
        rejected(CASES, "null", ReasonCode.NOT_AN_OBJECT);
    }

    @Test
    void missingFieldOnEveryType() {
        for (String f : new String[] {"eventId", "caseId", "type", "time"}) {
            assertThat(rejected(CASES, with(DISPATCHED, f, null), ReasonCode.MISSING_FIELD)
                            .detail())
                    .contains("'" + f + "'");
        }
    }

    @Test
    void missingFieldPerType() {
        for (String f : new String[] {"source", "categoryCode", "lon", "lat"}) {
            assertThat(rejected(CASES, with(REPORTED, f, null), ReasonCode.MISSING_FIELD)
                            .detail())
                    .contains("'" + f + "'");
        }
        rejected(CASES, with(DISPATCHED, "department", null), ReasonCode.MISSING_FIELD);
        rejected(CASES, with(with(DISPATCHED, "type", "'RETURNED'"), "department", null), ReasonCode.MISSING_FIELD);
        rejected(CASES, with(POSTPONED, "deadline", null), ReasonCode.MISSING_FIELD);
    }

    @Test
    void nullAndEmptyCountAsMissing() {
        assertThat(rejected(CASES, with(REPORTED, "caseId", "null"), ReasonCode.MISSING_FIELD)
                        .detail())
                .contains("null");
        assertThat(rejected(CASES, with(REPORTED, "caseId", "''"), ReasonCode.MISSING_FIELD)
                        .detail())
                .contains("empty");
        rejected(CASES, with(REPORTED, "categoryCode", "' \\t '"), ReasonCode.MISSING_FIELD);
    }

    @Test
    void lonWithoutLatIsMissingOnAnyType() {
        rejected(CASES, with(DISPATCHED, "lon", "114.3"), ReasonCode.MISSING_FIELD);
    }

    @Test
    void wrongTypeWithoutCoercion() {
        assertThat(rejected(CASES, with(REPORTED, "lat", "'30.6'"), ReasonCode.WRONG_TYPE)
                        .detail())
                .isEqualTo("field 'lat' must be a number, got a string");
        assertThat(rejected(CASES, with(REPORTED, "caseId", "42"), ReasonCode.WRONG_TYPE)
                        .detail())
                .isEqualTo("field 'caseId' must be a string, got a number");
        rejected(CASES, with(REPORTED, "time", "1791508500000"), ReasonCode.WRONG_TYPE);
        rejected(CASES, with(REPORTED, "type", "true"), ReasonCode.WRONG_TYPE);
        rejected(CASES, with(REPORTED, "address", "{'road':'x'}"), ReasonCode.WRONG_TYPE);
    }

    @Test
    void phoneSentAsNumberIsWrongTypeAndNotQuoted() {
        Decoded<?> d = rejected(CASES, with(REPORTED, "reporterPhone", "13812345678"), ReasonCode.WRONG_TYPE);
        assertThat(d.detail()).doesNotContain("13812345678");
    }

    @Test
    void unknownValue() {
        assertThat(rejected(CASES, with(REPORTED, "type", "'reported'"), ReasonCode.UNKNOWN_VALUE)
                        .detail())
                .contains("'type'", "'reported'");
        rejected(CASES, with(REPORTED, "source", "'TWITTER'"), ReasonCode.UNKNOWN_VALUE);
        rejected(CASES, with(REPORTED, "crs", "'wgs84'"), ReasonCode.UNKNOWN_VALUE);
    }

    @Test
    void badTime() {
        for (String t : new String[] {
            "2026-10-08T09:15:00",
            "2026-10-08 09:15:00+08:00",
            "2026-02-30T09:15:00+08:00",
            "2026-10-08T24:00:00Z",
            "yesterday"
        }) {
            assertThat(rejected(CASES, with(REPORTED, "time", "'" + t + "'"), ReasonCode.BAD_TIME)
                            .detail())
                    .contains("'time'", t);
        }
    }

    @Test
    void futureTime() {
        rejected(CASES, with(REPORTED, "time", "'2026-10-11T00:00:01+08:00'"), ReasonCode.FUTURE_TIME);
        assertThat(accepted(CASES, with(REPORTED, "time", "'2026-10-11T00:00:00+08:00'"))
                        .time())
                .isEqualTo(WALL + 86_400_000L);
    }

    @Test
    void badCoordinates() {
        rejected(CASES, with(REPORTED, "lon", "180.5"), ReasonCode.BAD_COORDINATES);
        rejected(CASES, with(REPORTED, "lat", "-90.01"), ReasonCode.BAD_COORDINATES);
        rejected(CASES, json(REPORTED).replace("114.3", "NaN"), ReasonCode.BAD_COORDINATES);
        rejected(CASES, json(REPORTED).replace("30.6", "-Infinity"), ReasonCode.BAD_COORDINATES);
        rejected(CASES, json(REPORTED).replace("30.6", "1e400"), ReasonCode.BAD_COORDINATES);
    }

    @Test
    void unknownCategoryOnlyOnReported() {
        rejected(CASES, with(REPORTED, "categoryCode", "'9999'"), ReasonCode.UNKNOWN_CATEGORY);
        assertThat(accepted(CASES, with(DISPATCHED, "categoryCode", "'9999'")).categoryCode())
                .isEqualTo("9999");
    }

    @Test
    void unknownDepartmentOnDispatchedAndReturned() {
        rejected(CASES, with(DISPATCHED, "department", "'XX'"), ReasonCode.UNKNOWN_DEPARTMENT);
        rejected(
                CASES,
                with(with(DISPATCHED, "type", "'RETURNED'"), "department", "'XX'"),
                ReasonCode.UNKNOWN_DEPARTMENT);
    }

    @Test
    void anyDepartmentWithoutADepartmentsList() {
        CaseEventDecoder open = new CaseEventDecoder(CATALOG, null, HASHER);
        assertThat(accepted(open, with(DISPATCHED, "department", "'XX'")).department())
                .isEqualTo("XX");
    }

    @Test
    void badDeadline() {
        rejected(CASES, with(DISPATCHED, "deadline", "'2026-10-09T10:00:00'"), ReasonCode.BAD_DEADLINE);
        assertThat(rejected(CASES, with(POSTPONED, "deadline", "'2026-10-08T10:59:59+08:00'"), ReasonCode.BAD_DEADLINE)
                        .detail())
                .contains("earlier");
        assertThat(accepted(CASES, with(POSTPONED, "deadline", "'2026-10-08T03:00:00Z'"))
                        .deadline())
                .as("a deadline equal to the event's time is fine")
                .isEqualTo(IsoTime.parseEpochMillis("2026-10-08T11:00:00+08:00"));
        rejected(CASES, with(POSTPONED, "deadline", "20261012"), ReasonCode.WRONG_TYPE);
    }

    @Test
    void firstFailingCheckWins() {
        // missing field beats wrong type, wrong type beats bad time, bad time beats bad coordinates
        rejected(CASES, with(with(REPORTED, "caseId", null), "lat", "'x'"), ReasonCode.MISSING_FIELD);
        rejected(CASES, with(with(REPORTED, "time", "'bad'"), "lat", "'x'"), ReasonCode.WRONG_TYPE);
        rejected(CASES, with(with(REPORTED, "time", "'bad'"), "lat", "99"), ReasonCode.BAD_TIME);
    }
}

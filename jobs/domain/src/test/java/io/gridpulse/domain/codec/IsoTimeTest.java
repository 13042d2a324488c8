package io.gridpulse.domain.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimeTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-10-08T09:15:00+08:00",
                "2026-10-08T01:15:00Z",
                "2026-10-08T09:15+08:00",
                "2026-10-08T09:15:00.5-03:30",
                "2026-10-08T09:15:00.123456789+14:00",
                "2024-02-29T23:59:59+18:00",
                "1970-01-01T00:00:00Z",
                "0001-01-01T00:00:00-18:00"
            })
    void agreesWithJavaTime(String text) {
        assertThat(IsoTime.parseEpochMillis(text))
                .isEqualTo(OffsetDateTime.parse(text).toInstant().toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-10-08T09:15:00", // no offset
                "2026-10-08",
                "2026-10-08 09:15:00+08:00",
                "2026-10-08t09:15:00z",
                "2026-10-08T09:15:00+0800",
                "2026-10-08T09:15:00+18:01",
                "2026-10-08T09:15:00.+08:00",
                "2026-10-08T09:15:00.1234567890+08:00",
                "2025-02-29T00:00:00Z", // not a leap year
                "2026-04-31T00:00:00Z",
                "2026-13-01T00:00:00Z",
                "2026-10-08T24:00:00Z",
                "2026-10-08T23:60:00Z",
                "2026-10-08T23:59:60Z", // no leap seconds
                "+2026-10-08T09:15:00Z",
                "２０２６-10-08T09:15:00Z", // full-width digits
                ""
            })
    void rejects(String text) {
        assertThat(IsoTime.parseEpochMillis(text)).isEqualTo(IsoTime.INVALID);
    }

    @Test
    void writtenTimesAreAtChinaStandardTimeAndReadBack() {
        long t = 1_760_000_000_123L;
        assertThat(IsoTime.format(t)).isEqualTo("2025-10-09T16:53:20.123+08:00");
        assertThat(IsoTime.parseEpochMillis(IsoTime.format(t))).isEqualTo(t);
    }
}

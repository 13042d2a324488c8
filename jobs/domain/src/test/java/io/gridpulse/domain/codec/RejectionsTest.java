package io.gridpulse.domain.codec;

import static io.gridpulse.domain.codec.CodecFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.domain.model.Feed;
import org.junit.jupiter.api.Test;

class RejectionsTest {

    @Test
    void buildsOneRejectionWithSanitisedRawText() {
        byte[] raw = record(with(REPORTED, "lat", "'30.6'"));
        Decoded<?> d = CASES.decode(raw, WALL);
        Rejection r = Rejections.of(Feed.CASES, d, raw, 1234L, "gridpulse.cases/0@7");
        assertThat(r.feed()).isEqualTo(Feed.CASES);
        assertThat(r.reason()).isEqualTo(ReasonCode.WRONG_TYPE);
        assertThat(r.detail()).isEqualTo(d.detail());
        assertThat(r.raw()).contains("\"lat\":\"30.6\"").doesNotContain("13812345678");
        assertThat(r.seenAt()).isEqualTo(1234L);
        assertThat(r.origin()).isEqualTo("gridpulse.cases/0@7");
    }

    @Test
    void anAcceptedRecordIsNoRejection() {
        byte[] raw = record(VEHICLE);
        assertThatThrownBy(() -> Rejections.of(Feed.VEHICLES, VEHICLES.decode(raw, WALL), raw, 0, "o"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void detailsNeverQuoteAMobileNumber() {
        Decoded<?> d = CASES.decode(record(with(REPORTED, "categoryCode", "'13812345678'")), WALL);
        assertThat(d.reason()).isEqualTo(ReasonCode.UNKNOWN_CATEGORY);
        assertThat(d.detail()).contains("'***********'").doesNotContain("13812345678");
        Decoded<?> syntax = CASES.decode(utf8("{\"reporterPhone\":13812345678x}"), WALL);
        assertThat(syntax.reason()).isEqualTo(ReasonCode.MALFORMED_JSON);
        assertThat(syntax.detail()).doesNotContain("13812345678");
    }
}

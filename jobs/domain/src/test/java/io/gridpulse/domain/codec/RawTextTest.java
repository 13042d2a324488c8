package io.gridpulse.domain.codec;

import static io.gridpulse.domain.codec.CodecFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawTextTest {

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void phoneInAValidRecordIsMaskedWithSameLength() {
        String raw = json(REPORTED);
        String out = RawText.sanitize(utf8(raw));
        assertThat(out).doesNotContain("13812345678").contains("\"reporterPhone\":\"***********\"");
        assertThat(out).hasSameSizeAs(raw);
    }

    @Test
    void phoneValueInAnyFormIsMasked() {
        assertThat(RawText.sanitize(utf8("{\"reporterPhone\": \"+86 138-1234-5678\"}")))
                .isEqualTo("{\"reporterPhone\": \"*****************\"}");
        assertThat(RawText.sanitize(utf8("{\"reporterPhone\":13812345678,\"x\":1}")))
                .isEqualTo("{\"reporterPhone\":***********,\"x\":1}");
        assertThat(RawText.sanitize(utf8("{reporterPhone: 010-8888 7777}")))
                .isEqualTo("{reporterPhone: ******** 7777}");
        assertThat(RawText.sanitize(utf8("{'REPORTERPHONE':'12345'}"))).isEqualTo("{'REPORTERPHONE':'*****'}");
    }

    @Test
    void phoneInMalformedJsonIsMasked() {
        String out = RawText.sanitize(utf8("{\"eventId\":\"e1\",\"reporterPhone\":\"0731-1234567"));
        assertThat(out).isEqualTo("{\"eventId\":\"e1\",\"reporterPhone\":\"************");
    }

    @Test
    void mobileNumbersAnywhereAreMasked() {
        assertThat(RawText.sanitize(utf8("{\"description\":\"请联系13912345678或15800001111\"}")))
                .isEqualTo("{\"description\":\"请联系***********或***********\"}");
    }

    @Test
    void longerDigitRunsAreNotMobileNumbers() {
        String id = "{\"caseId\":\"2138123456789\",\"n\":138123456789,\"ok\":\"12812345678\"}";
        assertThat(RawText.sanitize(utf8(id))).isEqualTo(id);
    }

    @Test
    void invalidBytesAreEscapedAtStartMiddleAndEnd() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0xFF);
        b.writeBytes(utf8("{\"a\":\"城"));
        b.write(0xC3); // lead byte without its continuation
        b.writeBytes(utf8("\"}"));
        b.write(0xE5);
        b.write(0x9F); // a three-byte character cut short at the end
        assertThat(RawText.sanitize(b.toByteArray())).isEqualTo("\\xFF{\"a\":\"城\\xC3\"}\\xE5\\x9F");
    }

    @Test
    void overlongAndSurrogateEncodingsAreEscaped() {
        assertThat(RawText.sanitize(new byte[] {(byte) 0xC0, (byte) 0xAF, 'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80}))
                .isEqualTo("\\xC0\\xAFa\\xED\\xA0\\x80");
    }

    @Test
    void hugeRecordIsCutAt64KilobytesWithPhoneMasked() {
        String raw = "{\"reporterPhone\":\"13812345678\",\"description\":\"" + "x".repeat(300_000) + "\"}";
        String out = RawText.sanitize(utf8(raw));
        assertThat(utf8Length(out)).isEqualTo(RawText.MAX_BYTES);
        assertThat(out).startsWith("{\"reporterPhone\":\"***********\"").doesNotContain("138");
    }

    @Test
    void cutFallsOnACharacterBoundary() {
        String raw = "a" + "城".repeat(30_000); // 3 bytes each: 65,536 - 1 is not a multiple of 3
        String out = RawText.sanitize(utf8(raw));
        assertThat(utf8Length(out)).isLessThanOrEqualTo(RawText.MAX_BYTES).isGreaterThan(RawText.MAX_BYTES - 3);
        assertThat(out).endsWith("城");
    }

    @Test
    void cutNeverSplitsAnEscape() {
        byte[] raw = new byte[70_000];
        java.util.Arrays.fill(raw, (byte) 0xFF);
        raw[0] = 'a';
        String out = RawText.sanitize(raw);
        assertThat(utf8Length(out)).isEqualTo(1 + 4 * ((RawText.MAX_BYTES - 1) / 4));
        assertThat(out).endsWith("\\xFF");
    }

    @Test
    void phoneSplitByTheCutIsMaskedNotHalfShown() {
        String prefix = "{\"d\":\"" + "x".repeat(RawText.MAX_BYTES - 6 - 5);
        String raw = prefix + "13812345678\"}"; // the cut falls after "13812"
        String out = RawText.sanitize(utf8(raw));
        assertThat(utf8Length(out)).isEqualTo(RawText.MAX_BYTES);
        assertThat(out).endsWith("x*****").doesNotContain("13812");
    }

    @Test
    void phoneKeyValueSplitByTheCutIsMasked() {
        String prefix = "{\"d\":\"" + "x".repeat(RawText.MAX_BYTES - 6 - 20) + "\",";
        String raw = prefix + "\"reporterPhone\":\"0731-88887777\"}";
        String out = RawText.sanitize(utf8(raw));
        assertThat(out).doesNotContain("0731");
        assertThat(out.substring(out.lastIndexOf("\"reporterPhone\""))).matches("\"reporterPhone\":\"\\*+");
    }

    @Test
    void nullIsEmpty() {
        assertThat(RawText.sanitize(null)).isEmpty();
    }
}

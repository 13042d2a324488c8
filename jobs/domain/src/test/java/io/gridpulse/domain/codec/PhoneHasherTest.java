package io.gridpulse.domain.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PhoneHasherTest {

    private static final String SECRET = "a-secret-of-config-0123456789";

    @Test
    void isHmacSha256OfTheDigits() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("13812345678".getBytes(StandardCharsets.US_ASCII)));
        assertThat(PhoneHasher.ofSecret(SECRET).hash("13812345678")).isEqualTo(expected);
    }

    @Test
    void usualSpellingsOfOneNumberAgree() {
        PhoneHasher h = PhoneHasher.ofSecret(SECRET);
        String plain = h.hash("13812345678");
        assertThat(h.hash("138-1234-5678")).isEqualTo(plain);
        assertThat(h.hash("+86 138 1234 5678")).isEqualTo(plain);
        assertThat(h.hash("0086 13812345678")).isEqualTo(plain);
        assertThat(h.hash("13812345679")).isNotEqualTo(plain);
    }

    @Test
    void differentKeysGiveDifferentHashes() {
        assertThat(PhoneHasher.ofSecret(SECRET).hash("13812345678"))
                .isNotEqualTo(PhoneHasher.ofSecret(SECRET + "x").hash("13812345678"));
    }

    @Test
    void noDigitsNoHash() {
        assertThat(PhoneHasher.ofSecret(SECRET).hash(null)).isNull();
        assertThat(PhoneHasher.ofSecret(SECRET).hash(" - ")).isNull();
    }

    @Test
    void shortKeyIsRefused() {
        assertThatThrownBy(() -> PhoneHasher.ofSecret("short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 bytes");
        assertThatThrownBy(() -> new PhoneHasher(null)).isInstanceOf(IllegalArgumentException.class);
    }
}

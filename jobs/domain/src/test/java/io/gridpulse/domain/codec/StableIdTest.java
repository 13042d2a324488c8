package io.gridpulse.domain.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StableIdTest {

    @Test
    void isTheFirst128BitsOfSha256InHex() {
        // SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad
        assertThat(StableId.of("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223");
        assertThat(StableId.of("案件")).hasSize(32).isEqualTo(StableId.of("案件")).isNotEqualTo(StableId.of("案"));
    }
}

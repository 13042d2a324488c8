package io.gridpulse.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhoneKeyTest {

    @Test
    void liveJobsRefuseToRunWithoutAConfiguredKey() {
        assertThatThrownBy(() -> PhoneKey.required(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GRIDPULSE_PHONE_HASH_KEY");
        assertThatThrownBy(() -> PhoneKey.required(Map.of("GRIDPULSE_PHONE_HASH_KEY", "  ")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyComesFromTheVariableOrTheFileItNames(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("key"), "from-a-file-0123456789\n");
        assertThat(PhoneKey.required(Map.of("GRIDPULSE_PHONE_HASH_KEY_FILE", file.toString())))
                .isEqualTo("from-a-file-0123456789");
        assertThat(PhoneKey.required(Map.of("GRIDPULSE_PHONE_HASH_KEY", "direct-0123456789")))
                .isEqualTo("direct-0123456789");
    }

    @Test
    void localRunsFallBackToTheDevelopmentKey() {
        assertThat(PhoneKey.fromEnvironment(Map.of())).isEqualTo(PhoneKey.DEVELOPMENT_KEY);
    }
}

package io.gridpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolsTest {

    @Test
    void aMissingToolIsNamedWithWhatItIsFor() {
        assertThatThrownBy(() -> Tools.require("gridpulse-no-such-tool", "to test the message"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'gridpulse-no-such-tool' was not found on PATH")
                .hasMessageContaining("to test the message");
    }

    @Test
    void aToolOnThePathIsFound() {
        assertThat(Tools.find("sh")).isPresent();
        assertThat(Tools.require("sh", "for nothing")).endsWith("/sh");
    }

    @Test
    void aFailingCommandReportsItsExitCodeAndOutput(@TempDir Path dir) {
        assertThatThrownBy(() ->
                        Tools.run(List.of("sh", "-c", "echo broken pipe dream; exit 3"), dir, dir.resolve("l"), 30))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exit 3")
                .hasMessageContaining("broken pipe dream");
    }
}

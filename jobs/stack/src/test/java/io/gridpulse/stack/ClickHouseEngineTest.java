package io.gridpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClickHouseEngineTest {

    @Test
    void launcherSourceListensOnLoopbackOnly() {
        String source = ClickHouseEngine.launcherSource();
        assertThat(source).contains("--listen_host=127.0.0.1").contains("SYSTEM START LISTEN HTTP");
        assertThat(source).doesNotContain("0.0.0.0").doesNotContain("::");
    }

    @Test
    void aChangedSourceGetsANewExecutable() {
        String source = ClickHouseEngine.launcherSource();
        assertThat(ClickHouseEngine.sourceKey(source)).isEqualTo(ClickHouseEngine.sourceKey(source));
        assertThat(ClickHouseEngine.sourceKey(source + " ")).isNotEqualTo(ClickHouseEngine.sourceKey(source));
        assertThat(ClickHouseEngine.sourceKey(source)).hasSize(16).matches("[0-9a-f]+");
    }

    @Test
    void cacheLayoutIsKeyedByVersion(@TempDir Path cache) throws Exception {
        ClickHouseEngine engine = new ClickHouseEngine(cache);
        assertThat(engine.versionDir()).isEqualTo(cache.resolve("chdb").resolve(ClickHouseEngine.VERSION));
        assertThat(engine.isDownloaded()).isFalse();
        // A folder without libchdb.so (an interrupted copy by hand, say) is not a complete download.
        Files.createDirectories(engine.library().getParent());
        assertThat(engine.isDownloaded()).isFalse();
        Files.writeString(engine.library(), "x");
        assertThat(engine.isDownloaded()).isTrue();
    }
}

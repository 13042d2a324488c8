package io.gridpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line without servers: usage, external endpoints, a stack that is not running. */
class StackMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(LocalStack stack, Optional<Endpoints> external, String... args) {
        return StackMain.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                stack,
                external);
    }

    private static LocalStack stackIn(Path dir) {
        return new LocalStack(new StackPaths(dir.resolve("home"), dir.resolve("cache")));
    }

    @Test
    void wrongUsageIsExitTwo(@TempDir Path dir) {
        assertThat(run(stackIn(dir), Optional.empty())).isEqualTo(StackMain.USAGE);
        assertThat(run(stackIn(dir), Optional.empty(), "restart")).isEqualTo(StackMain.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown stack command 'restart'");
        assertThat(out.size()).isZero();
    }

    @Test
    void externalEndpointsLeaveTheLocalStackAlone(@TempDir Path dir) {
        Endpoints external = new Endpoints("k:9092", "http://c:8123", "gp", "secret", false);
        assertThat(run(stackIn(dir), Optional.of(external), "start")).isEqualTo(StackMain.OK);
        assertThat(run(stackIn(dir), Optional.of(external), "stop")).isEqualTo(StackMain.OK);
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(e)
                .contains("using external Kafka/ClickHouse from the environment")
                .doesNotContain("secret");
        assertThat(dir.resolve("home")).as("nothing local was started").doesNotExist();
        assertThat(dir.resolve("cache")).doesNotExist();
    }

    @Test
    void statusAndEnvOfAStackThatIsNotRunning(@TempDir Path dir) {
        assertThat(run(stackIn(dir), Optional.empty(), "status")).isEqualTo(StackMain.NOT_RUNNING);
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .hasSize(2)
                .anySatisfy(l -> assertThat(l).startsWith("kafka").contains("stopped"))
                .anySatisfy(l -> assertThat(l).startsWith("clickhouse").contains("stopped"));
        out.reset();
        assertThat(run(stackIn(dir), Optional.empty(), "env")).isEqualTo(StackMain.NOT_RUNNING);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not running");
    }

    @Test
    void stopOfAStackThatIsNotRunningSaysSo(@TempDir Path dir) {
        assertThat(run(stackIn(dir), Optional.empty(), "stop")).isEqualTo(StackMain.OK);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("was not running");
    }
}

package io.gridpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.clickhouse.FailureKind;
import io.gridpulse.clickhouse.RetryPolicy;
import io.gridpulse.clickhouse.TableWriter;
import io.gridpulse.flink.JobSettings;
import io.gridpulse.stack.Endpoints;
import io.gridpulse.stack.Ports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;

/**
 * The ClickHouse password never shows: not in settings printed by the jobs, not in the error of
 * a write the server refuses (wrong password: fatal, not retried), not in the warnings and the
 * error of writes retried against a server that does not answer. The local server has only the
 * password-less default user (its engine cannot create users), so the password here is one the
 * server refuses: the paths it travels are the same.
 */
class CredentialsIT {

    private static final String PASSWORD = "gp-Secret-4711-xyz";
    private static final TableWriter.TableSpec<String> SPEC =
            new TableWriter.TableSpec<>("rejected", List.of("reject_id"), (out, r) -> out.setString(1, r));

    @Test
    void aRefusedPasswordFailsFatallyAndIsNeverLoggedOrInTheError() throws Exception {
        Endpoints e = SharedStack.endpoints();
        ClickHouseSettings ch = new ClickHouseSettings(e.clickhouseUrl(), "default", PASSWORD, "gp_it_credentials");
        StringWriter logs = new StringWriter();
        Throwable failure;
        try (var capture = capture(logs)) {
            failure = catchWrite(ch, RetryPolicy.DEFAULT);
        }
        assertThat(FailureKind.of(failure)).isEqualTo(FailureKind.FATAL);
        assertThat(trace(failure)).contains("Authentication failed").doesNotContain(PASSWORD);
        assertThat(logs.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void retriedWritesToASilentServerNeverShowThePassword() throws Exception {
        int closed = Ports.freePort(Set.of());
        ClickHouseSettings ch = new ClickHouseSettings("http://127.0.0.1:" + closed, "gridpulse", PASSWORD, null);
        StringWriter logs = new StringWriter();
        Throwable failure;
        try (var capture = capture(logs)) {
            failure = catchWrite(ch, new RetryPolicy(2, 10, 20));
        }
        assertThat(logs.toString()).contains("retriable failure").doesNotContain(PASSWORD);
        assertThat(trace(failure)).contains("RETRIABLE").doesNotContain(PASSWORD);
    }

    @Test
    void settingsAsTheJobsPrintThemLeaveThePasswordOut() {
        ClickHouseSettings ch = new ClickHouseSettings("http://ch:8123", "gridpulse", PASSWORD, null);
        JobSettings job = new JobSettings(
                "kafka:9092",
                Map.of(),
                ch,
                JobSettings.Mode.LIVE,
                0,
                Duration.ofDays(7),
                Duration.ZERO,
                Duration.ofMinutes(1),
                Duration.ofSeconds(10),
                100,
                1,
                "phone-key-secret");
        assertThat(ch.toString()).contains("ch:8123", "gridpulse").doesNotContain(PASSWORD);
        assertThat(job.toString()).doesNotContain(PASSWORD).doesNotContain("phone-key-secret");
        assertThatThrownBy(() -> new ClickHouseSettings("http://u:" + PASSWORD + "@ch:8123", null, null, null))
                .hasMessageNotContaining(PASSWORD)
                .hasMessageContaining("CLICKHOUSE_PASSWORD");
    }

    private static Throwable catchWrite(ClickHouseSettings ch, RetryPolicy retry) {
        try (TableWriter<String> w = new TableWriter<>(ch, SPEC, retry)) {
            w.write(List.of("x"));
        } catch (Exception ex) {
            return ex;
        }
        throw new AssertionError("the write should have failed");
    }

    private static String trace(Throwable t) {
        StringWriter s = new StringWriter();
        t.printStackTrace(new PrintWriter(s));
        return s.toString();
    }

    /** Every log event of every logger, at any level, into {@code sink}, until closed. */
    private static AutoCloseable capture(StringWriter sink) {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        var config = ctx.getConfiguration();
        WriterAppender appender = WriterAppender.newBuilder()
                .setName("capture-" + System.nanoTime())
                .setTarget(sink)
                .setLayout(PatternLayout.newBuilder()
                        .withPattern("%level %c %m %ex%n")
                        .build())
                .build();
        appender.start();
        config.getRootLogger().addAppender(appender, Level.ALL, null);
        Level before = config.getRootLogger().getLevel();
        config.getRootLogger().setLevel(Level.ALL);
        config.getLoggerConfig("io.gridpulse").addAppender(appender, Level.ALL, null);
        ctx.updateLoggers();
        return () -> {
            config.getRootLogger().removeAppender(appender.getName());
            config.getLoggerConfig("io.gridpulse").removeAppender(appender.getName());
            config.getRootLogger().setLevel(before);
            ctx.updateLoggers();
            appender.stop();
        };
    }
}

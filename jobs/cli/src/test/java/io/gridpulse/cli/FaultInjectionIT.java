package io.gridpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.demo.DemoCity;
import io.gridpulse.demo.DemoOptions;
import io.gridpulse.stack.Endpoints;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once effect under failures: the same generated feeds (3,000 cases with redeliveries,
 * disorder and bad lines, plus vehicles and sensors) processed once without faults and once
 * with {@code --fault-injection} (a TaskManager killed and the ClickHouse server restarted
 * mid-run) leave every table and view equal row by row, all columns but those naming the wall
 * clock of a write or a Kafka offset ({@link DatabaseSnapshot}).
 */
class FaultInjectionIT {

    @TempDir
    static Path city;

    @Test
    void faultsLeaveEveryTableAndViewAsAFaultFreeRunDoes() throws Exception {
        DemoCity.generate(
                DemoOptions.builder()
                        .cases(3_000)
                        // enough input that the faults land while the jobs still run: they take a few
                        // seconds, and a faster pipeline once finished 58,000 records before them
                        .vehicles(60)
                        .vehicleDays(1)
                        .sensors(40)
                        .sensorFirstDay(12)
                        .sensorDays(2)
                        .badShare(0.01)
                        .oversizedLine(false)
                        .gridSites(300)
                        .build(),
                city);
        Endpoints endpoints = SharedStack.endpoints();

        ClickHouseSettings clean = SharedStack.freshDatabase("gp_it_faultfree");
        RunReport cleanRun = ProcessCommand.process(options(false), endpoints, clean, System.err);
        ClickHouseSettings faulty = SharedStack.freshDatabase("gp_it_faulty");
        RunReport faultyRun = ProcessCommand.process(options(true), endpoints, faulty, System.err);

        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Summary.print(faultyRun, faulty, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String summary = buf.toString(StandardCharsets.UTF_8);
        System.err.println(summary);

        assertThat(cleanRun.result().restarts())
                .as("restarts of the fault-free run")
                .isZero();
        assertThat(faultyRun.result().restarts())
                .as("restarts of the faulty run (proves the fault happened)")
                .isPositive();
        assertThat(faultyRun.result().faults())
                .extracting(FaultInjector.Fault::what)
                .anyMatch(w -> w.startsWith("killed TaskManager"))
                .anyMatch(w -> w.startsWith("stopped the local ClickHouse"))
                .anyMatch(w -> w.startsWith("started the local ClickHouse"));
        assertThat(summary).contains("faults injected", "killed TaskManager", "task restarts: ");

        Map<String, List<String>> expected = DatabaseSnapshot.of(clean);
        Map<String, List<String>> actual = DatabaseSnapshot.of(faulty);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        assertThat(expected.keySet())
                .anyMatch(t -> t.startsWith("case_events "))
                .anyMatch(t -> t.startsWith("grid_monthly "))
                .anyMatch(t -> t.startsWith("vehicle_hourly "))
                .anyMatch(t -> t.startsWith("rejected "));
        long rows = 0;
        for (String table : expected.keySet()) {
            assertThat(actual.get(table)).as(table).containsExactlyElementsOf(expected.get(table));
            rows += expected.get(table).size();
        }
        assertThat(expected.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("case_events "))
                        .mapToInt(e -> e.getValue().size())
                        .sum())
                .isGreaterThanOrEqualTo(3_000);
        System.err.printf(
                "FaultInjectionIT: %d tables and views, %,d rows equal; restarts %d; faults:%n%s%n",
                expected.size(),
                rows,
                faultyRun.result().restarts(),
                String.join(
                        "\n",
                        faultyRun.result().faults().stream()
                                .map(Object::toString)
                                .toList()));
    }

    private static ProcessOptions options(boolean faults) {
        return new ProcessOptions(
                        city.resolve("cases.jsonl"),
                        city.resolve("vehicles.jsonl"),
                        city.resolve("sensors.jsonl"),
                        DemoCityFiles.reference(city),
                        null,
                        false,
                        2)
                .withFaultInjection(faults);
    }
}

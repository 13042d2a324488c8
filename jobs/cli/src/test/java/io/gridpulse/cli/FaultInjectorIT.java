package io.gridpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The injector's supervision on a real MiniCluster: when a second TaskManager goes down after the
 * one it killed (Flink can end a TaskManager whose peer vanished), it starts another, so the jobs
 * get their slots back instead of waiting for them forever.
 */
class FaultInjectorIT {

    @Test
    void aTaskManagerLostWithTheKilledOneIsReplacedAfterTheGracePeriod() throws Exception {
        try (MiniCluster cluster = twoTaskManagers()) {
            FaultInjector injector = injector(cluster);
            injector.poll(1, 1);
            // the other original TaskManager ends too, as in the failure seen on the CI machine
            cluster.terminateTaskManager(1).get();

            // the resource manager learns of the loss asynchronously: first see it, then the repair
            long deadline = System.nanoTime() + 30_000_000_000L;
            boolean sawLoss = false;
            while (System.nanoTime() < deadline && !(sawLoss && connected(cluster) == 2)) {
                sawLoss |= connected(cluster) < 2;
                injector.poll(1, 1);
                Thread.sleep(100);
            }

            assertThat(sawLoss).as("the second TaskManager's loss was seen").isTrue();
            assertThat(connected(cluster)).isEqualTo(2);
            assertThat(injector.faults())
                    .extracting(FaultInjector.Fault::what)
                    .anyMatch(w -> w.startsWith("killed TaskManager"))
                    .anyMatch(w -> w.startsWith("1 of 2 TaskManagers connected"));
        }
    }

    @Test
    void aClusterAtItsSizeGetsNoExtraTaskManager() throws Exception {
        try (MiniCluster cluster = twoTaskManagers()) {
            FaultInjector injector = injector(cluster);
            injector.poll(1, 1);
            long until = System.nanoTime() + (FaultInjector.MISSING_GRACE_NANOS * 2);
            while (System.nanoTime() < until) {
                injector.poll(1, 1);
                Thread.sleep(200);
            }
            assertThat(connected(cluster)).isEqualTo(2);
            assertThat(injector.faults())
                    .extracting(FaultInjector.Fault::what)
                    .noneMatch(w -> w.contains("started another replacement"));
        }
    }

    /** Two TaskManagers of one slot each, started. */
    private static MiniCluster twoTaskManagers() throws Exception {
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(new Configuration())
                .setNumTaskManagers(2)
                .setNumSlotsPerTaskManager(1)
                .build());
        cluster.start();
        return cluster;
    }

    /** An injector for that cluster, with an external ClickHouse (no server to restart). */
    private static FaultInjector injector(MiniCluster cluster) {
        return new FaultInjector(
                cluster,
                2,
                null,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                System.nanoTime());
    }

    private static int connected(MiniCluster cluster) throws Exception {
        return cluster.requestClusterOverview().get().getNumTaskManagersConnected();
    }
}

package io.gridpulse.cli;

import io.gridpulse.stack.LocalClickHouse;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.minicluster.MiniCluster;

/**
 * {@code process --fault-injection}: once the jobs have consumed records and completed a
 * checkpoint, stops the local ClickHouse server (the sinks now fail and retry with backoff),
 * kills one of the two TaskManagers (the jobs fail over and restore the checkpoint on the other,
 * and a replacement joins), then starts ClickHouse again on the same port and data. Doing it in
 * this order keeps the job running through both faults: its sinks cannot finish while ClickHouse
 * is down. With an external ClickHouse the server restart is skipped and said so. Each fault is
 * recorded with its time since the run started, for the summary. Not thread-safe: driven by the
 * run's polling loop.
 *
 * <p>After the faults it keeps the cluster at its size, as Kubernetes or YARN would: the kill can
 * take the other TaskManager down too (its network client sees the connection close and Flink
 * treats that as fatal for the TaskManager, which the MiniCluster then ends), and with one
 * TaskManager's slots the jobs wait for slots that never come. A TaskManager missing for
 * {@link #MISSING_GRACE_NANOS} is replaced, at most {@link #MAX_EXTRA_REPLACEMENTS} times.
 */
final class FaultInjector {

    /** One injected fault: seconds after the run started, and what was done. */
    record Fault(double atSeconds, String what) {
        @Override
        public String toString() {
            return String.format("%6.1f s  %s", atSeconds, what);
        }
    }

    static final long MISSING_GRACE_NANOS = 5_000_000_000L;
    static final int MAX_EXTRA_REPLACEMENTS = 3;

    private final MiniCluster cluster;
    private final int taskManagers;
    private final LocalClickHouse clickHouse;
    private final PrintStream err;
    private final long startedNanos;
    private final List<Fault> faults = new ArrayList<>();
    private boolean done;
    private long missingSince = -1;
    private long lastCheck;
    private int extraReplacements;

    /**
     * @param clickHouse the local ClickHouse server to restart, or null when ClickHouse is external
     */
    FaultInjector(
            MiniCluster cluster, int taskManagers, LocalClickHouse clickHouse, PrintStream err, long startedNanos) {
        this.cluster = cluster;
        this.taskManagers = taskManagers;
        this.clickHouse = clickHouse;
        this.err = err;
        this.startedNanos = startedNanos;
    }

    /** Injects the faults once records were consumed and a checkpoint completed; later calls do nothing. */
    void poll(long consumed, long completedCheckpoints) throws Exception {
        if (done) {
            keepClusterSize(System.nanoTime());
            return;
        }
        if (consumed == 0 || completedCheckpoints == 0) {
            return;
        }
        done = true;
        note("checkpoint " + completedCheckpoints + " completed, " + consumed + " records consumed: injecting faults");
        if (clickHouse != null) {
            clickHouse.stop();
            note("stopped the local ClickHouse server (writes now fail and are retried)");
        } else {
            note("ClickHouse is external (CLICKHOUSE_URL): its restart is skipped");
        }
        cluster.terminateTaskManager(0).get();
        note("killed TaskManager 0 of 2 (its tasks fail; the jobs restore their last checkpoint)");
        cluster.startTaskManager();
        note("started a replacement TaskManager");
        if (clickHouse != null) {
            clickHouse.start(err);
            note("started the local ClickHouse server again (same port, same data)");
        }
    }

    /** Replaces a TaskManager that stayed missing for the grace period; checks once a second. */
    private void keepClusterSize(long now) throws Exception {
        if (now - lastCheck < 1_000_000_000L || extraReplacements >= MAX_EXTRA_REPLACEMENTS) {
            return;
        }
        lastCheck = now;
        int connected = cluster.requestClusterOverview().get().getNumTaskManagersConnected();
        if (connected >= taskManagers) {
            missingSince = -1;
            return;
        }
        if (missingSince < 0) {
            missingSince = now;
        } else if (now - missingSince >= MISSING_GRACE_NANOS) {
            cluster.startTaskManager();
            extraReplacements++;
            missingSince = -1;
            note(connected + " of " + taskManagers + " TaskManagers connected for "
                    + MISSING_GRACE_NANOS / 1_000_000_000L + " s (another one was lost with the"
                    + " killed one): started another replacement");
        }
    }

    boolean injected() {
        return done;
    }

    List<Fault> faults() {
        return List.copyOf(faults);
    }

    private void note(String what) {
        Fault f = new Fault((System.nanoTime() - startedNanos) / 1e9, what);
        faults.add(f);
        err.println("gridpulse: fault injection: " + what);
    }
}

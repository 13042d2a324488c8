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
 */
final class FaultInjector {

    /** One injected fault: seconds after the run started, and what was done. */
    record Fault(double atSeconds, String what) {
        @Override
        public String toString() {
            return String.format("%6.1f s  %s", atSeconds, what);
        }
    }

    private final MiniCluster cluster;
    private final LocalClickHouse clickHouse;
    private final PrintStream err;
    private final long startedNanos;
    private final List<Fault> faults = new ArrayList<>();
    private boolean done;

    /**
     * @param clickHouse the local ClickHouse server to restart, or null when ClickHouse is external
     */
    FaultInjector(MiniCluster cluster, LocalClickHouse clickHouse, PrintStream err, long startedNanos) {
        this.cluster = cluster;
        this.clickHouse = clickHouse;
        this.err = err;
        this.startedNanos = startedNanos;
    }

    /** Injects the faults once records were consumed and a checkpoint completed; later calls do nothing. */
    void poll(long consumed, long completedCheckpoints) throws Exception {
        if (done || consumed == 0 || completedCheckpoints == 0) {
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

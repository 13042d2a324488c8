package io.gridpulse.flink.cases.workflow;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * A test-only hook: when the system property {@value #PROPERTY} is set (to a record count) at the
 * time the job is built, the workflow's input passes through this map, which fails once, in one
 * subtask, on the first record after both that many records and a completed checkpoint: the job
 * then restarts from that checkpoint. Until a checkpoint has completed it slows its input down
 * (a millisecond a record), so that one completes before the input ends. Once per JVM (a static flag), so the restarted job runs
 * through. Never part of a production job graph.
 */
public final class InjectedFailure<T> implements MapFunction<T, T>, CheckpointListener {

    public static final String PROPERTY = "gridpulse.test.failCaseWorkflowAfter";
    private static final AtomicBoolean FAILED = new AtomicBoolean();

    private final long after;
    private transient long seen;
    private transient boolean checkpointed;

    InjectedFailure(long after) {
        this.after = after;
    }

    /** The record count from the system property; null when unset (no failure injected). */
    static Long configured() {
        String v = System.getProperty(PROPERTY);
        return v == null ? null : Long.parseLong(v);
    }

    /** Lets a test run the failure again in the same JVM. */
    public static void rearm() {
        FAILED.set(false);
    }

    @Override
    public T map(T value) throws InterruptedException {
        if (!checkpointed && !FAILED.get()) {
            // On a fast machine the whole input can pass before the first checkpoint completes,
            // and then there is nothing to restart from: hold each record a moment until one has.
            Thread.sleep(1);
        }
        if (++seen >= after && checkpointed && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("failure injected by " + PROPERTY + " after " + seen + " records");
        }
        return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointed = true;
    }
}

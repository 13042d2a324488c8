package io.gridpulse.cli;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * The JIT compiler's accumulated time, and a wait for its queue to empty. On two cores the one C2
 * thread competes with the task threads, ClickHouse and Kafka, so after a warm-up it is still
 * compiling what the warm-up made hot (Kafka client loops, sinks) while a timed run has begun,
 * and the methods in its queue run as profiled C1 code meanwhile. Benchmarks wait for the queue
 * and print the compile time inside each timed run, so the figure is of warmed code and says so.
 */
final class JitCompiler {

    private static final CompilationMXBean BEAN = ManagementFactory.getCompilationMXBean();

    private JitCompiler() {}

    /** Seconds the JIT compilers have spent since the JVM started; 0 where the JVM does not say. */
    static double seconds() {
        return BEAN != null && BEAN.isCompilationTimeMonitoringSupported() ? BEAN.getTotalCompilationTime() / 1e3 : 0;
    }

    /**
     * Waits until a whole {@code quietMillis} passes with under {@code 2%} of it spent compiling,
     * or {@code maxMillis} is over; returns the seconds waited.
     */
    static double awaitQuiet(long quietMillis, long maxMillis) throws InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + maxMillis * 1_000_000L;
        double before = seconds();
        while (System.nanoTime() < deadline) {
            Thread.sleep(quietMillis);
            double now = seconds();
            if ((now - before) * 1e3 < quietMillis * 0.02) {
                break;
            }
            before = now;
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}

package io.gridpulse.cli;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this JVM, all threads: the benchmarks print it beside wall-clock figures, since
 * other work on the machine moves the wall clock far more than the CPU a job needs.
 */
final class ProcessCpu {

    private ProcessCpu() {}

    /** CPU seconds this JVM has used since it started. */
    static double seconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }
}

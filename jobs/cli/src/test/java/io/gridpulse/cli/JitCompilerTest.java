package io.gridpulse.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JitCompilerTest {

    @Test
    void compileTimeOnlyGrowsAndIsReportedByThisJvm() {
        double before = JitCompiler.seconds();
        long sum = 0;
        for (int i = 0; i < 2_000_000; i++) {
            sum += Integer.toString(i).hashCode();
        }
        assertTrue(sum != 1, "keeps the loop");
        assertTrue(before > 0, "a HotSpot JVM reports its compile time");
        assertTrue(JitCompiler.seconds() >= before);
    }

    @Test
    void theWaitLastsAtLeastOneQuietSpanAndNeverMuchPastItsLimit() throws InterruptedException {
        double waited = JitCompiler.awaitQuiet(100, 600);
        assertTrue(waited >= 0.1, "waited " + waited);
        assertTrue(waited < 0.6 + 0.1 + 1.0, "waited " + waited);
    }
}

package io.gridpulse.domain.grid;

import org.junit.jupiter.api.Test;

class RasterVsBaselineProbeTest {
    @Test
    void probe() {
        GridSet set = SyntheticGrids.generate(2000, 42);
        StrTreeGridIndex base = StrTreeGridIndex.build(set);
        double[][] p = SyntheticGrids.points(set, 1_000_000, 10_000, 7);
        String[] a = new String[p[0].length];
        for (int rep = 0; rep < 3; rep++) {
            long t3 = System.nanoTime();
            for (int i = 0; i < a.length; i++) a[i] = base.locate(p[0][i], p[1][i]);
            System.out.printf("base %.3fs%n", (System.nanoTime() - t3) / 1e9);
        }
        for (int target : new int[] {256, 512, 1024}) {
            long t1 = System.nanoTime();
            RasterGridIndex fast = RasterGridIndex.build(set, set.size() * target);
            long t2 = System.nanoTime();
            String[] b = new String[p[0].length];
            for (int rep = 0; rep < 4; rep++) {
                long t4 = System.nanoTime();
                for (int i = 0; i < a.length; i++) b[i] = fast.locate(p[0][i], p[1][i]);
                long t5 = System.nanoTime();
                int diff = 0;
                for (int i = 0; i < a.length; i++) if (!a[i].equals(b[i])) diff++;
                System.out.printf(
                        "target %d build %.1fs fast %.3fs diff %d border %.4f cells %d%n",
                        target, (t2 - t1) / 1e9, (t5 - t4) / 1e9, diff, fast.borderShare(), fast.cellCount());
            }
        }
    }
}

package io.gridpulse.bench;

import io.gridpulse.domain.grid.RasterGridIndex;
import io.gridpulse.domain.grid.StrTreeGridIndex;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./gridpulse bench grid}: checks once, outside any timing, that the raster index gives the
 * baseline's answer for every one of the benchmark's points; then times both with JMH (one fork,
 * short iterations: about two minutes on two cores) and ends with the line
 * {@code grid-assign: <points> points, <grids> grids, baseline <x> points/s, gridpulse <y>
 * points/s, ratio <y/x>, identical: yes|no}.
 *
 * <p>Arguments (optional): {@code --grids N} (default 2000), {@code --quick} (fewer iterations).
 */
public final class GridBench {

    private GridBench() {}

    public static void main(String[] args) throws RunnerException {
        int minGrids = 2000;
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--grids" -> minGrids = Integer.parseInt(args[++i]);
                case "--quick" -> quick = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        int points = GridAssignBenchmark.POINTS;
        BenchData data = new BenchData(minGrids, points);
        StrTreeGridIndex baseline = StrTreeGridIndex.build(data.grids);
        RasterGridIndex raster = RasterGridIndex.build(data.grids);
        long differ = 0;
        String firstDifference = null;
        for (int i = 0; i < points; i++) {
            String a = baseline.locate(data.lon[i], data.lat[i]);
            String b = raster.locate(data.lon[i], data.lat[i]);
            if (!a.equals(b)) {
                if (differ++ == 0) {
                    firstDifference = "point " + i + " (" + data.lon[i] + "," + data.lat[i] + "): baseline \"" + a
                            + "\", gridpulse \"" + b + "\"";
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "grid-assign check: %d points, %d grids, %d differ%s; raster %d fine cells, %.2f%% border%n",
                points,
                data.grids.size(),
                differ,
                firstDifference == null ? "" : ", first: " + firstDifference,
                raster.cellCount(),
                100 * raster.borderShare());

        Options options = new OptionsBuilder()
                .include(GridAssignBenchmark.class.getName() + "\\.")
                .param("grids", Integer.toString(minGrids))
                .forks(1)
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.seconds(quick ? 2 : 3))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.seconds(quick ? 2 : 4))
                .jvmArgsAppend("-Xmx2g")
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double base = score(results, "baseline");
        double fast = score(results, "gridpulse");
        System.out.printf(
                Locale.ROOT,
                "grid-assign: %d points, %d grids, baseline %.0f points/s, gridpulse %.0f points/s, ratio %.1f,"
                        + " identical: %s%n",
                points,
                data.grids.size(),
                base,
                fast,
                fast / base,
                differ == 0 ? "yes" : "no");
    }

    private static double score(Collection<RunResult> results, String method) {
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().endsWith("." + method)) {
                return r.getPrimaryResult().getScore();
            }
        }
        throw new IllegalStateException("no JMH result for " + method);
    }
}

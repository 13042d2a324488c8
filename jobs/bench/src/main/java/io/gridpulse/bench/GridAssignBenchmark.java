package io.gridpulse.bench;

import io.gridpulse.domain.grid.GridIndex;
import io.gridpulse.domain.grid.RasterGridIndex;
import io.gridpulse.domain.grid.StrTreeGridIndex;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Point-to-grid assignment, one operation = one point: the plain JTS way (STRtree over prepared
 * polygons) against the raster index, over the same grid and the same points.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GridAssignBenchmark {

    /** Points per invocation; must match {@link OperationsPerInvocation}. */
    public static final int POINTS = 1_000_000;

    @Param("2000")
    public int grids;

    private BenchData data;
    private GridIndex baseline;
    private GridIndex raster;

    @Setup(Level.Trial)
    public void setUp() {
        data = new BenchData(grids, POINTS);
        baseline = StrTreeGridIndex.build(data.grids);
        raster = RasterGridIndex.build(data.grids);
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public void baseline(Blackhole bh) {
        run(baseline, bh);
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public void gridpulse(Blackhole bh) {
        run(raster, bh);
    }

    private void run(GridIndex index, Blackhole bh) {
        double[] lon = data.lon;
        double[] lat = data.lat;
        for (int i = 0; i < lon.length; i++) {
            bh.consume(index.locate(lon[i], lat[i]));
        }
    }
}

package io.gridpulse.flink.alerts.spatial;

import io.gridpulse.domain.alert.spatial.NeighbourCells;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Sends each report to its home cell and to every other cell within D of it (see {@link NeighbourCells}). */
final class ToCells implements FlatMapFunction<Report, CellCopy> {

    private final double meters;
    private transient NeighbourCells cells;

    ToCells(double meters) {
        this.meters = meters;
    }

    @Override
    public void flatMap(Report r, Collector<CellCopy> out) {
        if (cells == null) {
            cells = new NeighbourCells(meters);
        }
        NeighbourCells.Cell home = cells.home(r.lon(), r.lat());
        for (NeighbourCells.Cell c : cells.covering(r.lon(), r.lat())) {
            out.collect(new CellCopy(r.categoryCode() + "\u0000" + c.key(), c.equals(home), r));
        }
    }
}

package io.gridpulse.flink.cases;

import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.flink.common.FeedRecord;
import io.gridpulse.flink.common.GridAssigner;
import io.gridpulse.flink.common.Located;
import io.gridpulse.flink.common.ReferenceData;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** Converts a case event's point to WGS84 and assigns its unit grid. */
public final class LocateCaseEvent extends RichMapFunction<FeedRecord, CaseEventRow> {

    private final ReferenceData reference;
    private transient GridAssigner grids;

    public LocateCaseEvent(ReferenceData reference) {
        this.reference = reference;
    }

    @Override
    public void open(OpenContext ctx) {
        grids = new GridAssigner(reference);
    }

    @Override
    public CaseEventRow map(FeedRecord r) {
        CaseEvent e = r.caseEvent();
        Located l = e.located() ? grids.locate(e.crs(), e.lon(), e.lat()) : Located.NOWHERE;
        return new CaseEventRow(e, l, System.currentTimeMillis());
    }
}

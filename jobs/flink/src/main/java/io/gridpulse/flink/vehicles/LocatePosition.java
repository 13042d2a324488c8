package io.gridpulse.flink.vehicles;

import io.gridpulse.domain.model.VehiclePosition;
import io.gridpulse.domain.model.VehicleType;
import io.gridpulse.domain.reference.VehicleRegistry;
import io.gridpulse.flink.common.FeedRecord;
import io.gridpulse.flink.common.GridAssigner;
import io.gridpulse.flink.common.ReferenceData;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Locates a position and resolves its vehicle type: the feed's {@code vehicleType}, else the
 * vehicles reference file, else OTHER (contracts.md).
 */
public final class LocatePosition extends RichMapFunction<FeedRecord, PositionRow> {

    private final ReferenceData reference;
    private transient GridAssigner grids;
    private transient VehicleRegistry vehicles;

    public LocatePosition(ReferenceData reference) {
        this.reference = reference;
    }

    @Override
    public void open(OpenContext ctx) {
        grids = new GridAssigner(reference);
        vehicles = reference.vehicles();
    }

    @Override
    public PositionRow map(FeedRecord r) {
        VehiclePosition p = r.position();
        VehicleType type = vehicles != null
                ? vehicles.typeOf(p.vehicleId(), p.vehicleType())
                : (p.vehicleType() == null ? VehicleType.OTHER : p.vehicleType());
        return new PositionRow(p, type.name(), grids.locate(p.crs(), p.lon(), p.lat()), System.currentTimeMillis());
    }
}

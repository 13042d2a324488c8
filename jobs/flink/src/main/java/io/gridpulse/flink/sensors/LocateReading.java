package io.gridpulse.flink.sensors;

import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.model.SensorReading;
import io.gridpulse.domain.reference.SensorRegistry;
import io.gridpulse.flink.common.FeedRecord;
import io.gridpulse.flink.common.GridAssigner;
import io.gridpulse.flink.common.Located;
import io.gridpulse.flink.common.ReferenceData;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** Locates a reading: its own coordinates, else the sensor's from the sensors file (WGS84). */
public final class LocateReading extends RichMapFunction<FeedRecord, ReadingRow> {

    private final ReferenceData reference;
    private transient GridAssigner grids;
    private transient SensorRegistry sensors;

    public LocateReading(ReferenceData reference) {
        this.reference = reference;
    }

    @Override
    public void open(OpenContext ctx) {
        grids = new GridAssigner(reference);
        sensors = reference.sensors();
    }

    @Override
    public ReadingRow map(FeedRecord r) {
        SensorReading s = r.reading();
        Located l;
        if (s.located()) {
            l = grids.locate(s.crs(), s.lon(), s.lat());
        } else if (sensors != null) {
            l = sensors.sensor(s.sensorId())
                    .map(info -> grids.locate(Crs.WGS84, info.lon(), info.lat()))
                    .orElse(Located.NOWHERE);
        } else {
            l = Located.NOWHERE;
        }
        return new ReadingRow(s, l, System.currentTimeMillis());
    }
}

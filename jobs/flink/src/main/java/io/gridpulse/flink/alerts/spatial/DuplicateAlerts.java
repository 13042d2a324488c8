package io.gridpulse.flink.alerts.spatial;

import io.gridpulse.domain.alert.Alert;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * DUPLICATE_SUSPECTED: reports spread over category x cell keys ({@link ToCells}), checked by
 * {@link DuplicateReports}. Keying by category alone would put a city's busiest category on one
 * task; cells about 2D wide spread the load, for 4 copies of a report in most cases.
 */
public final class DuplicateAlerts {

    private DuplicateAlerts() {}

    public static DataStream<Alert> build(DataStream<Report> reports, double meters, long windowMillis) {
        return reports.flatMap(new ToCells(meters))
                .returns(TypeInformation.of(CellCopy.class))
                .name("duplicate-cells")
                .uid("duplicate-cells")
                .keyBy(CellCopy::key, Types.STRING)
                .process(new DuplicateReports(meters, windowMillis))
                .returns(TypeInformation.of(Alert.class))
                .name("duplicate-suspected")
                .uid("duplicate-suspected");
    }
}

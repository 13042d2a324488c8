package io.gridpulse.flink.alerts.spatial;

import io.gridpulse.domain.alert.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Runs both rules over a finite list of reports on the test's MiniCluster, at parallelism 2. */
final class SpatialRun {

    private SpatialRun() {}

    /** Input in the given (arrival) order; watermarks never make a report late. */
    static List<Alert> run(List<Report> input, SpatialAlertSettings settings) throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        DataStream<Report> reports = env.fromData(new ArrayList<>(input), TypeInformation.of(Report.class))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Report>forBoundedOutOfOrderness(Duration.ofDays(3650))
                        .withTimestampAssigner((r, ts) -> r.time()));
        List<Alert> out = new ArrayList<>();
        try (var it = SpatialAlerts.alerts(reports, settings).executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }
}

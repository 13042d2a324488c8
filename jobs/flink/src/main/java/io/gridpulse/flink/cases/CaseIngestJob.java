package io.gridpulse.flink.cases;

import io.gridpulse.domain.model.CaseEventType;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.flink.JobSettings;
import io.gridpulse.flink.common.FeedPipeline;
import io.gridpulse.flink.common.FeedRecord;
import io.gridpulse.flink.common.Outputs;
import io.gridpulse.flink.common.ReferenceData;
import io.gridpulse.flink.common.StampEventTime;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * The case feed: validated, deduplicated, located case events to {@code case_events}, and hourly
 * report counts per grid, category and source to {@code case_hourly}. The monthly contract views
 * ({@code grid_monthly}, {@code source_monthly}) are computed in ClickHouse from the events.
 */
public final class CaseIngestJob {

    private final JobSettings settings;
    private final ReferenceData reference;
    private final Source<FeedRecord, ?, ?> source;
    private final Outputs outputs;
    private DataStream<FeedRecord> generated;

    public CaseIngestJob(
            JobSettings settings, ReferenceData reference, Source<FeedRecord, ?, ?> source, Outputs outputs) {
        this.settings = settings;
        this.reference = reference;
        this.source = source;
        this.outputs = outputs;
    }

    /**
     * Case events the jobs generate themselves in this run (REPORTED events of sensor alarms),
     * joined after deduplication: they are not input records of the cases feed, and their ids are
     * deterministic. A process run needs this because it reads only the offsets it published.
     */
    public CaseIngestJob withGeneratedEvents(DataStream<FeedRecord> events) {
        this.generated = events;
        return this;
    }

    /** Adds this job's pipeline to the environment; returns the located events for further jobs. */
    public DataStream<CaseEventRow> build(StreamExecutionEnvironment env) {
        DataStream<FeedRecord> distinct = FeedPipeline.distinctValid(env, settings, Feed.CASES, source, outputs);
        if (generated != null) {
            distinct = distinct.union(generated
                    .transform("cases-generated-event-time", TypeInformation.of(FeedRecord.class), new StampEventTime())
                    .uid("cases-generated-event-time"));
        }
        DataStream<CaseEventRow> events = distinct.map(new LocateCaseEvent(reference))
                .returns(TypeInformation.of(CaseEventRow.class))
                .name("cases-locate")
                .uid("cases-locate");
        events.sinkTo(outputs.tableSink(CaseTables.CASE_EVENTS))
                .name("case-events-clickhouse")
                .uid("case-events-clickhouse");
        events.filter(e -> e.event().type() == CaseEventType.REPORTED)
                .name("cases-reported")
                .uid("cases-reported")
                .keyBy(e -> e.located().gridCode() + "\u0000" + nz(e.event().categoryCode()) + "\u0000"
                        + e.event().source().name())
                .window(TumblingEventTimeWindows.of(Duration.ofHours(1)))
                .allowedLateness(settings.allowedLateness())
                .aggregate(new CountReports(), new CountReports.Emit())
                .name("case-hourly")
                .uid("case-hourly")
                .sinkTo(outputs.tableSink(CaseTables.CASE_HOURLY))
                .name("case-hourly-clickhouse")
                .uid("case-hourly-clickhouse");
        return events;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

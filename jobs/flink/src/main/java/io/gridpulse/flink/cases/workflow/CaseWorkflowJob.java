package io.gridpulse.flink.cases.workflow;

import io.gridpulse.domain.model.Feed;
import io.gridpulse.flink.JobSettings;
import io.gridpulse.flink.cases.CaseEventRow;
import io.gridpulse.flink.common.Outputs;
import io.gridpulse.flink.common.ReferenceData;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The case workflow job: from the located case events of {@link io.gridpulse.flink.cases.CaseIngestJob},
 * each case's state replayed into {@code case_facts} and {@code dispatch_facts} (upserts:
 * ReplacingMergeTree by version), CASE_PURGED rejections to the rejected outputs, and, in a live
 * job, the event-time progress into {@code progress} (scope {@code cases}; `process` records its
 * as-of time itself when it ends).
 */
public final class CaseWorkflowJob {

    /** How long a purged case is remembered by default, so that its late events are rejected. */
    public static final Duration DEFAULT_TOMBSTONE = Duration.ofDays(30);

    /** How often a live job records its event-time progress. */
    public static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(30);

    private final JobSettings settings;
    private final ReferenceData reference;
    private final Outputs outputs;
    private final Duration retention;

    /** With the default retention: the allowed lateness. */
    public CaseWorkflowJob(JobSettings settings, ReferenceData reference, Outputs outputs) {
        this(settings, reference, outputs, settings.allowedLateness());
    }

    /**
     * @param retention how long a finished case's state is kept after its last event (LIVE); at least
     *     the allowed lateness (contracts.md, Bad input)
     */
    public CaseWorkflowJob(JobSettings settings, ReferenceData reference, Outputs outputs, Duration retention) {
        if (retention.compareTo(settings.allowedLateness()) < 0) {
            throw new IllegalArgumentException("the case retention (" + retention
                    + ") must be at least the allowed lateness (" + settings.allowedLateness() + ")");
        }
        this.settings = settings;
        this.reference = reference;
        this.outputs = outputs;
        this.retention = retention;
    }

    /**
     * Adds the workflow to the pipeline of the located case events; returns those events as the
     * workflow received them, keyed by caseId without a shuffle (its {@link CaseWorkflow#EVENTS}
     * output), for the deadline clock.
     */
    public KeyedStream<CaseEventRow, String> build(DataStream<CaseEventRow> events) {
        // fail at build time, not in a task: the workflow needs the calendar
        reference.calendar();
        long asOf = settings.live() ? Long.MAX_VALUE : settings.asOfMillis();
        Long failAfter = InjectedFailure.configured();
        if (failAfter != null) {
            events = events.map(new InjectedFailure<CaseEventRow>(failAfter))
                    .returns(TypeInformation.of(CaseEventRow.class))
                    .name("case-workflow-injected-failure")
                    .uid("case-workflow-injected-failure");
        }
        SingleOutputStreamOperator<CaseFact> cases = events.keyBy(e -> e.event().caseId())
                .process(new CaseWorkflow(
                        reference, settings.live(), asOf, retention.toMillis(), DEFAULT_TOMBSTONE.toMillis()))
                .returns(TypeInformation.of(CaseFact.class))
                .name("case-workflow")
                .uid("case-workflow");
        cases.sinkTo(outputs.tableSink(WorkflowTables.CASE_FACTS))
                .name("case-facts-clickhouse")
                .uid("case-facts-clickhouse");
        cases.getSideOutput(CaseWorkflow.DISPATCHES)
                .sinkTo(outputs.tableSink(WorkflowTables.DISPATCH_FACTS))
                .name("dispatch-facts-clickhouse")
                .uid("dispatch-facts-clickhouse");
        outputs.rejected(cases.getSideOutput(io.gridpulse.flink.common.Tags.REJECTED), Feed.CASES, "workflow");
        // The side output stays in the workflow's partitions (forward): keyed by caseId as it is.
        KeyedStream<CaseEventRow, String> byCase = DataStreamUtils.reinterpretAsKeyedStream(
                cases.getSideOutput(CaseWorkflow.EVENTS), CaseWorkflowJob::caseId, Types.STRING);
        if (settings.live()) {
            events.transform(
                            "cases-progress",
                            TypeInformation.of(Progress.class),
                            new WatermarkProgress<CaseEventRow>(
                                    Feed.CASES.code(), "live", PROGRESS_INTERVAL.toMillis()))
                    .setParallelism(1)
                    .uid("cases-progress")
                    .sinkTo(outputs.tableSink(WorkflowTables.PROGRESS))
                    .setParallelism(1)
                    .name("cases-progress-clickhouse")
                    .uid("cases-progress-clickhouse");
        }
        return byCase;
    }

    private static String caseId(CaseEventRow r) {
        return r.event().caseId();
    }
}

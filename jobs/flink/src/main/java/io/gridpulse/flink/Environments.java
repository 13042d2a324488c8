package io.gridpulse.flink;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The settings every gridpulse job runs with, locally and on a cluster. */
public final class Environments {

    private Environments() {}

    /**
     * Applies gridpulse's settings to a configuration (before the environment is created). On a
     * cluster, checkpoint storage is the cluster's (its configuration names a durable directory);
     * a local run passes {@code localCheckpointDir}: Flink's default storage keeps checkpoints in
     * the JobManager's memory, capped at 5 MB, which the deduplication state of a week of GPS
     * positions exceeds, and every failed checkpoint would restart the job.
     */
    public static Configuration configure(Configuration conf, JobSettings s, java.nio.file.Path localCheckpointDir) {
        if (localCheckpointDir != null) {
            conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            conf.set(
                    CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                    localCheckpointDir.toUri().toString());
        }
        return configure(conf, s);
    }

    /** Applies gridpulse's settings to a configuration (before the environment is created). */
    public static Configuration configure(Configuration conf, JobSettings s) {
        // Every type has an explicit serializer: a Kryo fallback would be a failure, not a slowdown.
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        // Chained operators hand records on without a defensive copy. Safe because every type that
        // travels or lives in state is an immutable Java record; the copies cost about a twentieth
        // of the vehicle job.
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, s.checkpointInterval());
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        return conf;
    }

    /** The environment of the cluster this runs on (or a local one when run outside a cluster). */
    public static StreamExecutionEnvironment forCluster(JobSettings s) {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(configure(new Configuration(), s));
        env.setParallelism(s.parallelism());
        return env;
    }
}

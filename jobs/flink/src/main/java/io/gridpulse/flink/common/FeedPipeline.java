package io.gridpulse.flink.common;

import io.gridpulse.domain.codec.Rejection;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.flink.JobSettings;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The front every feed job shares: read and decode, split off rejections, ignore what lies after
 * the as-of time, drop redeliveries. Returns the distinct valid events; rejections of every step
 * are already wired to their outputs.
 */
public final class FeedPipeline {

    private FeedPipeline() {}

    public static DataStream<FeedRecord> distinctValid(
            StreamExecutionEnvironment env,
            JobSettings settings,
            Feed feed,
            Source<FeedRecord, ?, ?> source,
            Outputs outputs) {
        String f = feed.code();
        DataStream<FeedRecord> records = env.fromSource(
                        source, FeedSource.watermarks(settings), f + "-source", TypeInformation.of(FeedRecord.class))
                .uid(f + "-source");
        SingleOutputStreamOperator<FeedRecord> valid = records.process(
                        new SplitRejected(feed, !settings.live(), settings.asOfMillis()))
                .name(f + "-validate")
                .uid(f + "-validate");
        SingleOutputStreamOperator<FeedRecord> distinct = valid.keyBy(Deduplicate::entity)
                .process(new Deduplicate(
                        feed, settings.live(), settings.allowedLateness().toMillis()))
                .name(f + "-deduplicate")
                .uid(f + "-deduplicate");
        DataStream<Rejection> rejected =
                valid.getSideOutput(Tags.REJECTED).union(distinct.getSideOutput(Tags.REJECTED));
        outputs.rejected(rejected, feed);
        return distinct;
    }
}

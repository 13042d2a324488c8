package io.gridpulse.flink.common;

import io.gridpulse.domain.codec.ReasonCode;
import io.gridpulse.domain.model.Feed;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters a local run (the command line's MiniCluster, in this JVM) reads to show progress and
 * its summary. On a cluster the same figures are the operators' Flink metrics; these static
 * counters then count only what runs in one task manager and nobody reads them.
 */
public final class ProgressCounters {

    public static final String READ = "read";
    public static final String CONSUMED = "consumed";
    public static final String REJECTED = "rejected";
    public static final String AFTER_AS_OF = "afterAsOf";
    public static final String DUPLICATES = "duplicates";
    public static final String WRITTEN = "written";

    private static final Map<String, LongAdder> COUNTERS = new ConcurrentHashMap<>();

    private ProgressCounters() {}

    public static void add(String name, long n) {
        adder(name).add(n);
    }

    /**
     * A feed's counter resolved once, for operators that count every record: {@link #add(Feed,
     * String, long)} builds and hashes two keys per call.
     */
    public static FeedCounter counter(Feed feed, String name) {
        return new FeedCounter(adder(feed.code() + "." + name), adder(name));
    }

    /** Adds to a feed's figure and to the total of all feeds. */
    public record FeedCounter(LongAdder feed, LongAdder total) {
        public void add(long n) {
            feed.add(n);
            total.add(n);
        }
    }

    private static LongAdder adder(String name) {
        return COUNTERS.computeIfAbsent(name, k -> new LongAdder());
    }

    public static void add(Feed feed, String name, long n) {
        add(feed.code() + "." + name, n);
        add(name, n);
    }

    public static void rejected(Feed feed, ReasonCode reason) {
        add(feed, REJECTED, 1);
        add(feed.code() + "." + REJECTED + "." + reason.name(), 1);
    }

    public static long get(String name) {
        LongAdder a = COUNTERS.get(name);
        return a == null ? 0 : a.sum();
    }

    public static long get(Feed feed, String name) {
        return get(feed.code() + "." + name);
    }

    /** Rejections of a feed by reason. */
    public static Map<ReasonCode, Long> rejectedByReason(Feed feed) {
        Map<ReasonCode, Long> out = new TreeMap<>();
        for (ReasonCode r : ReasonCode.values()) {
            long n = get(feed.code() + "." + REJECTED + "." + r.name());
            if (n > 0) {
                out.put(r, n);
            }
        }
        return out;
    }

    /** Zeroes every counter (counters operators hold stay valid). */
    public static void reset() {
        COUNTERS.values().forEach(LongAdder::reset);
    }
}

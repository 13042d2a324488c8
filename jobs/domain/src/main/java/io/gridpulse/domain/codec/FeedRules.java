package io.gridpulse.domain.codec;

/** Limits the contract sets for every feed. */
public final class FeedRules {

    /** A record's time may be at most one day after the wall clock; later is FUTURE_TIME. */
    public static final long FUTURE_TOLERANCE_MILLIS = 86_400_000L;

    /** Records over 1 MB are TOO_LARGE. */
    public static final int MAX_RECORD_BYTES = JsonRecord.MAX_BYTES;

    private FeedRules() {}
}

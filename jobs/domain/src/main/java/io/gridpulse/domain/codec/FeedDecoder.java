package io.gridpulse.domain.codec;

/**
 * Turns one raw record (a Kafka message or a line of a file) into a validated value, or a reason
 * code. Never throws for bad input: every byte sequence gets an answer. Implementations are
 * immutable and thread-safe.
 */
public interface FeedDecoder<T> {

    /**
     * @param raw the record's bytes (UTF-8 expected)
     * @param wallClockMillis the wall clock, for FUTURE_TIME (more than one day ahead)
     */
    Decoded<T> decode(byte[] raw, long wallClockMillis);
}

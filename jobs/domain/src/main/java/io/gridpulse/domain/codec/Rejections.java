package io.gridpulse.domain.codec;

import io.gridpulse.domain.model.Feed;
import java.util.Objects;

/** Builds the one {@link Rejection} of a bad record. Stateless and thread-safe. */
public final class Rejections {

    private Rejections() {}

    /**
     * @param decoded a rejected outcome (not {@link Decoded#isOk()})
     * @param raw the record's bytes as received; only their sanitised text is kept
     * @throws IllegalArgumentException when {@code decoded} is ok: an accepted record is no rejection
     */
    public static Rejection of(Feed feed, Decoded<?> decoded, byte[] raw, long seenAt, String origin) {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(decoded, "decoded");
        if (decoded.isOk()) {
            throw new IllegalArgumentException("an accepted record is not a rejection");
        }
        return new Rejection(feed, decoded.reason(), decoded.detail(), RawText.sanitize(raw), seenAt, origin);
    }
}

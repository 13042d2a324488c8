package io.gridpulse.domain.codec;

import io.gridpulse.domain.model.Feed;

/**
 * One rejected input record: exactly one per bad record, on the rejected topic and table.
 *
 * @param raw the record's text, cut to 64 KB, invalid bytes escaped and personal data masked
 *     (see {@link RawText#sanitize(byte[])})
 * @param seenAt epoch milliseconds when gridpulse saw the record
 * @param origin where the record came from (for example {@code gridpulse.cases/1@4711}), which
 *     makes the rejection's identity deterministic across replays
 */
public record Rejection(Feed feed, ReasonCode reason, String detail, String raw, long seenAt, String origin) {}

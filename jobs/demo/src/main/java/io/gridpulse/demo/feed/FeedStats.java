package io.gridpulse.demo.feed;

import java.util.Map;

/**
 * What was written to one feed file: the manifest's oracle for integration tests. {@code
 * distinctValid} counts valid events once (redeliveries removed); {@code bad} counts bad lines by
 * the reason code the contract prescribes; times are of valid events. Immutable.
 */
public record FeedStats(
        String file,
        long lines,
        long distinctValid,
        long redeliveries,
        long delayed,
        Map<String, Long> bad,
        String firstTime,
        String lastTime) {

    public long badTotal() {
        return bad.values().stream().mapToLong(Long::longValue).sum();
    }
}

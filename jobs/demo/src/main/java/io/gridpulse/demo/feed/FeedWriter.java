package io.gridpulse.demo.feed;

import io.gridpulse.domain.codec.ReasonCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes one feed as JSON Lines in the order a real feed delivers it: by arrival time, where
 * arrival is the event time, a little later for a share of delayed lines (out of order), and again
 * later for redelivered copies (byte-identical); bad lines are interleaved at their own arrival
 * times; a conflicting duplicate always arrives after the line it conflicts with. Streams through
 * a large buffer: a few million lines take seconds. Not thread-safe.
 */
public final class FeedWriter {

    /** The valid records of a feed, rendered on demand so millions need not live as strings. */
    public interface Records {
        int size();

        /** Event time, epoch seconds. */
        long time(int i);

        /** Appends the record's JSON object (no newline). */
        void render(int i, StringBuilder sb);
    }

    /** A bad line arriving at {@code arrival} (epoch seconds), bad for exactly {@code reason}. */
    public record BadLine(long arrival, byte[] bytes, ReasonCode reason) {}

    /** A line that reuses the eventId of valid record {@code original} with a different payload. */
    public record Conflict(int original, byte[] bytes) {}

    private static final int ID_BITS = 34;
    private static final long ID_MASK = (1L << ID_BITS) - 1;

    private FeedWriter() {}

    public static FeedStats write(
            Path file,
            Records records,
            List<BadLine> bad,
            List<Conflict> conflicts,
            double redeliveryShare,
            double outOfOrderShare,
            int outOfOrderMaxSeconds,
            SplittableRandom random)
            throws IOException {
        int n = records.size();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            first = Math.min(first, records.time(i));
            last = Math.max(last, records.time(i));
        }
        long base = n == 0 ? 0 : first - 86_400;
        for (BadLine b : bad) {
            base = Math.min(base, b.arrival() - 86_400);
        }
        long[] arrival = new long[n];
        long delayed = 0;
        int redeliveries = 0;
        int[] redeliverOf = new int[Math.max(16, (int) (n * redeliveryShare * 1.5) + 16)];
        for (int i = 0; i < n; i++) {
            arrival[i] = records.time(i);
            if (random.nextDouble() < outOfOrderShare) {
                arrival[i] += 30 + random.nextInt(Math.max(1, outOfOrderMaxSeconds - 30));
                delayed++;
            }
            if (random.nextDouble() < redeliveryShare) {
                if (redeliveries == redeliverOf.length) {
                    redeliverOf = Arrays.copyOf(redeliverOf, redeliverOf.length * 2);
                }
                redeliverOf[redeliveries++] = i;
            }
        }
        int total = n + redeliveries + bad.size() + conflicts.size();
        long[] keys = new long[total];
        for (int i = 0; i < n; i++) {
            keys[i] = key(arrival[i] - base, i);
        }
        for (int r = 0; r < redeliveries; r++) {
            long t = arrival[redeliverOf[r]] + 1 + random.nextInt(300);
            keys[n + r] = key(t - base, n + r);
        }
        for (int b = 0; b < bad.size(); b++) {
            keys[n + redeliveries + b] = key(bad.get(b).arrival() - base, n + redeliveries + b);
        }
        for (int c = 0; c < conflicts.size(); c++) {
            long t = arrival[conflicts.get(c).original()] + 60 + random.nextInt(1800);
            int id = n + redeliveries + bad.size() + c;
            keys[id] = key(t - base, id);
        }
        Arrays.sort(keys);

        Map<String, Long> badCounts = new TreeMap<>();
        for (BadLine b : bad) {
            badCounts.merge(b.reason().name(), 1L, Long::sum);
        }
        if (!conflicts.isEmpty()) {
            badCounts.merge(ReasonCode.DUPLICATE_CONFLICT.name(), (long) conflicts.size(), Long::sum);
        }
        StringBuilder sb = new StringBuilder(512);
        try (Utf8Sink out = new Utf8Sink(Files.newOutputStream(file))) {
            for (long k : keys) {
                int id = (int) (k & ID_MASK);
                if (id < n + redeliveries) {
                    sb.setLength(0);
                    records.render(id < n ? id : redeliverOf[id - n], sb);
                    out.write(sb);
                } else if (id < n + redeliveries + bad.size()) {
                    out.write(bad.get(id - n - redeliveries).bytes());
                } else {
                    out.write(conflicts.get(id - n - redeliveries - bad.size()).bytes());
                }
                out.newline();
            }
        }
        return new FeedStats(
                file.getFileName().toString(),
                total,
                n,
                redeliveries,
                delayed,
                badCounts,
                n == 0 ? null : JsonText.time(first),
                n == 0 ? null : JsonText.time(last));
    }

    private static long key(long relativeSeconds, int id) {
        if (relativeSeconds < 0 || relativeSeconds >= (1L << (63 - ID_BITS))) {
            throw new IllegalStateException("arrival out of the feed's range: " + relativeSeconds);
        }
        return (relativeSeconds << ID_BITS) | id;
    }
}

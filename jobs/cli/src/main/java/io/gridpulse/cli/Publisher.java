package io.gridpulse.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.gridpulse.domain.codec.IsoTime;
import io.gridpulse.domain.codec.RawText;
import io.gridpulse.domain.codec.ReasonCode;
import io.gridpulse.domain.codec.Rejection;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.stack.KafkaTopics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes a feed file to its topic for a bounded run. Each non-blank line is one record. Lines
 * over 1 MB are rejected here as TOO_LARGE (they never reach Kafka). The rest are sent in
 * event-time order (the order of the lines does not matter: the results of `process` are those
 * of the records taken in event-time order; lines whose time cannot be read go first and are
 * rejected by the job), keyed by case, vehicle or sensor so that one entity's records share a
 * partition. Returns exactly the offsets written, per partition, for the job's bounded source.
 */
final class Publisher {

    static final int MAX_RECORD_BYTES = 1024 * 1024;
    private static final JsonFactory JSON = new JsonFactory();

    /** What one file's publication did. */
    record Published(
            Feed feed,
            long lines,
            long sent,
            List<Rejection> tooLarge,
            long maxEventTime,
            Map<TopicPartition, Long> start,
            Map<TopicPartition, Long> end) {}

    private Publisher() {}

    /**
     * @param validTime the event time of a line the job will accept, Long.MIN_VALUE for one it
     *     will reject: the latest valid time is the run's default as-of time, which a bad line
     *     must not move (a mutated digit could put it days later)
     */
    static Published publish(
            Feed feed, Path file, String bootstrap, long wallClock, PrintStream err, ToLongFunction<byte[]> validTime)
            throws IOException, InterruptedException {
        // sized for the file (lines of about 160 bytes): growing a list of millions copies it again and again
        List<byte[]> lines = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, Files.size(file) / 128 + 16));
        List<Rejection> tooLarge = new ArrayList<>();
        LineReader.forEachLine(file, MAX_RECORD_BYTES, (lineNo, bytes, over) -> {
            if (over) {
                tooLarge.add(new Rejection(
                        feed,
                        ReasonCode.TOO_LARGE,
                        "record is over 1 MB (" + MAX_RECORD_BYTES + " bytes); not published",
                        RawText.sanitize(bytes),
                        wallClock,
                        file.getFileName() + ":" + lineNo));
            } else if (!isBlank(bytes)) {
                lines.add(stripCr(bytes));
            }
        });
        long records = lines.size() + tooLarge.size();
        int n = lines.size();
        long[] times = new long[n];
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            Peek p = peek(lines.get(i), feed);
            times[i] = p.time;
            keys[i] = p.key;
        }
        int[] order = eventTimeOrder(times);
        // From the latest time down, the first line the job accepts: usually the very last one.
        long maxTime = Long.MIN_VALUE;
        for (int k = n - 1; k >= 0 && maxTime == Long.MIN_VALUE; k--) {
            if (times[order[k]] != Long.MIN_VALUE) {
                maxTime = validTime.applyAsLong(lines.get(order[k]));
            }
        }

        Map<TopicPartition, Long> start = new HashMap<>();
        Map<TopicPartition, Long> end = new HashMap<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps(bootstrap));
                KafkaTopics topics = new KafkaTopics(bootstrap)) {
            topics.latestOffsets(feed.topic()).forEach((partition, offset) -> {
                start.put(new TopicPartition(feed.topic(), partition), offset);
                end.put(new TopicPartition(feed.topic(), partition), offset);
            });
            long sent = 0;
            long lastReport = System.nanoTime();
            for (int k = 0; k < n; k++) {
                int i = order[k];
                byte[] key = keys[i] == null ? null : keys[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(feed.topic(), key, lines.get(i)), (md, ex) -> {
                    if (ex != null) {
                        failure.compareAndSet(null, ex);
                        return;
                    }
                    TopicPartition tp = new TopicPartition(md.topic(), md.partition());
                    synchronized (end) {
                        end.merge(tp, md.offset() + 1, Math::max);
                    }
                });
                lines.set(i, null);
                sent++;
                if (System.nanoTime() - lastReport > 2_000_000_000L) {
                    err.printf("gridpulse: publishing %s: %,d of %,d records%n", feed.code(), sent, n);
                    lastReport = System.nanoTime();
                }
            }
            producer.flush();
            if (failure.get() != null) {
                throw new IOException("publishing to " + feed.topic() + " failed", failure.get());
            }
            return new Published(feed, records, sent, tooLarge, maxTime, start, end);
        }
    }

    /**
     * The indexes of {@code times} in ascending time, equal times in index order, unreadable
     * times (MIN_VALUE) first: a stable sort. Sorts primitive longs, each a time's offset from the
     * earliest above an index, when the span of times leaves room (a year of milliseconds needs 35
     * bits, so up to 2^28 lines); boxed indexes otherwise.
     */
    static int[] eventTimeOrder(long[] times) {
        int n = times.length;
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (long t : times) {
            if (t != Long.MIN_VALUE) {
                lo = Math.min(lo, t);
                hi = Math.max(hi, t);
            }
        }
        int indexBits = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1));
        // offsets 1..span+1 for readable times, 0 for unreadable ones; all below 2^(63 - indexBits)
        long span = lo == Long.MAX_VALUE ? 0 : hi - lo;
        int[] order = new int[n];
        if (span >= 0 && span < (1L << (62 - indexBits))) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                long offset = times[i] == Long.MIN_VALUE ? 0 : times[i] - lo + 1;
                keys[i] = offset << indexBits | i;
            }
            Arrays.sort(keys);
            long mask = (1L << indexBits) - 1;
            for (int k = 0; k < n; k++) {
                order[k] = (int) (keys[k] & mask);
            }
            return order;
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, Comparator.comparingLong(i -> times[i]));
        for (int k = 0; k < n; k++) {
            order[k] = boxed[k];
        }
        return order;
    }

    private static boolean isBlank(byte[] b) {
        for (byte x : b) {
            if (x != ' ' && x != '\t' && x != '\r') {
                return false;
            }
        }
        return true;
    }

    private static byte[] stripCr(byte[] b) {
        return b.length > 0 && b[b.length - 1] == '\r' ? Arrays.copyOf(b, b.length - 1) : b;
    }

    record Peek(long time, String key) {}

    /**
     * Reads only the top-level "time" and the entity key of a line; anything unreadable, and a time
     * the decoders would refuse ({@link IsoTime}), gives MIN_VALUE (sent first; the job rejects it
     * with the exact reason).
     */
    static Peek peek(byte[] line, Feed feed) {
        String keyField =
                switch (feed) {
                    case CASES -> "caseId";
                    case VEHICLES -> "vehicleId";
                    case SENSORS -> "sensorId";
                };
        long time = Long.MIN_VALUE;
        String key = null;
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Peek(time, null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_STRING && name.equals("time")) {
                    // the decoders' own reading: a time they reject sorts first (IsoTime.INVALID is MIN_VALUE)
                    time = IsoTime.parseEpochMillis(p.getText());
                } else if (t == JsonToken.VALUE_STRING && name.equals(keyField)) {
                    key = p.getText();
                } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: the job will say why
        }
        return new Peek(time, key);
    }

    static Properties producerProps(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.serializer", ByteArraySerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        p.put("acks", "all");
        p.put("linger.ms", "20");
        p.put("batch.size", String.valueOf(512 * 1024));
        p.put("compression.type", "lz4");
        p.put("max.request.size", String.valueOf(2 * MAX_RECORD_BYTES));
        return p;
    }
}

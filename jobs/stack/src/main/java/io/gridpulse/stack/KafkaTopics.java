package io.gridpulse.stack;

import io.gridpulse.domain.model.Feed;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creating, deleting and inspecting the project's Kafka topics with an admin client. Holds one admin client: close
 * it. Thread-safe (the admin client is).
 */
public final class KafkaTopics implements AutoCloseable {

    /** Every topic of the project: the three feeds, then rejected records and alerts. */
    public static final List<String> PROJECT_TOPICS = List.of(
            Feed.CASES.topic(), Feed.VEHICLES.topic(), Feed.SENSORS.topic(), Feed.REJECTED_TOPIC, Feed.ALERTS_TOPIC);

    private static final long TIMEOUT_SECONDS = 60;

    private final Admin admin;

    public KafkaTopics(String bootstrapServers) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)));
    }

    /** The project's topics with {@code partitions} partitions each, replication factor 1 (the local stack). */
    public List<String> ensureProjectTopics(int partitions) {
        return ensure(PROJECT_TOPICS, partitions, (short) 1);
    }

    /**
     * Creates the topics that do not exist yet; existing topics are kept as they are.
     *
     * @return the names of the topics it created
     */
    public List<String> ensure(Collection<String> topics, int partitions, short replicationFactor) {
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException(
                    "partitions and replication factor must be >= 1: " + partitions + ", " + replicationFactor);
        }
        Set<String> existing = names();
        List<NewTopic> missing = topics.stream()
                .distinct()
                .filter(t -> !existing.contains(t))
                .map(t -> new NewTopic(t, partitions, replicationFactor))
                .collect(Collectors.toList());
        List<String> created = new ArrayList<>();
        var results = admin.createTopics(missing).values();
        for (var entry : results.entrySet()) {
            try {
                get(entry.getValue(), "create topic " + entry.getKey());
                created.add(entry.getKey());
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // Created meanwhile by someone else: exists, as asked.
            }
        }
        awaitListed(topics);
        return created;
    }

    /**
     * Waits until every topic is listed by the broker with a leader for each partition: a topic is committed by the
     * controller before the broker's metadata shows it, and a producer or consumer started in between would stall.
     */
    private void awaitListed(Collection<String> topics) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!allLed(topics)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topics not ready " + TIMEOUT_SECONDS + " s after creation: " + topics
                        + " (listed: " + names() + ")");
            }
            LocalClickHouse.sleep(100);
        }
    }

    private boolean allLed(Collection<String> topics) {
        if (!names().containsAll(topics)) {
            return false;
        }
        try {
            return admin
                    .describeTopics(List.copyOf(new java.util.LinkedHashSet<>(topics)))
                    .allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .values()
                    .stream()
                    .flatMap(d -> d.partitions().stream())
                    .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for topics " + topics, e);
        }
    }

    /** Deletes the topics that exist (for a reset) and waits until they are gone. */
    public void delete(Collection<String> topics) {
        Set<String> existing = names();
        List<String> present =
                topics.stream().filter(existing::contains).distinct().collect(Collectors.toList());
        if (present.isEmpty()) {
            return;
        }
        for (var entry : admin.deleteTopics(present).topicNameValues().entrySet()) {
            try {
                get(entry.getValue(), "delete topic " + entry.getKey());
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (names().stream().anyMatch(present::contains)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Topics still listed " + TIMEOUT_SECONDS + " s after deletion: " + present);
            }
            LocalClickHouse.sleep(100);
        }
    }

    /** The end offset (the offset the next record will get) of every partition of the topic, by partition. */
    public Map<Integer, Long> latestOffsets(String topic) {
        TopicDescription description =
                get(admin.describeTopics(List.of(topic)).topicNameValues().get(topic), "describe topic " + topic);
        Map<TopicPartition, OffsetSpec> request = description.partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        var offsets = get(admin.listOffsets(request).all(), "list offsets of " + topic);
        Map<Integer, Long> result = new TreeMap<>();
        offsets.forEach((tp, info) -> result.put(tp.partition(), info.offset()));
        return result;
    }

    /** Names of the topics that exist (internal ones excluded). */
    public Set<String> names() {
        return get(admin.listTopics().names(), "list topics");
    }

    @Override
    public void close() {
        admin.close();
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Kafka could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not " + what + " within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + what, e);
        }
    }
}

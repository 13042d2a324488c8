package io.gridpulse.flink.common;

/**
 * The key events are deduplicated on: their {@code identity} (contracts.md: eventId;
 * vehicleId+time; sensorId+type+time), routed by their {@code entity} alone (eventId; vehicleId;
 * sensorId). Flink sends a key to the subtask its {@link #hashCode()} picks, so every position
 * of one vehicle and every reading of one sensor passes the same deduplicating subtask, and
 * reaches the keyed steps after it (distance steps, hourly sums) in the order of its Kafka
 * partition, which `process` publishes in event-time order. Keyed by the identity's own hash,
 * one vehicle's positions would interleave from two subtasks in an order that changes from run
 * to run, and so would the distances and the floating-point sums computed from them.
 *
 * <p>Equal keys have equal entities (the identity starts with the entity), so equality over
 * both fields and a hash over the entity keep the {@code hashCode} contract.
 */
public record DedupKey(String entity, String identity) {

    @Override
    public int hashCode() {
        return entity.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DedupKey k && k.identity.equals(identity) && k.entity.equals(entity);
    }
}

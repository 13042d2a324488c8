package io.gridpulse.domain.workflow;

import io.gridpulse.domain.calendar.TimeLimit;
import java.util.Map;
import java.util.Optional;

/**
 * The disposal time limit of each category (the catalogue's {@code limit} column). The lead wires
 * it to the catalogue file; tests use {@link #of(Map)}. Implementations should be immutable and
 * thread-safe.
 */
@FunctionalInterface
public interface CategoryLimits {

    /** The time limit of a category; empty when the category is unknown or has no limit. */
    Optional<TimeLimit> limitOf(String categoryCode);

    /** Limits from a map (copied); immutable and thread-safe. */
    static CategoryLimits of(Map<String, TimeLimit> limits) {
        Map<String, TimeLimit> copy = Map.copyOf(limits);
        return code -> code == null ? Optional.empty() : Optional.ofNullable(copy.get(code));
    }
}

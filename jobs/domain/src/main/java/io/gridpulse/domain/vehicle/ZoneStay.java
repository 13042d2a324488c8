package io.gridpulse.domain.vehicle;

/**
 * A muck truck's stay in one restricted zone: from its first position inside, until two
 * consecutive positions outside. Flat fields for Flink state. Immutable.
 *
 * @param start time of the first position inside
 * @param outside consecutive positions outside so far (0 or 1 while the stay lasts)
 * @param firstOutside time of the first of them
 * @param alertTime when the violation began (-1 while the hours have not applied during the stay)
 */
public record ZoneStay(long start, int outside, long firstOutside, long alertTime) {

    public boolean alerted() {
        return alertTime >= 0;
    }
}

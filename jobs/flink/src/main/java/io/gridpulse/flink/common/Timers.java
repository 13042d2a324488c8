package io.gridpulse.flink.common;

/**
 * Coalesced event-time timers for the keyed functions that take their records in time order
 * ({@code VehicleTrack}, {@code SensorWatch}). A timer there only says "look again": what is
 * taken and what fires is decided from the watermark and exact times kept in state, so a timer
 * may fire later than the instant it stands for without changing any result. Rounding timers
 * up to a grid lets one timer serve many records of a key (Flink keeps one timer per key and
 * timestamp), which is most of the per-record cost. Live results come out up to one grid step
 * later.
 */
public final class Timers {

    /** Taking buffered records and event-time deadlines: one timer per key and minute. */
    public static final long TAKE = 60_000L;

    /** Dropping idle state: one timer per key and day. */
    public static final long IDLE = 86_400_000L;

    private Timers() {}

    /**
     * Silence deadlines (event time, so process runs only): one timer per key and quarter hour.
     * Every record moves its key's deadline, and a vehicle reporting every 10 s moved a
     * minute-grid timer every sixth position (a delete and a register in the timer queue, a
     * fiftieth of the vehicle job's CPU). The silence fires with its exact deadline either way:
     * at the next record after it, or when the timer comes.
     */
    public static final long SILENCE = 900_000L;

    /**
     * A silence deadline's timer: one millisecond after the {@link #SILENCE} grid, so that it
     * never coincides with a shared "take" timer and can be deleted when a new record moves the
     * deadline into the next step (one pending silence timer per key, not one per record).
     */
    public static long deadline(long t) {
        return roundUp(t, SILENCE) + 1;
    }

    /** The first multiple of {@code step} at or after {@code t}. */
    public static long roundUp(long t, long step) {
        long r = Math.floorMod(t, step);
        return r == 0 ? t : t + (step - r);
    }
}

package io.gridpulse.domain.vehicle;

import io.gridpulse.domain.geo.Haversine;

/**
 * Trajectory cleaning (轨迹清洗) of one vehicle's positions, taken in time order. A position is
 * dropped when it repeats the time of the last kept position, or when reaching it from the last
 * kept position implies more than {@code maxKmh}. A GPS jump is one bad fix; but when the vehicle
 * really is elsewhere (the receiver was off while it drove), every later position would be "too
 * fast" from the stale last kept one. So after {@code restartRun} dropped positions in a row,
 * each within {@code maxKmh} of the one before it, the last of them is kept as a new start, and
 * the step into it is not counted. A dropped position that is not within the limit of the one
 * dropped before it starts a new run. Stateless apart from the {@link CleanerState} it is given;
 * thread-safe.
 */
public final class TrajectoryCleaner {

    /** The defaults: 150 km/h, a new start after three consistent dropped positions. */
    public static final double DEFAULT_MAX_KMH = 150.0;

    public static final int DEFAULT_RESTART_RUN = 3;

    private final double maxKmh;
    private final int restartRun;

    public TrajectoryCleaner(double maxKmh, int restartRun) {
        if (!(maxKmh > 0) || restartRun < 1) {
            throw new IllegalArgumentException("maxKmh must be positive and restartRun at least 1");
        }
        this.maxKmh = maxKmh;
        this.restartRun = restartRun;
    }

    public TrajectoryCleaner() {
        this(DEFAULT_MAX_KMH, DEFAULT_RESTART_RUN);
    }

    /** The verdict on the position (t, lon, lat) after the state {@code s}. */
    public Cleaned clean(CleanerState s, long t, double lon, double lat) {
        if (!s.kept()) {
            return keep(t, lon, lat, false, false, 0, 0);
        }
        if (t == s.lastTime()) {
            return new Cleaned(s, DropReason.SAME_TIME, false, false, 0, 0);
        }
        if (t < s.lastTime()) {
            return new Cleaned(s, DropReason.OUT_OF_ORDER, false, false, 0, 0);
        }
        long dt = t - s.lastTime();
        double m = Haversine.meters(s.lastLon(), s.lastLat(), lon, lat);
        if (!tooFast(m, dt)) {
            return keep(t, lon, lat, false, true, dt, m);
        }
        int run = 1;
        if (s.dropRun() > 0 && t > s.dropTime()) {
            double dm = Haversine.meters(s.dropLon(), s.dropLat(), lon, lat);
            if (!tooFast(dm, t - s.dropTime())) {
                run = s.dropRun() + 1;
            }
        }
        if (run >= restartRun) {
            return keep(t, lon, lat, true, false, 0, 0);
        }
        CleanerState next = new CleanerState(true, s.lastTime(), s.lastLon(), s.lastLat(), run, t, lon, lat);
        return new Cleaned(next, DropReason.TOO_FAST, false, false, 0, 0);
    }

    private boolean tooFast(double meters, long millis) {
        // meters / millis * 3600 > maxKmh, without dividing by a zero interval
        return meters * 3600.0 > maxKmh * millis;
    }

    private static Cleaned keep(long t, double lon, double lat, boolean newStart, boolean step, long dt, double m) {
        return new Cleaned(new CleanerState(true, t, lon, lat, 0, 0, 0, 0), null, newStart, step, dt, m);
    }
}

package io.gridpulse.domain.vehicle;

import io.gridpulse.domain.calendar.DailyHours;
import io.gridpulse.domain.geo.Haversine;
import io.gridpulse.domain.zone.Zones;
import java.time.ZoneId;

/**
 * DUMPING_SUSPECTED (疑似偷倒): a stop is anchored at a muck truck's first position from which it
 * then stays within {@code radiusMeters} with a speed under {@code maxKmh} (the position's own
 * speed, or the speed of the step into it when the feed sent none). The alert is due at anchor +
 * {@code after}: it fires if the stop still lasts then, that instant is at night, and the anchor
 * lies outside every disposal site. Stateless apart from the {@link Stop} it is given;
 * thread-safe.
 */
public final class StopWatch {

    private final double radiusMeters;
    private final double maxKmh;
    private final long afterMillis;
    private final DailyHours night;
    private final ZoneId zone;

    public StopWatch(double radiusMeters, double maxKmh, long afterMillis, DailyHours night, ZoneId zone) {
        this.radiusMeters = radiusMeters;
        this.maxKmh = maxKmh;
        this.afterMillis = afterMillis;
        this.night = night;
        this.zone = zone;
    }

    /** The stop after a kept position; null when the truck is moving. */
    public Stop onPosition(Stop s, long t, double lon, double lat, double speedKmh) {
        boolean slow = speedKmh < maxKmh;
        if (s != null && slow && Haversine.meters(s.lon(), s.lat(), lon, lat) <= radiusMeters) {
            return s;
        }
        return slow ? new Stop(t, lon, lat) : null;
    }

    /** When the alert about this stop is due. */
    public long dueAt(Stop s) {
        return s.anchorTime() + afterMillis;
    }

    /** Whether a stop that still lasts at its due instant is suspected dumping. */
    public boolean suspicious(Stop s, Zones zones) {
        return night.contains(dueAt(s), zone) && !zones.inDisposalSite(s.lon(), s.lat());
    }
}

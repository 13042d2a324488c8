package io.gridpulse.flink.vehicles;

import io.gridpulse.domain.vehicle.CleanerState;
import io.gridpulse.domain.vehicle.Stop;

/**
 * What {@link VehicleTrack} remembers of one vehicle besides its buffer, the day's other grids
 * and its zone stays (Flink state; flat POJO fields, nested records may be null). One value, so
 * a position costs one state read and one write.
 *
 * @param lastSeen the latest position time received (buffered or taken)
 * @param taken the latest position time taken in order
 * @param lastGrid grid of the last kept position ('' outside every grid)
 * @param lastDay local day (epoch days) of the last kept position
 * @param stop the current stop of a muck truck, null when moving
 * @param stopAlerted anchor time of the last stop that raised DUMPING_SUSPECTED, else -1
 * @param silentFrom time of the kept position the silence is counted from
 * @param silentDeadline when VEHICLE_SILENT is due if nothing comes, -1 when none is
 * @param open the open hour and day, and the current grid's visits; null when none is open
 * @param zoneStays how many restricted zones the vehicle has an open stay in (the stays map
 *     state holds them); while none, a position outside every zone reads no state
 */
public record Track(
        CleanerState cleaner,
        String vehicleType,
        long lastSeen,
        long taken,
        String lastGrid,
        long lastDay,
        Stop stop,
        long stopAlerted,
        long silentFrom,
        long silentDeadline,
        OpenPeriods open,
        int zoneStays) {

    static Track empty(String vehicleType) {
        return new Track(
                CleanerState.EMPTY,
                vehicleType,
                Long.MIN_VALUE,
                Long.MIN_VALUE,
                "",
                Long.MIN_VALUE,
                null,
                -1,
                -1,
                -1,
                null,
                0);
    }

    Track seen(String type, long time) {
        return new Track(
                cleaner,
                type,
                Math.max(lastSeen, time),
                taken,
                lastGrid,
                lastDay,
                stop,
                stopAlerted,
                silentFrom,
                silentDeadline,
                open,
                zoneStays);
    }

    Track withOpen(OpenPeriods periods) {
        OpenPeriods o = periods == null || periods.isEmpty() ? null : periods;
        return new Track(
                cleaner,
                vehicleType,
                lastSeen,
                taken,
                lastGrid,
                lastDay,
                stop,
                stopAlerted,
                silentFrom,
                silentDeadline,
                o,
                zoneStays);
    }

    Track withStop(Stop s, long alerted, long deadline) {
        return new Track(
                cleaner,
                vehicleType,
                lastSeen,
                taken,
                lastGrid,
                lastDay,
                s,
                alerted,
                silentFrom,
                deadline,
                open,
                zoneStays);
    }

    /** The open periods, or none. */
    OpenPeriods periods() {
        return open == null ? OpenPeriods.NONE : open;
    }
}

package io.gridpulse.flink.vehicles;

import io.gridpulse.domain.vehicle.CleanerState;
import io.gridpulse.domain.vehicle.Stop;

/**
 * What {@link VehicleTrack} remembers of one vehicle besides its buffers and totals (Flink
 * state; flat POJO fields, nested records may be null).
 *
 * @param lastSeen the latest position time received (buffered or taken)
 * @param taken the latest position time taken in order
 * @param lastGrid grid of the last kept position ('' outside every grid)
 * @param lastDay local day (epoch days) of the last kept position
 * @param stop the current stop of a muck truck, null when moving
 * @param stopAlerted anchor time of the last stop that raised DUMPING_SUSPECTED, else -1
 * @param silentFrom time of the kept position the silence is counted from
 * @param silentDeadline when VEHICLE_SILENT is due if nothing comes, -1 when none is
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
        long silentDeadline) {

    static Track empty(String vehicleType) {
        return new Track(
                CleanerState.EMPTY, vehicleType, Long.MIN_VALUE, Long.MIN_VALUE, "", Long.MIN_VALUE, null, -1, -1, -1);
    }
}

package io.gridpulse.domain.vehicle;

/**
 * The verdict on one position. A kept position carries the step from the previous kept one;
 * {@code hasStep} is false for the first position and for a new start (the vehicle really is
 * elsewhere, and the step into it is not counted). Immutable.
 *
 * @param dropped null when kept, else why it was dropped
 * @param newStart kept as the third of a run of consistent positions that the speed filter had
 *     dropped
 * @param stepMillis time since the previous kept position, when {@code hasStep}
 * @param stepMeters great-circle length of that step, when {@code hasStep}
 */
public record Cleaned(
        CleanerState state, DropReason dropped, boolean newStart, boolean hasStep, long stepMillis, double stepMeters) {

    public boolean kept() {
        return dropped == null;
    }

    /** Speed of the step in km/h (0 without a step). */
    public double stepKmh() {
        return hasStep && stepMillis > 0 ? stepMeters / stepMillis * 3600.0 : 0.0;
    }
}

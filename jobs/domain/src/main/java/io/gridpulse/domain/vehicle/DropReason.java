package io.gridpulse.domain.vehicle;

/** Why trajectory cleaning left a position out (counted in metrics, never silent). */
public enum DropReason {
    /** Its time repeats the time of the last kept position. */
    SAME_TIME,
    /** Reaching it from the last kept position implies more than the speed limit (a GPS jump). */
    TOO_FAST,
    /**
     * Earlier than the last kept position: in live mode it arrived after the out-of-order
     * tolerance had released later positions.
     */
    OUT_OF_ORDER
}

package io.gridpulse.domain.workflow;

/**
 * The current workflow status of a case (案件状态), as of a moment. REWORK puts a case back to
 * {@link #DISPATCHED} (the department must dispose again) and a RETURNED back to {@link
 * #REGISTERED} (the centre must dispatch again); {@link #SUSPENDED} (挂账) shows while the case is
 * parked and hides the status it will go back to.
 */
public enum CaseStatus {
    /** 上报. */
    REPORTED,
    /** 核实. */
    VERIFIED,
    /** 立案. */
    REGISTERED,
    /** 派遣. */
    DISPATCHED,
    /** 处置. */
    DISPOSED,
    /** 核查. */
    CHECKED,
    /** 结案. */
    CLOSED,
    /** 作废 / 不予立案. */
    CANCELLED,
    /** 挂账. */
    SUSPENDED
}

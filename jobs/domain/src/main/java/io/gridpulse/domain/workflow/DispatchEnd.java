package io.gridpulse.domain.workflow;

/** Why a dispatch ended. */
public enum DispatchEnd {
    /** 回退: the dispatch's department returned it. */
    RETURNED,
    /** A later DISPATCHED of the case ended it (the case went to a department again). */
    REDISPATCHED,
    /** 结案: the case was closed. */
    CLOSED,
    /** 作废: the case was cancelled. */
    CANCELLED
}

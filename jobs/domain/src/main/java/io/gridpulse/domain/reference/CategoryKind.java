package io.gridpulse.domain.reference;

/** The two halves of the category catalogue. */
public enum CategoryKind {
    /** 事件: a happening (exposed garbage, street vending). */
    EVENT,
    /** 部件: a city asset with a problem (manhole cover, street light). */
    COMPONENT
}

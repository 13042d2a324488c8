package io.gridpulse.domain.model;

/** Fleet types of the vehicle feed. */
public enum VehicleType {
    /** 渣土车. */
    MUCK,
    /** 扫路车. */
    SWEEPER,
    /** 垃圾车. */
    GARBAGE,
    /** 洒水车. */
    SPRINKLER,
    /** 巡查车. */
    PATROL,
    OTHER
}

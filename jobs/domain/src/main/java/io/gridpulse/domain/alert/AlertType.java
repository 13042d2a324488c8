package io.gridpulse.domain.alert;

/** The alert types of contracts.md section 3 ({@code alerts}). */
public enum AlertType {
    /** 超期预警: a share of the time to the deadline has passed and the dispatch is still open. */
    OVERDUE_WARNING,
    /** 超期: a dispatch passed its deadline without a disposal. */
    OVERDUE,
    /** 区域热点: reports of one category clustering in one grid. */
    HOTSPOT,
    /** 重复上报: a report close in space and time to an earlier one of another case. */
    DUPLICATE_SUSPECTED,
    /** 多次返工: the second REWORK of a dispatch. */
    REWORK_REPEATED,
    /** 推诿: the second RETURNED of a case. */
    RETURN_REPEATED,
    /** 督办: a SUPERVISED event. */
    SUPERVISED,
    /** 渣土车闯禁: a muck truck in a restricted zone during its hours. */
    ZONE_VIOLATION,
    /** 疑似偷倒: a muck truck standing still at night outside every disposal site. */
    DUMPING_SUSPECTED,
    /** 车辆离线: a vehicle silent inside its service hours. */
    VEHICLE_SILENT,
    /** 传感器告警: consecutive readings past a rule's threshold. */
    SENSOR_ALARM,
    /** 传感器离线: a sensor silent for three of its intervals. */
    SENSOR_SILENT
}

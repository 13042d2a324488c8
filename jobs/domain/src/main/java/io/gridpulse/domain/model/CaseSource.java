package io.gridpulse.domain.model;

/** Who reported a case (案件来源). */
public enum CaseSource {
    /** 信息采集员 / 监督员. */
    INSPECTOR,
    /** 12345 市长热线. */
    HOTLINE_12345,
    /** 12319 城建热线. */
    HOTLINE_12319,
    /** 视频智能识别. */
    VIDEO,
    /** 随手拍 citizen app. */
    PUBLIC_APP,
    /** 无人机. */
    DRONE,
    /** 物联感知. */
    SENSOR
}

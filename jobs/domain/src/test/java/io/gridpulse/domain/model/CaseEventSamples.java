package io.gridpulse.domain.model;

import io.gridpulse.domain.geo.Crs;

/** Case events with every field set, for tests of code that must carry or weigh each field. */
public final class CaseEventSamples {

    private CaseEventSamples() {}

    public static CaseEvent everyField(String caseId, CaseEventType type, String description) {
        return new CaseEvent(
                "E1",
                caseId,
                type,
                1_760_000_000_000L,
                CaseSource.HOTLINE_12345,
                "0101",
                119.296_5,
                26.074_2,
                Crs.GCJ02,
                "鼓楼区城管局",
                1_760_100_000_000L,
                "INS-7",
                "五一中路 88 号",
                description,
                "a1b2c3");
    }
}

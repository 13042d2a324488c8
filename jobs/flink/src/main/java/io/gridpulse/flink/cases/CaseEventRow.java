package io.gridpulse.flink.cases;

import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.flink.common.Located;
import io.gridpulse.flink.common.wire.CaseEventRowSerializer;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/** A distinct valid case event with its WGS84 location and unit grid: one row of {@code case_events}. */
@TypeInfo(CaseEventRowSerializer.Factory.class)
public record CaseEventRow(CaseEvent event, Located located, long ingestedAt) {}

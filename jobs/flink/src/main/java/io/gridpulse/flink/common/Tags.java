package io.gridpulse.flink.common;

import io.gridpulse.domain.codec.Rejection;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/** Side outputs shared by the jobs. */
public final class Tags {

    public static final OutputTag<Rejection> REJECTED =
            new OutputTag<>("rejected", TypeInformation.of(Rejection.class));

    private Tags() {}
}

package io.gridpulse.flink.sink;

import io.gridpulse.clickhouse.TableWriter.TableSpec;
import io.gridpulse.domain.codec.Rejection;
import io.gridpulse.domain.codec.StableId;
import java.util.List;

/** The {@code rejected} table. */
public final class RejectedTable {

    public static final TableSpec<Rejection> SPEC = new TableSpec<>(
            "rejected", List.of("reject_id", "feed", "reason", "detail", "raw", "seen_at", "origin"), (out, r) -> {
                out.setString(1, rejectId(r));
                out.setString(2, r.feed().code());
                out.setString(3, r.reason().name());
                out.setString(4, r.detail() == null ? "" : r.detail());
                out.setString(5, r.raw() == null ? "" : r.raw());
                out.setTime(6, r.seenAt());
                out.setString(7, r.origin() == null ? "" : r.origin());
            });

    private RejectedTable() {}

    /** Deterministic: the same record from the same place gets the same id on every replay. */
    public static String rejectId(Rejection r) {
        return StableId.of(r.feed().code() + "|" + r.origin() + "|" + r.reason());
    }
}

package io.gridpulse.cli;

import io.gridpulse.clickhouse.ClickHouseConnections;
import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.flink.common.Times;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/** Records the time a run's results stand at, per feed, for the views (contracts.md section 3). */
final class ProgressTable {

    private ProgressTable() {}

    static void record(ClickHouseSettings ch, Collection<Feed> feeds, long asOf, String runId) throws SQLException {
        try (Connection c = ClickHouseConnections.open(ch);
                PreparedStatement ps = c.prepareStatement("INSERT INTO " + ch.database()
                        + ".progress (scope, as_of, recorded_at, run_id) VALUES (?, ?, ?, ?)")) {
            long now = System.currentTimeMillis();
            for (Feed f : feeds) {
                ps.setString(1, f.code());
                ps.setString(2, Times.millis(asOf));
                ps.setString(3, Times.millis(now));
                ps.setString(4, runId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}

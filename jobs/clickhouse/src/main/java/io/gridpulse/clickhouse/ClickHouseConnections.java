package io.gridpulse.clickhouse;

import com.clickhouse.client.api.Client;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens JDBC connections and binary-insert clients to ClickHouse. Stateless. */
public final class ClickHouseConnections {

    private ClickHouseConnections() {}

    public static Connection open(ClickHouseSettings settings) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", settings.user());
        props.setProperty("password", settings.password());
        // Inserts wait until the data is visible, so a job's end means its rows can be read.
        props.setProperty("clickhouse_setting_async_insert", "0");
        props.setProperty("clickhouse_setting_wait_end_of_query", "1");
        return DriverManager.getConnection(settings.jdbcUrl(), props);
    }

    /**
     * A client for Native inserts into the settings' database. It does not retry on its own:
     * {@link TableWriter} retries whole batches, which are idempotent, with its backoff.
     */
    public static Client client(ClickHouseSettings settings) {
        return new Client.Builder()
                .addEndpoint(settings.httpUrl())
                .setUsername(settings.user())
                .setPassword(settings.password())
                .setDefaultDatabase(settings.database())
                .setMaxRetries(0)
                // Inserts wait until the data is visible, so a job's end means its rows can be read.
                .serverSetting("async_insert", "0")
                .serverSetting("wait_end_of_query", "1")
                .build();
    }
}

package io.gridpulse.clickhouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens JDBC connections to ClickHouse. Stateless. */
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
}

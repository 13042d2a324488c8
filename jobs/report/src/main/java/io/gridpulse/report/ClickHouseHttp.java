package io.gridpulse.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.clickhouse.ClickHouseSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a read-only query over ClickHouse's HTTP interface with server-side query parameters:
 * each {@code {name:Type}} in the text is bound from {@code param_name}, so a value is never
 * spliced into SQL. The database is the settings' (tables in dashboard queries are unqualified).
 * Thread-safe; one instance serves the dashboard's concurrent requests.
 */
public final class ClickHouseHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClickHouseSettings settings;
    private final HttpClient http;

    public ClickHouseHttp(ClickHouseSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public ClickHouseSettings settings() {
        return settings;
    }

    /** Runs {@code sql} with the parameters (names without {@code param_}); rows in column order. */
    public Table query(String sql, Map<String, String> params) throws IOException {
        StringBuilder url = new StringBuilder(settings.httpUrl())
                .append("/?database=")
                .append(enc(settings.database()))
                .append("&default_format=JSONCompact&readonly=2")
                .append("&output_format_json_quote_64bit_integers=0")
                .append("&output_format_json_quote_denormals=1");
        params.forEach(
                (k, v) -> url.append("&param_").append(enc(k)).append('=').append(enc(v)));
        HttpRequest req = HttpRequest.newBuilder(URI.create(url.toString()))
                .timeout(Duration.ofSeconds(60))
                .header("X-ClickHouse-User", settings.user())
                .header("X-ClickHouse-Key", settings.password())
                .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (resp.statusCode() != 200) {
            throw new QueryFailedException(resp.statusCode(), new String(resp.body(), StandardCharsets.UTF_8).strip());
        }
        JsonNode root = JSON.readTree(resp.body());
        List<String> columns = new ArrayList<>();
        for (JsonNode m : root.path("meta")) {
            columns.add(m.get("name").asText());
        }
        List<List<JsonNode>> rows = new ArrayList<>();
        for (JsonNode r : root.path("data")) {
            List<JsonNode> row = new ArrayList<>(columns.size());
            r.forEach(row::add);
            rows.add(row);
        }
        return new Table(columns, rows);
    }

    /** Runs a statement that returns nothing (DDL, INSERT ... SELECT); no read-only guard. */
    public void execute(String sql) throws IOException {
        String url = settings.httpUrl() + "/?database=" + enc(settings.database());
        HttpRequest req = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(10))
                .header("X-ClickHouse-User", settings.user())
                .header("X-ClickHouse-Key", settings.password())
                .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() != 200) {
                throw new QueryFailedException(resp.statusCode(), resp.body().strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** ClickHouse refused or failed the query; the message is the server's (it names what is missing). */
    public static final class QueryFailedException extends IOException {
        private final int status;
        private final String serverMessage;

        public QueryFailedException(int status, String serverMessage) {
            this("", status, serverMessage);
        }

        private QueryFailedException(String context, int status, String serverMessage) {
            super(context + "ClickHouse answered " + status + ": " + serverMessage);
            this.status = status;
            this.serverMessage = serverMessage;
        }

        /** The same failure with what was being done put in front (the server's words once). */
        public QueryFailedException withContext(String context) {
            QueryFailedException e = new QueryFailedException(context + ": ", status, serverMessage);
            e.initCause(this);
            return e;
        }

        public int status() {
            return status;
        }

        /** True when the query names a table or view the database does not have (yet). */
        public boolean missingTable() {
            return serverMessage.contains("UNKNOWN_TABLE") || serverMessage.contains("Unknown table");
        }
    }
}

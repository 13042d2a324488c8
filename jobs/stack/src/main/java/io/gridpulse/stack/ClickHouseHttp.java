package io.gridpulse.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A minimal client of ClickHouse's HTTP interface (java.net.http), enough to check a server and run a statement;
 * the jobs use the JDBC driver. Immutable and thread-safe.
 */
public final class ClickHouseHttp {

    private final String url;
    private final String user;
    private final String password;
    private final HttpClient client;

    public ClickHouseHttp(String url, String user, String password) {
        this.url = Endpoints.normaliseClickHouseUrl(url);
        this.user = user;
        this.password = password;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public ClickHouseHttp(Endpoints endpoints) {
        this(endpoints.clickhouseUrl(), endpoints.clickhouseUser(), endpoints.clickhousePassword());
    }

    /** Whether {@code GET /ping} answers {@code Ok.}. */
    public boolean ping() {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(url + "/ping"))
                            .timeout(Duration.ofSeconds(3))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().startsWith("Ok.");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs one statement (the body of a POST) and returns the response body, e.g. tab-separated rows.
     *
     * @throws IllegalStateException with ClickHouse's error text when the server answers with an error
     */
    public String query(String sql) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/?database=default&wait_end_of_query=1&query_id="
                        + URLEncoder.encode("gridpulse-stack-" + System.nanoTime(), StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(5))
                .header("X-ClickHouse-User", user)
                .header("X-ClickHouse-Key", password)
                .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("ClickHouse at " + url + " answered HTTP " + response.statusCode()
                        + " to [" + abbreviate(sql) + "]: " + response.body().trim());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach ClickHouse at " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while querying ClickHouse at " + url, e);
        }
    }

    /** The server's version, e.g. {@code 26.7.2.1}. */
    public String version() {
        return query("SELECT version()").trim();
    }

    public String url() {
        return url;
    }

    private static String abbreviate(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}

package io.gridpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.demo.DemoCity;
import io.gridpulse.demo.DemoOptions;
import io.gridpulse.report.ClickHouseHttp;
import io.gridpulse.report.DashboardServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real headless Chromium (Debian's, installed by the launcher), driven over
 * the Chrome DevTools protocol: the page loads a processed month of the demo city without script
 * errors, every chart and the map draw non-empty canvases with their labels, and one screenshot
 * per panel is kept in target/dashboard-it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

    static final List<String> PANELS = List.of(
            "panel-map",
            "panel-ranking",
            "panel-trend",
            "panel-sources",
            "panel-alerts",
            "panel-vehicles",
            "panel-sensors");

    @TempDir
    static Path city;

    @TempDir
    static Path profile;

    private final ObjectMapper json = new ObjectMapper();
    private final Path artefacts = Path.of("target", "dashboard-it");
    private DashboardServer server;
    private Process chromium;
    private WebSocket ws;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> scriptErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    void serveAProcessedMonthAndOpenIt() throws Exception {
        DemoCity.generate(DemoOptions.small(), city);
        ClickHouseSettings ch = SharedStack.freshDatabase("gp_it_dashboard");
        ProcessCommand.process(
                new ProcessOptions(
                        city.resolve("cases.jsonl"),
                        city.resolve("vehicles.jsonl"),
                        city.resolve("sensors.jsonl"),
                        DemoCityFiles.reference(city),
                        null,
                        false,
                        2),
                SharedStack.endpoints(),
                ch,
                System.err);
        server = new DashboardServer(new ClickHouseHttp(ch), "127.0.0.1", 0, null);
        Files.createDirectories(artefacts);
        chromium = new ProcessBuilder(
                        "chromium",
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + profile,
                        "--remote-debugging-port=0",
                        "--window-size=1600,1400",
                        "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(artefacts.resolve("chromium.log").toFile())
                .start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).size() < 2) {
            assertThat(System.nanoTime())
                    .as("chromium started (see target/dashboard-it/chromium.log)")
                    .isLessThan(deadline);
            assertThat(chromium.isAlive()).as("chromium is running").isTrue();
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = json.readTree(http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        String wsUrl = null;
        for (JsonNode t : targets) {
            if (t.path("type").asText().equals("page")) {
                wsUrl = t.get("webSocketDebuggerUrl").asText();
            }
        }
        assertThat(wsUrl).as("a page target").isNotNull();
        ws = http.newWebSocketBuilder()
                .buildAsync(URI.create(wsUrl), new Listener())
                .get(10, TimeUnit.SECONDS);
        call("Runtime.enable", null);
        call("Page.enable", null);
        call(
                "Emulation.setDeviceMetricsOverride",
                json.createObjectNode()
                        .put("width", 1600)
                        .put("height", 1400)
                        .put("deviceScaleFactor", 1)
                        .put("mobile", false));
        call("Page.navigate", json.createObjectNode().put("url", server.url()));
        long ready = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!eval("window.gridpulseReady === true").path("value").asBoolean(false)) {
            assertThat(System.nanoTime()).as("the page finished drawing").isLessThan(ready);
            Thread.sleep(200);
        }
        Thread.sleep(1500); // ECharts animates its first draw
    }

    @AfterAll
    void close() {
        if (ws != null) {
            ws.abort();
        }
        if (chromium != null) {
            // Chromium's helper processes write to the profile until they exit; the profile is a
            // @TempDir that JUnit deletes next, so stop and wait for the whole tree first.
            List<ProcessHandle> tree = new ArrayList<>(chromium.descendants().toList());
            tree.add(chromium.toHandle());
            tree.forEach(ProcessHandle::destroy);
            for (ProcessHandle h : tree) {
                try {
                    h.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    h.destroyForcibly();
                }
            }
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pageLoadsWithoutScriptErrorsAndShowsNoMissingData() throws Exception {
        assertThat(scriptErrors).isEmpty();
        assertThat(eval("document.querySelectorAll('.error').length")
                        .path("value")
                        .asInt())
                .as(eval("Array.from(document.querySelectorAll('.error')).map(e => e.textContent).join(' | ')")
                        .path("value")
                        .asText())
                .isZero();
        assertThat(eval("document.getElementById('asof').textContent")
                        .path("value")
                        .asText())
                .startsWith("统计截止时间：20");
    }

    @Test
    void everyChartAndTheMapDrawNonEmptyCanvases() throws Exception {
        for (String panel : PANELS) {
            String js = "(() => { const c = document.querySelector('#" + panel + " canvas'); if (!c) return -1;"
                    + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                    + " for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; })()";
            int painted = eval(js).path("value").asInt();
            assertThat(painted).as("painted pixels of the canvas in %s", panel).isGreaterThan(2000);
        }
    }

    @Test
    void chartsCarryTheirLabels() throws Exception {
        String titles = eval("Array.from(document.querySelectorAll('.panel h2')).map(h => h.textContent).join('|')")
                .path("value")
                .asText();
        assertThat(titles).contains("案件密度分布", "部门综合考评排名", "案件趋势", "超期与告警", "车辆作业", "传感器运行");
        // Labels drawn inside the canvases: read back from each chart's options
        String mapNames = eval("echarts.getInstanceByDom(document.getElementById('chart-map')).getOption()"
                        + ".series[0].data.map(d => d.name).join('|')")
                .path("value")
                .asText();
        assertThat(mapNames).isNotBlank();
        String ranking = eval("echarts.getInstanceByDom(document.getElementById('chart-ranking')).getOption()"
                        + ".yAxis[0].data.join('|')")
                .path("value")
                .asText();
        assertThat(ranking).isNotBlank();
    }

    @Test
    void screenshotPerPanel() throws Exception {
        for (String panel : PANELS) {
            JsonNode box = eval("JSON.stringify(document.getElementById('" + panel + "').getBoundingClientRect())");
            JsonNode r = json.readTree(box.path("value").asText());
            ObjectNode clip = json.createObjectNode()
                    .put("x", r.get("x").asDouble())
                    .put("y", r.get("y").asDouble())
                    .put("width", r.get("width").asDouble())
                    .put("height", r.get("height").asDouble())
                    .put("scale", 1);
            ObjectNode p = json.createObjectNode().put("format", "png");
            p.set("clip", clip);
            byte[] png = Base64.getDecoder()
                    .decode(call("Page.captureScreenshot", p).get("data").asText());
            Path file = artefacts.resolve(panel + ".png");
            Files.write(file, png);
            assertThat(png.length).as("screenshot of %s", panel).isGreaterThan(3000);
        }
    }

    private JsonNode eval(String expression) throws Exception {
        JsonNode res = call(
                "Runtime.evaluate",
                json.createObjectNode().put("expression", expression).put("returnByValue", true));
        if (res.has("exceptionDetails")) {
            throw new AssertionError("script failed: " + expression + " -> " + res.get("exceptionDetails"));
        }
        return res.path("result");
    }

    private JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = json.createObjectNode().put("id", id).put("method", method);
        if (params != null) {
            msg.set("params", params);
        }
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ws.sendText(json.writeValueAsString(msg), true).get(10, TimeUnit.SECONDS);
        JsonNode reply = f.get(60, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new AssertionError(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    /** Routes replies to their calls and collects uncaught exceptions and console errors. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buf = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            buf.append(data);
            if (last) {
                try {
                    JsonNode m = json.readTree(buf.toString());
                    if (m.has("id")) {
                        CompletableFuture<JsonNode> f =
                                pending.remove(m.get("id").asInt());
                        if (f != null) {
                            f.complete(m);
                        }
                    } else if ("Runtime.exceptionThrown".equals(m.path("method").asText())) {
                        scriptErrors.add(m.path("params").toString());
                    } else if ("Runtime.consoleAPICalled"
                                    .equals(m.path("method").asText())
                            && "error".equals(m.path("params").path("type").asText())) {
                        scriptErrors.add(m.path("params").toString());
                    }
                } catch (Exception e) {
                    scriptErrors.add("unreadable DevTools message: " + e);
                }
                buf.setLength(0);
            }
            w.request(1);
            return null;
        }
    }
}

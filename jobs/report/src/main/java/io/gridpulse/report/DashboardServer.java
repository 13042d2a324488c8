package io.gridpulse.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The web dashboard (JDK HTTP server, no framework): a Chinese page with ECharts (served from
 * the WebJar in this jar) and a small JSON API over the dashboard queries.
 *
 * <ul>
 *   <li>{@code GET /api/q/NAME?p=v...}: one of {@link DashboardQueries#NAMES}, parameters
 *       validated by {@link DashboardQuery#bind}; rows as objects, with rates added by {@link Rates}.
 *   <li>{@code GET /api/geo?level=district|street|community|grid&parent=NAME}: GeoJSON of the areas
 *       (each the union of its grids' outlines, as a MultiPolygon) for echarts.registerMap.
 *   <li>{@code GET /api/meta}: the as-of time and its month.
 * </ul>
 *
 * Bound to loopback by default. Bound elsewhere it requires a token (GRIDPULSE_DASHBOARD_TOKEN),
 * checked on every request ({@code Authorization: Bearer T} or {@code ?token=T}).
 */
public final class DashboardServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LEVELS = List.of("district", "street", "community", "grid");

    private final DashboardQueries queries;
    private final String token;
    private final HttpServer server;
    private final ExecutorService pool;
    private final String echartsPath;

    /**
     * @param token required on every request when not null; must be set when {@code host} is not a
     *     loopback address
     */
    public DashboardServer(ClickHouseHttp ch, String host, int port, String token) throws IOException {
        InetAddress addr = InetAddress.getByName(host);
        if (!addr.isLoopbackAddress() && (token == null || token.length() < 16)) {
            throw new IllegalArgumentException("binding the dashboard to " + host + " needs an access token of at"
                    + " least 16 characters in GRIDPULSE_DASHBOARD_TOKEN");
        }
        this.queries = new DashboardQueries(ch);
        this.token = token == null || token.isEmpty() ? null : token;
        this.echartsPath = "META-INF/resources/webjars/echarts/" + echartsVersion() + "/dist/echarts.min.js";
        this.server = HttpServer.create(new InetSocketAddress(addr, port), 32);
        this.pool = Executors.newFixedThreadPool(4);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + port() + "/";
    }

    private static String echartsVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in =
                DashboardServer.class.getClassLoader().getResourceAsStream("gridpulse/report.properties")) {
            p.load(in);
        }
        return p.getProperty("echarts.version");
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> params = query(ex.getRequestURI().getRawQuery());
            if (token != null && !authorised(ex, params.remove("token"))) {
                send(
                        ex,
                        401,
                        "text/plain; charset=utf-8",
                        "需要访问令牌 (access token required)".getBytes(StandardCharsets.UTF_8));
                return;
            }
            params.remove("token");
            params.remove("_");
            if (!ex.getRequestMethod().equals("GET")) {
                send(ex, 405, "text/plain", "GET only".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = ex.getRequestURI().getPath();
            try {
                switch (path) {
                    case "/", "/index.html" ->
                        staticFile(ex, "gridpulse/dashboard/index.html", "text/html; charset=utf-8");
                    case "/app.js" -> staticFile(ex, "gridpulse/dashboard/app.js", "text/javascript; charset=utf-8");
                    case "/app.css" -> staticFile(ex, "gridpulse/dashboard/app.css", "text/css; charset=utf-8");
                    case "/echarts.min.js" -> staticFile(ex, echartsPath, "text/javascript; charset=utf-8");
                    case "/api/meta" -> json(ex, 200, meta());
                    case "/api/geo" -> json(ex, 200, geo(params));
                    default -> {
                        if (path.startsWith("/api/q/")) {
                            String name = path.substring("/api/q/".length());
                            if (!DashboardQueries.NAMES.contains(name)) {
                                json(ex, 404, error("没有这个查询: " + name));
                            } else {
                                json(ex, 200, rows(queries.run(name, params)));
                            }
                        } else {
                            send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                json(ex, 400, error(e.getMessage()));
            } catch (ClickHouseHttp.QueryFailedException e) {
                json(ex, 502, error(e.getMessage()));
            }
        }
    }

    private boolean authorised(HttpExchange ex, String fromQuery) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        String given = h != null && h.startsWith("Bearer ") ? h.substring(7) : fromQuery;
        return given != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private ObjectNode meta() throws IOException {
        ObjectNode n = JSON.createObjectNode();
        String asOf = BulletinWriter.recordedAsOf(queries.clickHouse());
        n.put("asOf", asOf);
        n.put("month", asOf.substring(0, 7));
        return n;
    }

    /** Rows as objects, with the rates of {@link Rates} where their counts are present. */
    static ObjectNode rows(Table t) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode cols = out.putArray("columns");
        t.columns().forEach(cols::add);
        ArrayNode rows = out.putArray("rows");
        for (Table.Row r : t.all()) {
            ObjectNode o = rows.addObject();
            for (int i = 0; i < t.columns().size(); i++) {
                o.set(t.columns().get(i), r.values().get(i));
            }
            rate(o, "disposal_rate", "disposed", "due");
            rate(o, "on_time_rate", "disposed_on_time", "due");
            rate(o, "rework_rate", "reworked", "disposed");
            rate(o, "return_rate", "returned", "dispatched");
            rate(o, "overdue_rate", "overdue_open", "due");
            rate(o, "closure_rate", "closed", "registered");
        }
        return out;
    }

    private static void rate(ObjectNode o, String name, String num, String den) {
        JsonNode n = o.get(num);
        JsonNode d = o.get(den);
        if (n != null && d != null && n.canConvertToLong() && d.canConvertToLong()) {
            o.put(name, Rates.percent(n.asLong(), d.asLong()));
        }
    }

    private ObjectNode geo(Map<String, String> params) throws IOException {
        String level = params.getOrDefault("level", "district");
        String parent = params.getOrDefault("parent", "");
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("level must be one of " + LEVELS);
        }
        if (parent.length() > 100) {
            throw new IllegalArgumentException("parent is too long");
        }
        Table grids = queries.clickHouse()
                .query(
                        "SELECT code, name, community, street, district, geometry FROM grids FINAL"
                                + " WHERE geometry != '' AND ({parent:String} = '' OR multiIf({level:String} = 'street',"
                                + " district, {level:String} = 'community', street, {level:String} = 'grid', community, '')"
                                + " = {parent:String})",
                        Map.of("level", level, "parent", parent));
        WKTReader reader = new WKTReader();
        Map<String, ArrayNode> areas = new TreeMap<>();
        for (Table.Row r : grids.all()) {
            String area =
                    switch (level) {
                        case "district" -> r.text("district");
                        case "street" -> r.text("street");
                        case "community" -> r.text("community");
                        default -> r.text("code");
                    };
            Geometry g;
            try {
                g = reader.read(r.text("geometry"));
            } catch (ParseException e) {
                throw new IOException("grid " + r.text("code") + " has an unreadable outline", e);
            }
            ArrayNode polys = areas.computeIfAbsent(area, k -> JSON.createArrayNode());
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof Polygon p) {
                    ArrayNode poly = polys.addArray();
                    ring(poly.addArray(), p.getExteriorRing().getCoordinates());
                    for (int h = 0; h < p.getNumInteriorRing(); h++) {
                        ring(poly.addArray(), p.getInteriorRingN(h).getCoordinates());
                    }
                }
            }
        }
        ObjectNode fc = JSON.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        for (var e : areas.entrySet()) {
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            f.putObject("properties").put("name", e.getKey());
            ObjectNode geom = f.putObject("geometry");
            geom.put("type", "MultiPolygon");
            geom.set("coordinates", e.getValue());
        }
        return fc;
    }

    private static void ring(ArrayNode out, Coordinate[] cs) {
        for (Coordinate c : cs) {
            out.addArray().add(Math.round(c.x * 1e6) / 1e6).add(Math.round(c.y * 1e6) / 1e6);
        }
    }

    private static ObjectNode error(String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("error", message);
        return n;
    }

    private void staticFile(HttpExchange ex, String resource, String type) throws IOException {
        try (InputStream in = DashboardServer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                send(ex, 404, "text/plain", ("missing " + resource).getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(ex, 200, type, in.readAllBytes());
        }
    }

    private static void json(HttpExchange ex, int status, JsonNode body) throws IOException {
        send(ex, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** Query-string parameters; a repeated name is bad input, not silently the last one. */
    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String kv : raw.split("&")) {
            int i = kv.indexOf('=');
            String k = URLDecoder.decode(i < 0 ? kv : kv.substring(0, i), StandardCharsets.UTF_8);
            String v = i < 0 ? "" : URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8);
            if (out.put(k, v) != null) {
                throw new IllegalArgumentException("parameter " + k + " given twice");
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}

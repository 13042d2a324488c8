package io.gridpulse.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gridpulse.demo.city.Catalog;
import io.gridpulse.demo.city.Category;
import io.gridpulse.demo.city.CityMap;
import io.gridpulse.demo.city.CityMapBuilder;
import io.gridpulse.demo.city.Department;
import io.gridpulse.demo.city.GeoJson;
import io.gridpulse.demo.city.WorkCalendar;
import io.gridpulse.demo.feed.BadLines;
import io.gridpulse.demo.feed.CaseFeed;
import io.gridpulse.demo.feed.FeedStats;
import io.gridpulse.demo.feed.FeedWriter;
import io.gridpulse.demo.feed.JsonObject;
import io.gridpulse.demo.feed.JsonText;
import io.gridpulse.demo.feed.SensorFeed;
import io.gridpulse.demo.feed.VehicleFeed;
import io.gridpulse.domain.codec.ReasonCode;
import io.gridpulse.domain.model.CaseEventType;
import io.gridpulse.domain.model.Feed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The demo city: generates a realistic city, its reference data and its feeds into a folder, with
 * a manifest of exactly what was written (the oracle of integration tests). Deterministic: the
 * same options give byte-identical files. Stateless; {@link #generate} may run concurrently into
 * different folders.
 */
public final class DemoCity {

    /** What {@link #generate} wrote: the city model and each feed's figures (also in manifest.json). */
    public record Result(CityMap city, Map<String, FeedStats> feeds, Map<String, Object> manifest) {}

    private DemoCity() {}

    public static Result generate(DemoOptions o, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        CityMap city = new CityMapBuilder(o.seed(), o.gridSites()).build();
        List<Category> categories = Catalog.categories();
        List<Department> departments = Catalog.departments(
                city.streets.stream().map(CityMap.Street::name).toList());
        WorkCalendar calendar = new WorkCalendar();

        writeGrids(city, outDir.resolve("grids.geojson"));
        writeZones(city, outDir.resolve("zones.geojson"));
        write(outDir.resolve("catalog.csv"), Catalog.categoriesCsv(categories));
        write(outDir.resolve("departments.csv"), Catalog.departmentsCsv(departments));
        write(outDir.resolve("calendar.json"), calendar.toJson());
        write(outDir.resolve("sensor-rules.csv"), SensorFeed.RULES_CSV);

        Map<String, FeedStats> feeds = new LinkedHashMap<>();
        SplittableRandom noise = new SplittableRandom(o.seed() ^ 0x0B5E55EDL);

        CaseFeed cases = new CaseFeed(city, categories, departments, calendar, o.month(), o.seed()).generate(o.cases());
        feeds.put("cases", writeCases(o, cases, categories, outDir, noise.split()));

        LocalDate vehicleDay = o.month().atDay(o.vehicleFirstDay());
        VehicleFeed vehicles = new VehicleFeed(city, vehicleDay, o.seed()).fleet(o.vehicles());
        int vehicleDays = (int) Math.min(o.vehicleDays(), o.month().lengthOfMonth() - o.vehicleFirstDay() + 1L);
        vehicles.positions(vehicleDays);
        write(outDir.resolve("vehicles-ref.csv"), vehicles.referenceCsv());
        feeds.put(
                "vehicles",
                writeSimple(
                        Feed.VEHICLES, o, vehicles, vehicles::sample, outDir.resolve("vehicles.jsonl"), noise.split()));

        LocalDate sensorDay = o.month().atDay(o.sensorFirstDay());
        int sensorDays = (int) Math.min(o.sensorDays(), o.month().lengthOfMonth() - o.sensorFirstDay() + 1L);
        SensorFeed sensors = new SensorFeed(city, sensorDay, o.seed())
                .install(o.sensors(), o.sensorIntervalMinSeconds(), o.sensorIntervalMaxSeconds())
                .readings(sensorDays);
        write(outDir.resolve("sensors-ref.csv"), sensors.referenceCsv());
        feeds.put(
                "sensors",
                writeSimple(Feed.SENSORS, o, sensors, sensors::sample, outDir.resolve("sensors.jsonl"), noise.split()));

        Map<String, Object> manifest = manifest(o, city, categories, departments, feeds, cases, vehicles, sensors);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        write(outDir.resolve("manifest.json"), mapper.writeValueAsString(manifest) + "\n");
        write(outDir.resolve("README.md"), DemoReadme.text(o, city, categories, departments, feeds));
        return new Result(city, feeds, manifest);
    }

    private static FeedStats writeCases(
            DemoOptions o, CaseFeed cases, List<Category> categories, Path outDir, SplittableRandom r)
            throws IOException {
        List<CaseFeed.Ev> events = cases.events();
        int valid = events.size();
        int badCount = (int) Math.round(o.badShare() * valid / (1 - o.badShare()));
        Map<ReasonCode, Integer> plan = BadLines.allocate(BadLines.weights(Feed.CASES), badCount, r);
        long first = events.stream().mapToLong(CaseFeed.Ev::time).min().orElse(0);
        long last = events.stream().mapToLong(CaseFeed.Ev::time).max().orElse(0);
        BadLines maker = new BadLines(Feed.CASES, r, first, last);
        Set<String> codes = categories.stream().map(Category::code).collect(Collectors.toSet());
        List<CaseFeed.Ev> reported =
                events.stream().filter(e -> e.type() == CaseEventType.REPORTED).toList();
        List<CaseFeed.Ev> dispatched = events.stream()
                .filter(e -> e.type() == CaseEventType.DISPATCHED)
                .toList();
        int[] fresh = {0};
        java.util.function.Supplier<JsonObject> reportedBase =
                () -> freshIds(CaseFeed.toObject(reported.get(r.nextInt(reported.size()))), ++fresh[0]);
        java.util.function.Supplier<JsonObject> dispatchedBase = () -> {
            JsonObject d = freshIds(CaseFeed.toObject(dispatched.get(r.nextInt(dispatched.size()))), ++fresh[0]);
            long t = java.time.OffsetDateTime.parse(d.string("time")).toEpochSecond();
            return d.put("deadline", JsonText.time(t + 7200));
        };
        List<FeedWriter.BadLine> bad = new ArrayList<>();
        List<FeedWriter.Conflict> conflicts = new ArrayList<>();
        Set<Integer> conflicted = new HashSet<>();
        for (Map.Entry<ReasonCode, Integer> e : plan.entrySet()) {
            for (int k = 0; k < e.getValue(); k++) {
                if (e.getKey() == ReasonCode.DUPLICATE_CONFLICT) {
                    int i;
                    do {
                        i = r.nextInt(valid);
                    } while (!conflicted.add(i));
                    conflicts.add(new FeedWriter.Conflict(
                            i, conflicting(events.get(i), k).getBytes(StandardCharsets.UTF_8)));
                } else {
                    bad.add(maker.make(e.getKey(), reportedBase, dispatchedBase, codes));
                }
            }
        }
        if (o.oversizedLine()) {
            bad.add(maker.tooLarge(reportedBase.get()));
        }
        return FeedWriter.write(
                outDir.resolve("cases.jsonl"),
                cases,
                bad,
                conflicts,
                o.redeliveryShare(),
                o.outOfOrderShare(),
                o.outOfOrderMaxSeconds(),
                r);
    }

    /** The same eventId with a different payload: a corrected description or a shifted time. */
    private static String conflicting(CaseFeed.Ev e, int k) {
        CaseFeed.Ev changed = k % 2 == 0
                ? e.withDescription((e.description() == null ? "" : e.description()) + "（内容已更正）")
                : e.shiftedBy(120);
        StringBuilder sb = new StringBuilder();
        CaseFeed.render(changed, sb);
        return sb.toString();
    }

    /** Bad case lines get ids no valid event has (a fifth digit in the daily sequence). */
    private static JsonObject freshIds(JsonObject o, int n) {
        String caseId = o.string("caseId").substring(0, 10) + String.format("9%04d", n);
        return o.put("eventId", caseId + "-01").put("caseId", caseId);
    }

    private static FeedStats writeSimple(
            Feed feed,
            DemoOptions o,
            FeedWriter.Records records,
            java.util.function.Supplier<JsonObject> sample,
            Path file,
            SplittableRandom r)
            throws IOException {
        int valid = records.size();
        int badCount = valid == 0 ? 0 : (int) Math.round(o.badShare() * valid / (1 - o.badShare()));
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < valid; i++) {
            first = Math.min(first, records.time(i));
            last = Math.max(last, records.time(i));
        }
        List<FeedWriter.BadLine> bad = new ArrayList<>();
        if (badCount > 0) {
            BadLines maker = new BadLines(feed, r, first, last);
            for (Map.Entry<ReasonCode, Integer> e :
                    BadLines.allocate(BadLines.weights(feed), badCount, r).entrySet()) {
                for (int k = 0; k < e.getValue(); k++) {
                    bad.add(maker.make(e.getKey(), sample, null, Set.of()));
                }
            }
        }
        return FeedWriter.write(
                file, records, bad, List.of(), o.redeliveryShare(), o.outOfOrderShare(), o.outOfOrderMaxSeconds(), r);
    }

    private static void writeGrids(CityMap city, Path file) throws IOException {
        StringBuilder sb = new StringBuilder(1 << 20);
        sb.append("{\"type\":\"FeatureCollection\",\"name\":\"")
                .append(city.name)
                .append("单元网格\",\"features\":[\n");
        for (int i = 0; i < city.grids.size(); i++) {
            CityMap.Grid g = city.grids.get(i);
            CityMap.Community c = city.communities.get(g.community());
            CityMap.Street s = city.streets.get(c.street());
            Map<String, String> props = new LinkedHashMap<>();
            props.put("code", g.code());
            props.put("name", g.name());
            props.put("community", c.name());
            props.put("street", s.name());
            props.put("district", city.districts.get(s.district()).name());
            GeoJson.feature(sb, CityMap.lonLat(g.geometry()), props);
            sb.append(i + 1 < city.grids.size() ? ",\n" : "\n");
        }
        sb.append("]}\n");
        write(file, sb.toString());
    }

    private static void writeZones(CityMap city, Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"type\":\"FeatureCollection\",\"features\":[\n");
        for (int i = 0; i < city.zones.size(); i++) {
            CityMap.Zone z = city.zones.get(i);
            Map<String, String> props = new LinkedHashMap<>();
            props.put("id", z.id());
            props.put("type", z.type());
            props.put("name", z.name());
            if (!z.hours().isEmpty()) {
                props.put("hours", z.hours());
            }
            GeoJson.feature(sb, CityMap.lonLat(z.geometry()), props);
            sb.append(i + 1 < city.zones.size() ? ",\n" : "\n");
        }
        sb.append("]}\n");
        write(file, sb.toString());
    }

    private static Map<String, Object> manifest(
            DemoOptions o,
            CityMap city,
            List<Category> categories,
            List<Department> departments,
            Map<String, FeedStats> feeds,
            CaseFeed cases,
            VehicleFeed vehicles,
            SensorFeed sensors) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generator", "gridpulse-demo");
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("seed", o.seed());
        opts.put("month", o.month().toString());
        opts.put("cases", o.cases());
        opts.put("vehicles", o.vehicles());
        opts.put("vehicleFirstDay", o.month().atDay(o.vehicleFirstDay()).toString());
        opts.put("vehicleDays", o.vehicleDays());
        opts.put("sensors", o.sensors());
        opts.put("sensorFirstDay", o.month().atDay(o.sensorFirstDay()).toString());
        opts.put("sensorDays", o.sensorDays());
        opts.put("sensorIntervalSeconds", List.of(o.sensorIntervalMinSeconds(), o.sensorIntervalMaxSeconds()));
        opts.put("redeliveryShare", o.redeliveryShare());
        opts.put("outOfOrderShare", o.outOfOrderShare());
        opts.put("outOfOrderMaxSeconds", o.outOfOrderMaxSeconds());
        opts.put("badShare", o.badShare());
        opts.put("oversizedLine", o.oversizedLine());
        opts.put("gridSites", o.gridSites());
        m.put("options", opts);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", city.name);
        c.put("centre", List.of(CityMap.ORIGIN_LON, CityMap.ORIGIN_LAT));
        c.put("areaKm2", Math.round(city.boundary.getArea() / 1e4) / 100.0);
        c.put("districts", city.districts.size());
        c.put("streets", city.streets.size());
        c.put("communities", city.communities.size());
        c.put("grids", city.grids.size());
        c.put("categories", categories.size());
        c.put("departments", departments.size());
        c.put("vehicles", vehicles.vehicles().size());
        c.put("sensors", sensors.sensors().size());
        c.put("zones", city.zones.size());
        m.put("city", c);
        Map<String, Object> f = new LinkedHashMap<>();
        for (Map.Entry<String, FeedStats> e : feeds.entrySet()) {
            FeedStats s = e.getValue();
            Map<String, Object> fs = new LinkedHashMap<>();
            fs.put("file", s.file());
            fs.put("lines", s.lines());
            fs.put("distinctValid", s.distinctValid());
            fs.put("redeliveries", s.redeliveries());
            fs.put("delayed", s.delayed());
            fs.put("badTotal", s.badTotal());
            fs.put("bad", s.bad());
            fs.put("firstTime", s.firstTime());
            fs.put("lastTime", s.lastTime());
            f.put(e.getKey(), fs);
        }
        m.put("feeds", f);
        Map<String, Object> planned = new LinkedHashMap<>();
        planned.put("cases", new TreeMap<>(cases.counters()));
        planned.put("vehicles", new TreeMap<>(vehicles.counters()));
        planned.put("sensors", new TreeMap<>(sensors.counters()));
        m.put("planned", planned);
        return m;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}

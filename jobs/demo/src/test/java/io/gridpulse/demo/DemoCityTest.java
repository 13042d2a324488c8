package io.gridpulse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.demo.city.Catalog;
import io.gridpulse.demo.city.Category;
import io.gridpulse.demo.city.CityMap;
import io.gridpulse.demo.city.CityMapBuilder;
import io.gridpulse.demo.city.WorkCalendar;
import io.gridpulse.demo.feed.CaseFeed;
import io.gridpulse.domain.model.CaseEventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small preset end to end: determinism, and the manifest re-derived from the files. */
class DemoCityTest {

    @TempDir
    static Path tmp;

    private static Path out;
    private static DemoCity.Result result;
    private static JsonNode manifest;

    @BeforeAll
    static void generate() throws IOException {
        out = tmp.resolve("a");
        result = DemoCity.generate(DemoOptions.small(), out);
        manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    }

    @Test
    void sameOptionsGiveByteIdenticalFiles() throws IOException {
        Path again = tmp.resolve("b");
        DemoCity.generate(DemoOptions.small(), again);
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.sorted().toList();
        }
        assertThat(files).hasSize(13);
        for (Path f : files) {
            assertThat(Files.mismatch(f, again.resolve(f.getFileName())))
                    .as("%s differs", f.getFileName())
                    .isEqualTo(-1L);
        }
    }

    @Test
    void anotherSeedGivesAnotherFeed() throws IOException {
        Path other = tmp.resolve("c");
        DemoCity.generate(DemoOptions.small().toBuilder().seed(7).build(), other);
        assertThat(Files.mismatch(out.resolve("cases.jsonl"), other.resolve("cases.jsonl")))
                .isNotEqualTo(-1L);
    }

    @Test
    void manifestCountsMatchTheFilesReadBack() throws IOException {
        Set<String> categories = Files.readAllLines(out.resolve("catalog.csv")).stream()
                .skip(1)
                .map(l -> l.split(",")[0])
                .collect(Collectors.toSet());
        for (String feed : List.of("cases", "vehicles", "sensors")) {
            FeedOracle o = FeedOracle.read(out.resolve(feed + ".jsonl"), feed, categories);
            JsonNode m = manifest.path("feeds").path(feed);
            assertThat(m.path("lines").asLong()).as("%s lines", feed).isEqualTo(o.lines);
            assertThat(m.path("distinctValid").asLong())
                    .as("%s distinct valid", feed)
                    .isEqualTo(o.valid.size());
            Map<String, Long> expected = new TreeMap<>();
            m.path("bad")
                    .fields()
                    .forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asLong()));
            assertThat(o.bad).as("%s bad lines by reason", feed).isEqualTo(expected);
            assertThat(o.valid.size()
                            + o.bad.values().stream().mapToLong(Long::longValue).sum())
                    .as("%s: every line is valid, a redelivery or bad", feed)
                    .isEqualTo(o.lines - m.path("redeliveries").asLong());
        }
    }

    @Test
    void everyFeedHasNoiseOfEachKind() {
        for (String feed : List.of("cases", "vehicles", "sensors")) {
            JsonNode m = manifest.path("feeds").path(feed);
            assertThat(m.path("redeliveries").asLong()).as(feed).isPositive();
            assertThat(m.path("delayed").asLong()).as(feed).isPositive();
            assertThat(m.path("bad").size()).as(feed).isGreaterThanOrEqualTo(8);
        }
        assertThat(manifest.path("feeds").path("cases").path("bad").has("DUPLICATE_CONFLICT"))
                .isTrue();
        assertThat(manifest.path("feeds").path("cases").path("bad").has("TOO_LARGE"))
                .isFalse();
    }

    private static final java.util.regex.Pattern TIME = java.util.regex.Pattern.compile(
            "^\\{\"vehicleId\":\"V[0-9]+\",\"time\":\"(2026-[0-9]{2}-[0-9]{2}T[0-9:]{8}\\+08:00)\"");

    @Test
    void linesAreOutOfOrderSomewhere() throws IOException {
        List<String> times = Files.readAllLines(
                        out.resolve("vehicles.jsonl"), java.nio.charset.StandardCharsets.ISO_8859_1)
                .stream() // has invalid UTF-8 lines
                .map(TIME::matcher)
                .filter(java.util.regex.Matcher::find)
                .map(m -> m.group(1))
                .toList();
        int inversions = 0;
        for (int i = 1; i < times.size(); i++) {
            if (times.get(i).compareTo(times.get(i - 1)) < 0) {
                inversions++;
            }
        }
        assertThat(inversions).isPositive().isLessThan(times.size() / 10);
    }

    /** Allowed successors in a case's life, before the feed is shuffled. */
    private static final Map<CaseEventType, Set<CaseEventType>> NEXT = Map.ofEntries(
            Map.entry(
                    CaseEventType.REPORTED,
                    Set.of(CaseEventType.VERIFIED, CaseEventType.REGISTERED, CaseEventType.CANCELLED)),
            Map.entry(CaseEventType.VERIFIED, Set.of(CaseEventType.REGISTERED, CaseEventType.CANCELLED)),
            Map.entry(CaseEventType.REGISTERED, Set.of(CaseEventType.DISPATCHED)),
            Map.entry(
                    CaseEventType.DISPATCHED,
                    Set.of(
                            CaseEventType.RETURNED,
                            CaseEventType.DISPOSED,
                            CaseEventType.POSTPONED,
                            CaseEventType.SUSPENDED,
                            CaseEventType.SUPERVISED)),
            Map.entry(CaseEventType.RETURNED, Set.of(CaseEventType.DISPATCHED)),
            Map.entry(CaseEventType.POSTPONED, Set.of(CaseEventType.DISPOSED, CaseEventType.SUPERVISED)),
            Map.entry(CaseEventType.SUSPENDED, Set.of(CaseEventType.RESUMED)),
            Map.entry(CaseEventType.RESUMED, Set.of(CaseEventType.DISPOSED, CaseEventType.SUPERVISED)),
            Map.entry(CaseEventType.SUPERVISED, Set.of(CaseEventType.DISPOSED)),
            Map.entry(CaseEventType.DISPOSED, Set.of(CaseEventType.CHECKED, CaseEventType.REWORK)),
            Map.entry(CaseEventType.REWORK, Set.of(CaseEventType.DISPOSED)),
            Map.entry(CaseEventType.CHECKED, Set.of(CaseEventType.CLOSED)),
            Map.entry(CaseEventType.CLOSED, Set.of()),
            Map.entry(CaseEventType.CANCELLED, Set.of()));

    @Test
    void everyCaseFollowsTheWorkflowInTimeOrder() {
        CityMap city = new CityMapBuilder(
                        DemoOptions.small().seed(), DemoOptions.small().gridSites())
                .build();
        List<Category> cats = Catalog.categories();
        CaseFeed feed = new CaseFeed(
                        city,
                        cats,
                        Catalog.departments(
                                city.streets.stream().map(CityMap.Street::name).toList()),
                        new WorkCalendar(),
                        DemoOptions.small().month(),
                        99)
                .generate(2000);
        Map<String, List<CaseFeed.Ev>> byCase = feed.events().stream()
                .collect(Collectors.groupingBy(CaseFeed.Ev::caseId, TreeMap::new, Collectors.toList()));
        assertThat(byCase).hasSize(2000);
        Set<CaseEventType> seen = new HashSet<>();
        for (List<CaseFeed.Ev> events : byCase.values()) {
            assertThat(events.get(0).type()).isEqualTo(CaseEventType.REPORTED);
            for (int i = 1; i < events.size(); i++) {
                CaseFeed.Ev prev = events.get(i - 1);
                CaseFeed.Ev e = events.get(i);
                seen.add(e.type());
                assertThat(e.time())
                        .as("%s after %s", e.eventId(), prev.eventId())
                        .isGreaterThan(prev.time());
                assertThat(NEXT.get(prev.type()))
                        .as("%s -> %s in %s", prev.type(), e.type(), e.caseId())
                        .contains(e.type());
                if (e.deadline() > 0) {
                    assertThat(e.deadline()).as("deadline of %s", e.eventId()).isGreaterThan(e.time());
                }
                if (e.type() == CaseEventType.RETURNED) {
                    assertThat(e.department()).isEqualTo(prev.department());
                }
            }
        }
        assertThat(seen).containsAll(List.of(CaseEventType.values()).subList(1, CaseEventType.values().length));
    }

    @Test
    void publicReportsAreVerifiedAndSomeUseOffsetCoordinates() throws IOException {
        List<JsonNode> reported = FeedOracle.read(
                        out.resolve("cases.jsonl"),
                        "cases",
                        Catalog.categories().stream().map(Category::code).collect(Collectors.toSet()))
                .valid
                .stream()
                .filter(n -> n.path("type").asText().equals("REPORTED"))
                .toList();
        assertThat(reported)
                .extracting(n -> n.path("source").asText())
                .contains("INSPECTOR", "HOTLINE_12345", "VIDEO", "PUBLIC_APP");
        assertThat(reported)
                .filteredOn(n -> n.has("crs"))
                .allMatch(n -> n.path("source").asText().equals("PUBLIC_APP"));
        assertThat(reported)
                .filteredOn(n -> n.has("reporterPhone"))
                .allMatch(n -> n.path("source").asText().startsWith("HOTLINE_"))
                .isNotEmpty();
    }

    @Test
    void smallPresetIsQuickOnceWarm() throws IOException {
        long t0 = System.nanoTime();
        DemoCity.generate(DemoOptions.small(), tmp.resolve("quick"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("small preset generated in " + ms + " ms");
        assertThat(ms).isLessThan(3000);
    }
}

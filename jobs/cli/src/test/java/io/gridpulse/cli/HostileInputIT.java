package io.gridpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.clickhouse.ClickHouseConnections;
import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.demo.DemoCity;
import io.gridpulse.demo.DemoOptions;
import io.gridpulse.domain.codec.ReasonCode;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.flink.PhoneKey;
import io.gridpulse.flink.common.FeedDecoders;
import io.gridpulse.flink.common.FeedRecord;
import io.gridpulse.flink.common.ReferenceData;
import io.gridpulse.stack.Endpoints;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input through the real `process` pipeline (Kafka, Flink, ClickHouse), contracts.md
 * "Bad input": 10,000 hostile lines per feed ({@link HostileLines}) mixed into a small city's
 * valid feeds. Every hostile line becomes exactly one `rejected` row with the reason its defect
 * calls for; a randomly mutated line becomes exactly one valid row or one rejected row, as the
 * decoder says (mutations the decoder accepts are valid lines, so they also go into the
 * reference run); no task restarts; and every other table and view equals that of a run over
 * the valid lines alone. The domain-level DecoderFuzzTest covers the decoders themselves.
 */
class HostileInputIT {

    static final int HOSTILE_PER_FEED = 10_000;

    @TempDir
    static Path dir;

    @Test
    void everyHostileLineIsOneRejectedRowAndTheValidResultsDoNotChange() throws Exception {
        Path city = dir.resolve("city");
        DemoCity.generate(
                DemoOptions.builder()
                        .cases(1_500)
                        .vehicles(10)
                        .vehicleDays(1)
                        .sensors(20)
                        .sensorFirstDay(12)
                        .sensorDays(1)
                        .badShare(0.0)
                        .oversizedLine(false)
                        .gridSites(300)
                        .build(),
                city);
        ReferenceData reference = ReferenceData.read(DemoCityFiles.reference(city));
        String phoneKey = PhoneKey.fromEnvironment(System.getenv());
        long wallClock = System.currentTimeMillis();

        Map<Feed, Path> hostileFiles = new EnumMap<>(Feed.class);
        Map<Feed, Path> validFiles = new EnumMap<>(Feed.class);
        Map<String, Long> expected = new TreeMap<>(); // feed/reason -> rejected rows the hostile lines add
        Map<String, Long> kinds = new TreeMap<>();
        long mutatedValid = 0;
        Map<String, String> mismatches = new TreeMap<>(); // the generator's reason against the decoder's
        for (Feed feed : Feed.values()) {
            List<byte[]> valid = Files.readAllLines(city.resolve(feed.code() + ".jsonl")).stream()
                    .filter(l -> !l.isBlank())
                    .map(l -> l.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .toList();
            FeedDecoders decoders = new FeedDecoders(feed, reference, phoneKey);
            List<byte[]> all = new ArrayList<>(valid);
            List<byte[]> validAlone = new ArrayList<>(valid);
            for (HostileLines.Hostile h :
                    new HostileLines(feed, valid, 8 + feed.ordinal()).generate(HOSTILE_PER_FEED)) {
                FeedRecord decoded = decoders.decode(h.line(), wallClock, "check");
                ReasonCode reason =
                        decoded.rejection() == null ? null : decoded.rejection().reason();
                kinds.merge(feed.code() + " " + h.kind(), 1L, Long::sum);
                all.add(h.line());
                if (h.expected() != null && reason != h.expected()) {
                    mismatches.putIfAbsent(
                            feed + " " + h.kind() + ": expected " + h.expected() + ", got " + reason,
                            String.valueOf(decoded.rejection()));
                }
                if (reason == null) {
                    validAlone.add(h.line()); // an accepted mutation is a valid line
                    mutatedValid++;
                } else {
                    expected.merge(feed.code() + "/" + reason, 1L, Long::sum);
                }
            }
            Collections.shuffle(all, new Random(feed.ordinal()));
            hostileFiles.put(feed, write(dir.resolve("hostile-" + feed.code() + ".jsonl"), all));
            validFiles.put(feed, write(dir.resolve("valid-" + feed.code() + ".jsonl"), validAlone));
        }

        assertThat(mismatches)
                .as("hostile lines the decoder rejects for another reason")
                .isEmpty();

        Endpoints endpoints = SharedStack.endpoints();
        ClickHouseSettings validDb = SharedStack.freshDatabase("gp_it_valid");
        RunReport validRun = ProcessCommand.process(options(validFiles), endpoints, validDb, System.err);
        ClickHouseSettings hostileDb = SharedStack.freshDatabase("gp_it_hostile");
        RunReport hostileRun = ProcessCommand.process(options(hostileFiles), endpoints, hostileDb, System.err);

        Map<String, Long> before = rejectedByReason(validDb);
        Map<String, Long> after = rejectedByReason(hostileDb);
        Map<String, Long> added = new TreeMap<>(after);
        before.forEach((k, v) -> added.merge(k, -v, Long::sum));
        added.values().removeIf(v -> v == 0);

        System.err.printf(
                "HostileInputIT: %,d hostile lines tried (%,d per feed; %,d random mutations accepted as valid),"
                        + " restarts %d%n  by kind: %s%n  rejected rows added, by feed/reason: %s%n",
                3L * HOSTILE_PER_FEED,
                HOSTILE_PER_FEED,
                mutatedValid,
                hostileRun.result().restarts(),
                kinds,
                added);

        assertThat(hostileRun.result().restarts()).as("task restarts").isZero();
        assertThat(validRun.result().restarts()).isZero();
        assertThat(added)
                .as("rejected rows the hostile lines added, by feed/reason")
                .isEqualTo(expected);
        assertThat(expected.values().stream().mapToLong(Long::longValue).sum() + mutatedValid)
                .isEqualTo(3L * HOSTILE_PER_FEED);

        // Personal data: no mobile number in clear in any rejected row (raw text or detail), and
        // the case events keep only the keyed hash of reporterPhone.
        String mobile = "'(^|[^0-9])1[3-9][0-9]{9}([^0-9]|$)'";
        assertThat(scalar(
                        hostileDb,
                        "SELECT count() FROM " + hostileDb.database() + ".rejected WHERE match(raw, " + mobile
                                + ") OR match(detail, " + mobile + ")"))
                .isZero();
        assertThat(scalar(
                        hostileDb,
                        "SELECT count() FROM " + hostileDb.database() + ".rejected WHERE feed = 'cases'"
                                + " AND position(raw, 'reporterPhone') > 0"))
                .as("rejected cases that carried a phone (the check above is not vacuous)")
                .isPositive();
        assertThat(scalar(
                        hostileDb,
                        "SELECT countIf(NOT match(reporter_phone_hash, '^([0-9a-f]{64})?$')) FROM "
                                + hostileDb.database() + ".case_events"))
                .isZero();

        Map<String, List<String>> validTables = DatabaseSnapshot.of(validDb);
        Map<String, List<String>> hostileTables = DatabaseSnapshot.of(hostileDb);
        assertThat(hostileTables.keySet()).isEqualTo(validTables.keySet());
        for (String table : validTables.keySet()) {
            if (!table.startsWith("rejected ")) {
                assertThat(hostileTables.get(table)).as(table).containsExactlyElementsOf(validTables.get(table));
            }
        }
    }

    private static ProcessOptions options(Map<Feed, Path> files) {
        return new ProcessOptions(
                files.get(Feed.CASES),
                files.get(Feed.VEHICLES),
                files.get(Feed.SENSORS),
                DemoCityFiles.reference(dir.resolve("city")),
                null,
                false,
                2);
    }

    private static Path write(Path file, List<byte[]> lines) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            for (byte[] l : lines) {
                out.write(l);
                out.write('\n');
            }
        }
        return file;
    }

    private static long scalar(ClickHouseSettings ch, String sql) throws Exception {
        try (Connection c = ClickHouseConnections.open(ch);
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Long> rejectedByReason(ClickHouseSettings ch) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = ClickHouseConnections.open(ch);
                PreparedStatement ps = c.prepareStatement("SELECT feed, reason, count() FROM " + ch.database()
                        + ".rejected FINAL GROUP BY feed, reason")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
                }
            }
        }
        return out;
    }
}

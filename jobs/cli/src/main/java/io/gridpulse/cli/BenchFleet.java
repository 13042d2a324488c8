package io.gridpulse.cli;

import io.gridpulse.domain.codec.IsoTime;
import io.gridpulse.domain.grid.Grid;
import io.gridpulse.flink.common.ReferenceData;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import org.locationtech.jts.geom.Point;

/**
 * The end-to-end benchmark's fleet: 2,000 vehicles drive from grid to grid of the demo city
 * (towards a random grid's centroid at 20-50 km/h), one position every 10 s, all vehicles at each
 * tick, so positions come in time order. Seeded: the same count gives the same positions.
 */
final class BenchFleet {

    static final int VEHICLES = 2_000;
    private static final String[] TYPES = {"MUCK", "SWEEPER", "GARBAGE", "SPRINKLER", "PATROL"};
    private static final int TICK_SECONDS = 10;
    private static final long START = Instant.parse("2026-10-12T00:00:00Z").toEpochMilli();

    private final double[][] targets;

    BenchFleet(ReferenceData reference) {
        List<Grid> grids = reference.gridSet().grids();
        targets = new double[grids.size()][];
        for (int i = 0; i < grids.size(); i++) {
            Point c = grids.get(i).geometry().getCentroid();
            targets[i] = new double[] {c.getX(), c.getY()};
        }
    }

    /**
     * Gives {@code events} positions to {@code sink} as (vehicle id, JSON) in UTF-8; returns the
     * latest event time.
     */
    long generate(long events, BiConsumer<byte[], byte[]> sink) {
        Random rnd = new Random(42);
        double[] lon = new double[VEHICLES];
        double[] lat = new double[VEHICLES];
        int[] target = new int[VEHICLES];
        double[] kmh = new double[VEHICLES];
        byte[][] keys = new byte[VEHICLES][];
        String[] prefix = new String[VEHICLES];
        for (int v = 0; v < VEHICLES; v++) {
            int g = rnd.nextInt(targets.length);
            lon[v] = targets[g][0];
            lat[v] = targets[g][1];
            target[v] = rnd.nextInt(targets.length);
            kmh[v] = 20 + rnd.nextInt(30);
            String id = String.format("BV%05d", v);
            keys[v] = id.getBytes(StandardCharsets.UTF_8);
            prefix[v] = "{\"vehicleId\":\"" + id + "\",\"vehicleType\":\"" + TYPES[v % TYPES.length]
                    + "\",\"plate\":\"陕K" + String.format("%05d", v) + "\",\"time\":\"";
        }
        long sent = 0;
        long time = START;
        StringBuilder b = new StringBuilder(256);
        for (int tick = 0; sent < events; tick++) {
            time = START + tick * TICK_SECONDS * 1000L;
            String t = IsoTime.format(time);
            for (int v = 0; v < VEHICLES && sent < events; v++) {
                double step = kmh[v] * TICK_SECONDS / 3600.0; // km this tick
                double dx = (targets[target[v]][0] - lon[v]) * 111.32 * Math.cos(Math.toRadians(lat[v]));
                double dy = (targets[target[v]][1] - lat[v]) * 110.57;
                double dist = Math.sqrt(dx * dx + dy * dy);
                double heading = (Math.toDegrees(Math.atan2(dx, dy)) + 360) % 360;
                if (dist <= step) {
                    lon[v] = targets[target[v]][0];
                    lat[v] = targets[target[v]][1];
                    target[v] = rnd.nextInt(targets.length);
                } else {
                    lon[v] += dx / dist * step / (111.32 * Math.cos(Math.toRadians(lat[v])));
                    lat[v] += dy / dist * step / 110.57;
                }
                b.setLength(0);
                b.append(prefix[v]).append(t).append("\",\"lon\":");
                b.append(Math.round(lon[v] * 1e6) / 1e6).append(",\"lat\":").append(Math.round(lat[v] * 1e6) / 1e6);
                b.append(",\"speed\":").append(kmh[v]).append(",\"heading\":").append(Math.round(heading));
                b.append('}');
                sink.accept(keys[v], b.toString().getBytes(StandardCharsets.UTF_8));
                sent++;
            }
        }
        return time;
    }
}

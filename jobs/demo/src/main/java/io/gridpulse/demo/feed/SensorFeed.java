package io.gridpulse.demo.feed;

import io.gridpulse.demo.city.CityMap;
import io.gridpulse.demo.city.CityMap.Grid;
import io.gridpulse.demo.city.CityMap.Place;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The sensors and their readings: bin fill levels that rise through the day and drop at
 * collection, manhole cover tilt, bridge strain following traffic, water level in underpasses,
 * noise and PM10 with their daily cycles; alarm episodes (overflowing bins, a tilted cover, high
 * water after rain, night construction noise, dust, overloaded trucks on bridges) and a silent
 * sensor or two. Each sensor reports at its own interval; its times strictly increase. Not
 * thread-safe.
 */
public final class SensorFeed implements FeedWriter.Records {

    /** A sensor of the reference file. Immutable. */
    public record Sensor(
            String sensorId,
            String type,
            double x,
            double y,
            int intervalSeconds,
            String unit,
            int decimals,
            boolean sendsLocation) {}

    /** The sensor rules (sensor-rules.csv) that fire on the generated episodes. */
    public static final String RULES_CSV = "type,operator,threshold,consecutive,severity,categoryCode\n"
            + "BIN_FILL,>=,90,3,WARNING,10302\n"
            + "MANHOLE_TILT,>,10,2,CRITICAL,10102\n"
            + "BRIDGE_STRAIN,>,500,2,CRITICAL,\n"
            + "WATER_LEVEL,>=,0.25,2,CRITICAL,20405\n"
            + "NOISE,>,85,3,WARNING,20301\n"
            + "PM10,>,250,4,WARNING,20302\n";

    private final CityMap city;
    private final SplittableRandom r;
    private final long base;
    private final List<Sensor> sensors = new ArrayList<>();
    private final Columns col = new Columns();
    private final Map<String, Long> counters = new TreeMap<>();

    public SensorFeed(CityMap city, LocalDate firstDay, long seed) {
        this.city = city;
        this.r = new SplittableRandom(seed ^ 0x5E4503L);
        this.base = firstDay.atStartOfDay().toEpochSecond(JsonText.CST);
    }

    public List<Sensor> sensors() {
        return sensors;
    }

    public Map<String, Long> counters() {
        return counters;
    }

    public SensorFeed install(int n, int minInterval, int maxInterval) {
        String[] types = {"BIN_FILL", "MANHOLE_TILT", "NOISE", "PM10", "WATER_LEVEL", "BRIDGE_STRAIN"};
        double[] share = {0.36, 0.24, 0.12, 0.12, 0.08, 0.08};
        double[][] bridges = new double[5][];
        for (int b = 0; b < bridges.length; b++) {
            bridges[b] = new double[] {-5000 + 2500 * b, -800 + r.nextInt(600)};
        }
        List<Place> busy =
                city.places.stream().filter(p -> !p.kind().equals("SCHOOL")).toList();
        List<Place> sites = city.places.stream()
                .filter(p -> p.kind().equals("CONSTRUCTION"))
                .toList();
        for (int i = 0; i < n; i++) {
            double x = r.nextDouble();
            int t = 0;
            for (; t < types.length - 1; t++) {
                x -= share[t];
                if (x < 0) {
                    break;
                }
            }
            String type = types[t];
            double[] p;
            switch (type) {
                case "BIN_FILL" -> {
                    Place pl = busy.get(r.nextInt(busy.size()));
                    p = r.nextBoolean() ? around(pl.x(), pl.y(), pl.radius()) : randomPoint();
                }
                case "NOISE", "PM10" -> {
                    Place pl = sites.get(r.nextInt(sites.size()));
                    p = r.nextBoolean() ? around(pl.x(), pl.y(), 150) : randomPoint();
                }
                case "BRIDGE_STRAIN" -> {
                    double[] b = bridges[r.nextInt(bridges.length)];
                    p = new double[] {b[0] + r.nextGaussian() * 40, b[1] + r.nextGaussian() * 10};
                }
                default -> p = randomPoint();
            }
            int interval = 60 * ((minInterval + r.nextInt(maxInterval - minInterval + 1)) / 60);
            interval = Math.max(60, Math.max(minInterval, interval));
            String unit =
                    switch (type) {
                        case "BIN_FILL" -> "%";
                        case "MANHOLE_TILT" -> "deg";
                        case "NOISE" -> "dB";
                        case "PM10" -> "ug/m3";
                        case "WATER_LEVEL" -> "m";
                        default -> "microstrain";
                    };
            int decimals =
                    switch (type) {
                        case "PM10" -> 0;
                        case "MANHOLE_TILT" -> 2;
                        case "WATER_LEVEL" -> 3;
                        default -> 1;
                    };
            sensors.add(new Sensor(
                    String.format("S%04d", i + 1),
                    type,
                    p[0],
                    p[1],
                    interval,
                    unit,
                    decimals,
                    type.equals("NOISE") || type.equals("PM10")));
        }
        return this;
    }

    private double[] around(double cx, double cy, double radius) {
        for (int k = 0; k < 50; k++) {
            double x = cx + r.nextGaussian() * radius;
            double y = cy + r.nextGaussian() * radius;
            if (city.contains(x, y)) {
                return new double[] {x, y};
            }
        }
        return new double[] {cx, cy};
    }

    private double[] randomPoint() {
        Grid g = city.grids.get(r.nextInt(city.grids.size()));
        var c = g.geometry().getInteriorPoint().getCoordinate();
        return around(c.x, c.y, 60);
    }

    public String referenceCsv() {
        StringBuilder sb = new StringBuilder("sensorId,type,lon,lat,intervalSeconds\n");
        for (Sensor s : sensors) {
            sb.append(s.sensorId()).append(',').append(s.type()).append(',');
            JsonText.fixed(sb, CityMap.lon(s.x()), 6);
            sb.append(',');
            JsonText.fixed(sb, CityMap.lat(s.y()), 6);
            sb.append(',').append(s.intervalSeconds()).append('\n');
        }
        return sb.toString();
    }

    // ---- records ---------------------------------------------------------------------------

    @Override
    public int size() {
        return col.size;
    }

    @Override
    public long time(int i) {
        return base + col.time[i];
    }

    @Override
    public void render(int i, StringBuilder sb) {
        Sensor s = sensors.get(col.owner[i]);
        sb.append('{');
        JsonText.field(sb, "sensorId", s.sensorId());
        JsonText.fieldTime(sb, "time", base + col.time[i]);
        JsonText.field(sb, "type", s.type());
        JsonText.fieldNumber(sb, "value", col.a[i], s.decimals());
        JsonText.field(sb, "unit", s.unit());
        if (s.sendsLocation()) {
            JsonText.fieldNumber(sb, "lon", CityMap.lon(s.x()), 6);
            JsonText.fieldNumber(sb, "lat", CityMap.lat(s.y()), 6);
        }
        sb.append('}');
    }

    /** A fresh valid reading object, for building bad lines. */
    public JsonObject sample() {
        int i = r.nextInt(Math.max(1, col.size));
        Sensor s = sensors.get(col.owner[i]);
        JsonObject o = new JsonObject();
        o.put("sensorId", s.sensorId());
        o.put("time", JsonText.time(base + col.time[i] + 1 + r.nextInt(30)));
        o.put("type", s.type());
        o.putNumber("value", col.a[i], s.decimals());
        o.put("unit", s.unit());
        return o;
    }

    // ---- readings ------------------------------------------------------------------------------

    public SensorFeed readings(int days) {
        long span = days * 86_400L;
        // two rain storms: water rises in the underpasses for some hours
        long[] rain = {(long) (span * 0.42), (long) (span * 0.72)};
        int silentA = sensors.size() >= 20 ? 7 : -1;
        int silentB = sensors.size() >= 20 ? sensors.size() - 3 : -1;
        for (int i = 0; i < sensors.size(); i++) {
            Sensor s = sensors.get(i);
            long end = (i == silentA || i == silentB) ? (long) (span * (i == silentA ? 0.4 : 0.65)) : span;
            if (end < span) {
                counters.merge("silentSensors", 1L, Long::sum);
            }
            Episodes ep = episodes(s, span);
            double level = 0.3 + r.nextDouble() * 0.7; // personality of this sensor
            int collectAt = (6 + r.nextInt(3)) * 3600 + r.nextInt(3600);
            double fillPerHour = (40 + r.nextDouble() * 45) / 22.0;
            for (long t = r.nextInt(s.intervalSeconds()); t < end; t += s.intervalSeconds()) {
                long tt = t + r.nextInt(10);
                double hour = ((tt % 86_400) / 3600.0);
                double v =
                        switch (s.type()) {
                            case "BIN_FILL" -> {
                                double since = ((tt - collectAt) % 86_400 + 86_400) % 86_400 / 3600.0;
                                double f = 3 + since * fillPerHour * (ep.active(tt) ? 2.6 : 1.0);
                                yield clamp(f + r.nextGaussian() * 1.2, 0, 100);
                            }
                            case "MANHOLE_TILT" ->
                                ep.active(tt)
                                        ? 18 + level * 20 + r.nextGaussian()
                                        : clamp(0.4 + level + r.nextGaussian() * 0.2, 0, 90);
                            case "BRIDGE_STRAIN" -> {
                                double traffic = Math.exp(-sq(hour - 8) / 2)
                                        + Math.exp(-sq(hour - 18) / 3)
                                        + 0.3 * (hour > 6 && hour < 22 ? 1 : 0);
                                double w = 80 + 70 * level + 60 * traffic + r.nextGaussian() * 8;
                                yield ep.active(tt) ? 520 + r.nextDouble() * 120 : w;
                            }
                            case "WATER_LEVEL" -> {
                                double wl = 0.02 + 0.08 * level + Math.abs(r.nextGaussian() * 0.01);
                                for (long rs : rain) {
                                    double h = (tt - rs) / 3600.0;
                                    if (h > 0 && h < 14) {
                                        wl += (0.15 + 0.6 * level) * Math.exp(-sq(h - 3) / 8);
                                    }
                                }
                                yield wl;
                            }
                            case "NOISE" -> {
                                double day = hour >= 7 && hour < 22 ? 58 + 8 * level : 43 + 5 * level;
                                yield ep.active(tt) ? 86 + r.nextDouble() * 8 : day + r.nextGaussian() * 3;
                            }
                            default -> { // PM10
                                double cycle = 70
                                        + 40 * level
                                        + 25 * Math.exp(-sq(hour - 8) / 4)
                                        + 20 * Math.exp(-sq(hour - 20) / 6);
                                yield ep.active(tt)
                                        ? 270 + r.nextDouble() * 150
                                        : Math.max(5, cycle + r.nextGaussian() * 8);
                            }
                        };
                col.add(i, (int) tt, (float) v, 0f, 0f, (short) 0);
            }
        }
        counters.put("readings", (long) col.size);
        return this;
    }

    /** Alarm episodes of one sensor: [from, to) windows relative to the feed start. */
    private record Episodes(long[] from, long[] to) {
        boolean active(long t) {
            for (int k = 0; k < from.length; k++) {
                if (t >= from[k] && t < to[k]) {
                    return true;
                }
            }
            return false;
        }
    }

    private Episodes episodes(Sensor s, long span) {
        int days = (int) (span / 86_400);
        List<long[]> eps = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            long day = d * 86_400L;
            switch (s.type()) {
                case "BIN_FILL" -> {
                    if (r.nextDouble() < 0.03) {
                        eps.add(new long[] {day, day + 86_400});
                    }
                }
                case "MANHOLE_TILT" -> {
                    if (r.nextDouble() < 0.003) {
                        long a = day + r.nextInt(86_400);
                        eps.add(new long[] {a, a + 2 * 3600 + r.nextInt(20 * 3600)});
                    }
                }
                case "BRIDGE_STRAIN" -> {
                    if (r.nextDouble() < 0.01) {
                        long a = day + r.nextInt(86_400);
                        eps.add(new long[] {a, a + 2L * s.intervalSeconds() + 60});
                    }
                }
                case "NOISE" -> {
                    if (r.nextDouble() < 0.05) {
                        long a = day + 22 * 3600 + r.nextInt(3 * 3600);
                        eps.add(new long[] {a, a + 3600 + r.nextInt(2 * 3600)});
                    }
                }
                case "PM10" -> {
                    if (r.nextDouble() < 0.05) {
                        long a = day + 9 * 3600 + r.nextInt(6 * 3600);
                        eps.add(new long[] {a, a + 2 * 3600 + r.nextInt(3 * 3600)});
                    }
                }
                default -> {}
            }
        }
        counters.merge("episodes." + s.type(), (long) eps.size(), Long::sum);
        long[] f = new long[eps.size()];
        long[] t = new long[eps.size()];
        for (int k = 0; k < eps.size(); k++) {
            f[k] = eps.get(k)[0];
            t[k] = eps.get(k)[1];
        }
        return new Episodes(f, t);
    }

    private static double sq(double v) {
        return v * v;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}

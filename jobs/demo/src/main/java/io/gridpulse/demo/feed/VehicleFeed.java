package io.gridpulse.demo.feed;

import io.gridpulse.demo.city.CityMap;
import io.gridpulse.demo.city.CityMap.Grid;
import io.gridpulse.demo.city.CityMap.Place;
import io.gridpulse.demo.city.CityMap.Zone;
import io.gridpulse.domain.geo.CoordinateTransform;
import io.gridpulse.domain.geo.Crs;
import io.gridpulse.domain.model.VehicleType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The fleet and a window of its GPS positions. Muck trucks (渣土车) shuttle at night between
 * construction sites and disposal sites on routes that avoid the restricted zones, except a few
 * that cut through them in restricted hours and a few that stop at night outside any disposal site
 * (suspected dumping); sweepers, garbage trucks and sprinklers work their district in service
 * hours; patrol cars visit hotspots. Fixes every 10-30 s while in service, with metre-level
 * jitter, stops, gaps of 10-60 minutes, rare one-fix GPS jumps of kilometres, and one or two
 * vehicles that fall silent. Positions of one vehicle have strictly increasing times. Not
 * thread-safe.
 */
public final class VehicleFeed implements FeedWriter.Records {

    private static final String[] MUCK_COMPANIES = {"榆川市鑫达渣土运输有限公司", "榆川市顺通运输有限公司", "榆川市宏远建筑垃圾清运有限公司"};

    private final CityMap city;
    private final SplittableRandom r;
    private final long base;
    private final List<Vehicle> vehicles = new ArrayList<>();
    private final Columns col = new Columns();
    private final Map<String, Long> counters = new TreeMap<>();
    private final GeometryFactory gf = new GeometryFactory();
    private final List<Geometry> restricted = new ArrayList<>();
    private final List<Zone> disposal = new ArrayList<>();
    private final List<Place> sites = new ArrayList<>();
    private final Map<Integer, List<Grid>> gridsByDistrict = new HashMap<>();
    private final StringBuilder plateBuf = new StringBuilder();

    public VehicleFeed(CityMap city, LocalDate firstDay, long seed) {
        this.city = city;
        this.r = new SplittableRandom(seed ^ 0x7E41C1EL);
        this.base = firstDay.atStartOfDay().toEpochSecond(JsonText.CST);
        for (Zone z : city.zones) {
            if (z.type().equals("RESTRICTED")) {
                restricted.add(z.geometry().buffer(60));
            } else {
                disposal.add(z);
            }
        }
        for (Place p : city.places) {
            if (p.kind().equals("CONSTRUCTION")) {
                sites.add(p);
            }
        }
        for (Grid g : city.grids) {
            int d = city.streets
                    .get(city.communities.get(g.community()).street())
                    .district();
            gridsByDistrict.computeIfAbsent(d, k -> new ArrayList<>()).add(g);
        }
    }

    public List<Vehicle> vehicles() {
        return vehicles;
    }

    public Map<String, Long> counters() {
        return counters;
    }

    // ---- the fleet ------------------------------------------------------------------------

    public VehicleFeed fleet(int n) {
        int muck = Math.round(n / 3f);
        int sweeper = Math.round(n / 6f);
        int garbage = Math.round(n * 0.23f);
        int sprinkler = Math.round(n * 0.1f);
        int districts = city.districts.size();
        for (int i = 0; i < n; i++) {
            VehicleType t = i < muck
                    ? VehicleType.MUCK
                    : i < muck + sweeper
                            ? VehicleType.SWEEPER
                            : i < muck + sweeper + garbage
                                    ? VehicleType.GARBAGE
                                    : i < muck + sweeper + garbage + sprinkler
                                            ? VehicleType.SPRINKLER
                                            : VehicleType.PATROL;
            int district = i % districts;
            String company;
            String crs = null;
            boolean sendsType = true;
            if (t == VehicleType.MUCK) {
                int c = i % MUCK_COMPANIES.length;
                company = MUCK_COMPANIES[c];
                if (c == 2) { // this company's GPS platform sends GCJ-02 and no vehicle type
                    crs = Crs.GCJ02.name();
                    sendsType = false;
                }
            } else if (t == VehicleType.PATROL) {
                company = "榆川市城市管理综合执法局";
            } else {
                company = "榆川市环卫集团" + city.districts.get(district).name() + "分公司";
            }
            String plate =
                    String.format("陕K·%c%04d", "ABCDEFGHJKLMNPQRSTUVWXYZ".charAt(r.nextInt(24)), r.nextInt(10000));
            vehicles.add(new Vehicle(
                    String.format("V%04d", i + 1), t, plate, company, district, crs, sendsType, i % 2 == 0));
        }
        return this;
    }

    public String referenceCsv() {
        StringBuilder sb = new StringBuilder("vehicleId,type,plate,company\n");
        for (Vehicle v : vehicles) {
            sb.append(v.vehicleId())
                    .append(',')
                    .append(v.type())
                    .append(',')
                    .append(v.plate())
                    .append(',')
                    .append(v.company())
                    .append('\n');
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
        Vehicle v = vehicles.get(col.owner[i]);
        double lon = CityMap.lon(col.a[i]);
        double lat = CityMap.lat(col.b[i]);
        sb.append('{');
        JsonText.field(sb, "vehicleId", v.vehicleId());
        JsonText.fieldTime(sb, "time", base + col.time[i]);
        if (v.reportsCrs() != null) {
            double[] p = CoordinateTransform.fromWgs84(Crs.valueOf(v.reportsCrs()), lon, lat);
            lon = p[0];
            lat = p[1];
        }
        JsonText.fieldNumber(sb, "lon", lon, 6);
        JsonText.fieldNumber(sb, "lat", lat, 6);
        if (v.reportsCrs() != null) {
            JsonText.field(sb, "crs", v.reportsCrs());
        }
        JsonText.fieldNumber(sb, "speed", col.c[i], 1);
        JsonText.key(sb, "heading");
        sb.append(col.d[i]);
        if (v.sendsType()) {
            JsonText.field(sb, "vehicleType", v.type().name());
        }
        if (v.sendsPlate()) {
            JsonText.field(sb, "plate", v.plate());
        }
        sb.append('}');
    }

    /** A fresh valid position object, for building bad lines. */
    public JsonObject sample() {
        int i = r.nextInt(Math.max(1, col.size));
        JsonObject o = new JsonObject();
        Vehicle v = vehicles.get(col.owner[i]);
        o.put("vehicleId", v.vehicleId());
        o.put("time", JsonText.time(base + col.time[i] + 1 + r.nextInt(5)));
        o.putNumber("lon", CityMap.lon(col.a[i]), 6);
        o.putNumber("lat", CityMap.lat(col.b[i]), 6);
        o.putNumber("speed", col.c[i], 1);
        o.putRaw("heading", Short.toString(col.d[i]));
        o.put("plate", v.plate());
        return o;
    }

    // ---- simulation ------------------------------------------------------------------------

    /** One vehicle's day in motion: current time and place, and what is suppressed. */
    private final class Run {
        final int vehicle;
        final int interval;
        long t;
        double x;
        double y;
        double heading;
        long gapFrom = Long.MAX_VALUE;
        long gapTo = Long.MIN_VALUE;
        long silentAfter = Long.MAX_VALUE;
        long lastEmitted = Long.MIN_VALUE;

        Run(int vehicle, int interval) {
            this.vehicle = vehicle;
            this.interval = interval;
        }

        void fix(double speedKmh) {
            if (t <= lastEmitted || t >= silentAfter || (t >= gapFrom && t < gapTo)) {
                return;
            }
            double jx = r.nextGaussian() * 3;
            double jy = r.nextGaussian() * 3;
            if (r.nextInt(40_000) == 0) { // a multipath jump of kilometres for one fix
                double a = r.nextDouble(Math.PI * 2);
                double d = 2000 + r.nextDouble(6000);
                jx += d * Math.cos(a);
                jy += d * Math.sin(a);
                counters.merge("gpsJumps", 1L, Long::sum);
            }
            double sp = speedKmh <= 0 ? 0 : Math.max(0.5, speedKmh + r.nextGaussian() * 1.5);
            col.add(vehicle, (int) (t - base), (float) (x + jx), (float) (y + jy), (float) sp, (short)
                    (Math.floorMod((int) Math.round(heading), 360)));
            lastEmitted = t;
        }

        long step() {
            return Math.max(8, interval - 2 + r.nextInt(5));
        }

        /** Stand still (engine running) until {@code until}. */
        void dwell(long until) {
            while (t < until) {
                fix(0);
                t += step();
            }
        }

        /** Drive along the points at {@code kmh}, stopping at {@code until}. */
        void drive(List<double[]> path, double kmh, long until) {
            double v = kmh / 3.6;
            for (double[] p : path) {
                double dx = p[0] - x;
                double dy = p[1] - y;
                double dist = Math.hypot(dx, dy);
                if (dist < 1) {
                    continue;
                }
                heading = Math.toDegrees(Math.atan2(dx, dy));
                double done = 0;
                while (done < dist) {
                    if (t >= until) {
                        return;
                    }
                    long s = step();
                    double adv = Math.min(dist - done, v * s * (0.8 + 0.4 * r.nextDouble()));
                    done += adv;
                    x += dx / dist * adv;
                    y += dy / dist * adv;
                    t += s;
                    fix(kmh);
                }
            }
        }
    }

    private List<double[]> route(double ax, double ay, double bx, double by, boolean avoid) {
        List<List<double[]>> options = new ArrayList<>();
        options.add(List.of(new double[] {bx, ay}, new double[] {bx, by}));
        options.add(List.of(new double[] {ax, by}, new double[] {bx, by}));
        if (avoid) {
            for (int k = 0; k < 8; k++) {
                double a = Math.PI * k / 4;
                double px = (ax + bx) / 2 + 3500 * Math.cos(a);
                double py = (ay + by) / 2 + 3500 * Math.sin(a);
                options.add(List.of(
                        new double[] {px, ay}, new double[] {px, py}, new double[] {bx, py}, new double[] {bx, by}));
            }
            for (List<double[]> o : options) {
                if (!crossesRestricted(ax, ay, o)) {
                    return o;
                }
            }
            counters.merge("routesThroughRestrictedZones", 1L, Long::sum);
        }
        return options.get(r.nextInt(2));
    }

    private boolean crossesRestricted(double ax, double ay, List<double[]> path) {
        Coordinate[] cs = new Coordinate[path.size() + 1];
        cs[0] = new Coordinate(ax, ay);
        for (int i = 0; i < path.size(); i++) {
            cs[i + 1] = new Coordinate(path.get(i)[0], path.get(i)[1]);
        }
        Geometry line = gf.createLineString(cs);
        for (Geometry z : restricted) {
            if (z.intersects(line)) {
                return true;
            }
        }
        return false;
    }

    private final Map<String, List<double[]>> routeCache = new HashMap<>();

    private List<double[]> cachedRoute(double ax, double ay, double bx, double by) {
        String key = Math.round(ax) + "," + Math.round(ay) + ">" + Math.round(bx) + "," + Math.round(by);
        return routeCache.computeIfAbsent(key, k -> route(ax, ay, bx, by, true));
    }

    public VehicleFeed positions(int days) {
        int n = vehicles.size();
        int muckCount = (int)
                vehicles.stream().filter(v -> v.type() == VehicleType.MUCK).count();
        java.util.Set<Integer> violators = new java.util.HashSet<>();
        java.util.Set<Integer> nightCrossers = new java.util.HashSet<>();
        java.util.Set<Integer> dumpers = new java.util.HashSet<>();
        for (int i = 0; i < muckCount; i++) {
            double x = r.nextDouble();
            if (x < 0.07 || i == 0) {
                violators.add(i);
            } else if (x < 0.11 || i == 1) {
                nightCrossers.add(i);
            } else if (x < 0.16 || i == 2) {
                dumpers.add(i);
            }
        }
        Map<Integer, Long> silent = new HashMap<>();
        if (n >= 20) {
            silent.put(3, base + (long) (days * 86_400L * 0.45));
            silent.put(muckCount + 5, base + (long) (days * 86_400L * 0.6) + 7 * 3600);
        }
        counters.put("silentVehicles", (long) silent.size());
        counters.put("restrictedViolators", (long) violators.size() + nightCrossers.size());
        counters.put("dumpers", (long) dumpers.size());
        for (int i = 0; i < n; i++) {
            Vehicle v = vehicles.get(i);
            int interval =
                    switch (v.type()) {
                        case MUCK -> 20 + r.nextInt(11);
                        case SWEEPER -> 12 + r.nextInt(7);
                        case GARBAGE -> 18 + r.nextInt(11);
                        case SPRINKLER -> 15 + r.nextInt(16);
                        default -> 10 + r.nextInt(11);
                    };
            Run run = new Run(i, interval);
            run.silentAfter = silent.getOrDefault(i, Long.MAX_VALUE);
            double[] depot = depot(v);
            run.x = depot[0];
            run.y = depot[1];
            for (int d = 0; d < days; d++) {
                long day = base + d * 86_400L;
                switch (v.type()) {
                    case MUCK ->
                        muckNight(
                                run, day, depot, violators.contains(i), nightCrossers.contains(i), dumpers.contains(i));
                    case SWEEPER -> {
                        shift(run, day + 4 * 3600 + 1800, day + 8 * 3600 + 1800, v, depot, 8);
                        shift(run, day + 14 * 3600, day + 17 * 3600 + 1800, v, depot, 8);
                    }
                    case GARBAGE -> {
                        shift(run, day + 5 * 3600, day + 10 * 3600, v, depot, 22);
                        shift(run, day + 15 * 3600, day + 18 * 3600, v, depot, 22);
                    }
                    case SPRINKLER -> {
                        shift(run, day + 9 * 3600, day + 12 * 3600, v, depot, 15);
                        shift(run, day + 14 * 3600 + 1800, day + 17 * 3600 + 1800, v, depot, 15);
                    }
                    default -> {
                        shift(run, day + 8 * 3600, day + 12 * 3600, v, depot, 28);
                        shift(run, day + 14 * 3600, day + 18 * 3600, v, depot, 28);
                    }
                }
            }
        }
        counters.put("positions", (long) col.size);
        return this;
    }

    private double[] depot(Vehicle v) {
        if (v.type() == VehicleType.MUCK && !disposal.isEmpty()) {
            Coordinate c = disposal.get(Math.floorMod(v.vehicleId().hashCode(), disposal.size()))
                    .geometry()
                    .getCentroid()
                    .getCoordinate();
            return new double[] {c.x + 500, c.y + 300};
        }
        List<Grid> gs = gridsByDistrict.get(v.district());
        Coordinate c =
                gs.get(r.nextInt(gs.size())).geometry().getInteriorPoint().getCoordinate();
        return new double[] {c.x, c.y};
    }

    private void maybeGap(Run run, long from, long to) {
        if (r.nextDouble() < 0.12 && to - from > 3600) {
            run.gapFrom = from + (long) (r.nextDouble() * (to - from - 3600));
            run.gapTo = run.gapFrom + 600 + r.nextInt(3000);
            counters.merge("gaps", 1L, Long::sum);
        }
    }

    /** A day shift in the vehicle's district: short hops between grids, with stops. */
    private void shift(Run run, long from, long to, Vehicle v, double[] depot, double kmh) {
        from += r.nextInt(900);
        if (run.t < from) {
            run.t = from;
        }
        maybeGap(run, from, to);
        List<Grid> area = v.type() == VehicleType.PATROL ? city.grids : gridsByDistrict.get(v.district());
        while (run.t < to) {
            double[] target;
            if (v.type() == VehicleType.PATROL && r.nextInt(3) == 0) {
                Place p = city.places.get(r.nextInt(city.places.size()));
                target = new double[] {p.x(), p.y()};
            } else {
                Grid g = area.get(r.nextInt(area.size()));
                Coordinate c = g.geometry().getInteriorPoint().getCoordinate();
                double dx = c.x - run.x;
                double dy = c.y - run.y;
                double d = Math.hypot(dx, dy);
                double hop = v.type() == VehicleType.PATROL ? 2500 : 900;
                target = d > hop ? new double[] {run.x + dx / d * hop, run.y + dy / d * hop} : new double[] {c.x, c.y};
            }
            run.drive(route(run.x, run.y, target[0], target[1], false), kmh * (0.85 + 0.3 * r.nextDouble()), to);
            long stop =
                    switch (v.type()) {
                        case GARBAGE -> 120 + r.nextInt(180);
                        case PATROL -> 300 + r.nextInt(600);
                        default -> r.nextInt(3) == 0 ? 60 + r.nextInt(240) : 0;
                    };
            run.dwell(Math.min(to, run.t + stop));
        }
        run.drive(route(run.x, run.y, depot[0], depot[1], false), 30, to + 3600);
        run.gapFrom = Long.MAX_VALUE;
        run.gapTo = Long.MIN_VALUE;
    }

    private void muckNight(Run run, long day, double[] depot, boolean violator, boolean nightCrosser, boolean dumper) {
        if (r.nextDouble() < 0.1) {
            return; // a night off
        }
        long from = day + 20 * 3600 + r.nextInt(3600);
        long to = day + 29 * 3600 + r.nextInt(1800);
        run.t = Math.max(run.t, from);
        maybeGap(run, from, to);
        Place site = sites.get(r.nextInt(sites.size()));
        Zone dump = disposal.get(r.nextInt(disposal.size()));
        Coordinate dc = dump.geometry().getCentroid().getCoordinate();
        if (violator && r.nextDouble() < 0.6) {
            // cuts through the old town before 22:00, inside its restricted hours
            Coordinate z = city.zones.get(0).geometry().getCentroid().getCoordinate();
            run.drive(route(run.x, run.y, z.x, z.y, false), 35, to);
            counters.merge("restrictedEntries", 1L, Long::sum);
        }
        run.drive(cachedRoute(run.x, run.y, site.x(), site.y()), 35, to);
        boolean dumpedTonight = dumper && r.nextDouble() < 0.5;
        int trip = 0;
        while (run.t < to - 1800) {
            run.dwell(run.t + 600 + r.nextInt(600)); // loading
            if (dumpedTonight && trip == 1) {
                double[] spot = outskirts();
                run.drive(route(run.x, run.y, spot[0], spot[1], false), 40, to);
                run.dwell(run.t + 900 + r.nextInt(1500)); // unloading where no site is
                counters.merge("dumpingStops", 1L, Long::sum);
            }
            if (nightCrosser && trip == 0) {
                Coordinate z = city.zones.get(2).geometry().getCentroid().getCoordinate();
                run.dwell(Math.max(
                        run.t, day + 22 * 3600 + 1200)); // waits for 22:00, then crosses the night-restricted area
                run.drive(route(run.x, run.y, z.x, z.y, false), 30, to);
                counters.merge("restrictedEntries", 1L, Long::sum);
            }
            run.drive(cachedRoute(run.x, run.y, dc.x, dc.y), 40, to);
            run.dwell(run.t + 300 + r.nextInt(300)); // unloading at the disposal site
            run.drive(cachedRoute(run.x, run.y, site.x(), site.y()), 40, to);
            trip++;
        }
        run.drive(cachedRoute(run.x, run.y, depot[0], depot[1]), 40, to + 3600);
        run.gapFrom = Long.MAX_VALUE;
        run.gapTo = Long.MIN_VALUE;
    }

    /** A point at the edge of town, away from disposal sites and restricted zones. */
    private double[] outskirts() {
        for (int k = 0; k < 200; k++) {
            double a = r.nextDouble(Math.PI * 2);
            double x = 6000 * Math.cos(a);
            double y = 5000 * Math.sin(a);
            var p = gf.createPoint(new Coordinate(x, y));
            boolean clear = city.contains(x, y);
            for (Zone z : city.zones) {
                clear &= z.geometry().distance(p) > 800;
            }
            if (clear) {
                return new double[] {x, y};
            }
        }
        return new double[] {0, -6000};
    }
}

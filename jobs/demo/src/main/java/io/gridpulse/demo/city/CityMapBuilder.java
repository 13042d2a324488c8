package io.gridpulse.demo.city;

import io.gridpulse.demo.city.CityMap.Community;
import io.gridpulse.demo.city.CityMap.District;
import io.gridpulse.demo.city.CityMap.Grid;
import io.gridpulse.demo.city.CityMap.Place;
import io.gridpulse.demo.city.CityMap.Street;
import io.gridpulse.demo.city.CityMap.Zone;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Builds the demo city from a seed. Districts, streets and communities are nested Voronoi
 * partitions, each clipped to its parent; unit grids are ONE city-wide Voronoi diagram (denser in
 * the old town) cut by the community boundaries, so neighbouring grids share their borders
 * exactly; slivers left by the cut are merged into the neighbour of the same community that shares
 * the longest border. Deterministic for a seed. Not thread-safe; use one per build.
 */
public final class CityMapBuilder {

    static final String CITY_NAME = "榆川市";
    private static final String[] DISTRICT_NAMES = {"榆溪区", "沙河区", "驼峰区", "红山区"};
    private static final String[] STREET_NAMES = {
        "鼓楼街道", "新明楼街道", "青山路街道", "航宇路街道", "崇文路街道", "驼峰路街道",
        "上郡路街道", "金沙路街道", "沙河路街道", "长城路街道", "芹河街道", "明珠街道"
    };
    private static final String[] COMMUNITY_NAMES = {
        "青山", "新建", "文化", "长城", "金沙", "红旗", "鼓楼", "南门", "北苑", "东方", "星光", "阳光",
        "和平", "建设", "人民", "富康", "兴盛", "安居", "丰收", "明珠", "滨河", "沙湾", "驼峰", "桃园",
        "梨园", "锦绣", "世纪", "振兴", "育才", "铁路", "电力", "白云", "翠柳", "朝阳", "向阳", "康乐",
        "团结", "光明", "幸福", "胜利", "解放", "迎宾", "凤凰", "金鼎", "银河", "天鹅", "秀水", "沙地",
        "北门", "西沙", "东沙", "南郊", "北郊", "新华", "长安", "育英", "青年", "民主", "友谊", "芙蓉",
        "榆阳", "榆溪", "上郡", "古城", "钟楼", "牡丹", "枣园", "柳林", "水岸", "银沙", "金阳", "航宇",
        "崇文", "望湖", "西苑", "东苑", "南苑", "建业", "兴华", "春晖", "秋实", "金桥", "星河", "瑞祥"
    };
    private static final String[] MARKET_NAMES = {"中心农贸市场", "北门夜市", "沙河综合市场", "东郊批发市场", "南门菜市场"};
    private static final String[] SCHOOL_NAMES = {"第一中学", "实验小学", "职业技术学院"};
    private static final String[] PARK_NAMES = {"世纪广场", "榆溪河公园"};

    /** Half-extent of the city in metres (east-west, north-south). */
    private static final double RX = 8_200;

    private static final double RY = 6_800;
    private static final double GRID_SIZE_CORE = 230;

    private final SplittableRandom random;
    private final GeometryFactory factory = new GeometryFactory();
    private final int gridSeeds;

    /**
     * @param seed the city's seed
     * @param gridSeeds number of Voronoi sites before cutting and merging (about the grid count)
     */
    public CityMapBuilder(long seed, int gridSeeds) {
        this.random = new SplittableRandom(seed ^ 0x5EED_C17AL);
        this.gridSeeds = gridSeeds;
    }

    public CityMap build() {
        Geometry boundary = boundary();
        List<District> districts = new ArrayList<>();
        List<Street> streets = new ArrayList<>();
        List<Community> communities = new ArrayList<>();
        List<Geometry> districtGeoms = partition(boundary, DISTRICT_NAMES.length);
        int communityName = 0;
        for (int d = 0; d < districtGeoms.size(); d++) {
            String county = "6108" + (71 + d);
            districts.add(new District(d, county, DISTRICT_NAMES[d], districtGeoms.get(d)));
            List<Geometry> streetGeoms = partition(districtGeoms.get(d), 3);
            for (int s = 0; s < streetGeoms.size(); s++) {
                Geometry sg = streetGeoms.get(s);
                int streetIndex = streets.size();
                streets.add(new Street(streetIndex, d, String.format("%03d", s + 1), STREET_NAMES[streetIndex], sg));
                double r = centreDistance(sg.getCentroid().getCoordinate());
                int n = r < 2500 ? 7 : r < 4500 ? 5 : 4;
                List<Geometry> communityGeoms = partition(sg, n);
                for (int c = 0; c < communityGeoms.size(); c++) {
                    String name = COMMUNITY_NAMES[communityName++ % COMMUNITY_NAMES.length] + "社区";
                    communities.add(new Community(
                            communities.size(),
                            streetIndex,
                            String.format("%03d", c + 1),
                            name,
                            communityGeoms.get(c)));
                }
            }
        }
        List<Grid> grids = grids(boundary, districts, streets, communities);
        List<Place> places = places(boundary);
        List<Zone> zones = zones(boundary);
        return new CityMap(CITY_NAME, boundary, districts, streets, communities, grids, zones, places);
    }

    /** A star-shaped, irregular outline: a smooth random radius around the centre. */
    private Geometry boundary() {
        int n = 48;
        double p1 = random.nextDouble(Math.PI * 2);
        double p2 = random.nextDouble(Math.PI * 2);
        double p3 = random.nextDouble(Math.PI * 2);
        Coordinate[] ring = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double f = 1 + 0.12 * Math.sin(2 * a + p1) + 0.08 * Math.sin(3 * a + p2) + 0.05 * Math.sin(5 * a + p3);
            f *= 0.97 + 0.06 * random.nextDouble();
            ring[i] = new Coordinate(RX * f * Math.cos(a), RY * f * Math.sin(a));
        }
        ring[n] = ring[0];
        return factory.createPolygon(ring);
    }

    private static double centreDistance(Coordinate c) {
        return Math.hypot(c.x, c.y);
    }

    /** Splits a polygon into {@code n} Voronoi parts around well-spread sites, each clipped to it. */
    private List<Geometry> partition(Geometry parent, int n) {
        List<Coordinate> sites = spreadSites(parent, n);
        Map<Coordinate, Geometry> cells = voronoi(sites, parent.getEnvelopeInternal());
        List<Geometry> parts = new ArrayList<>();
        for (Coordinate s : sites) {
            Geometry part = cells.get(s).intersection(parent);
            if (!part.isEmpty() && part.getArea() > 0) {
                parts.add(part);
            }
        }
        // order parts from north-west to south-east so that codes read like a map
        parts.sort(Comparator.comparingDouble(
                        (Geometry g) -> -Math.round(g.getCentroid().getY() / 1500))
                .thenComparingDouble(g -> g.getCentroid().getX()));
        return parts;
    }

    /** Best-candidate sampling: each new site is the farthest of 20 random candidates from the others. */
    private List<Coordinate> spreadSites(Geometry parent, int n) {
        List<Coordinate> sites = new ArrayList<>();
        Envelope e = parent.getEnvelopeInternal();
        var locator = new org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator(parent);
        while (sites.size() < n) {
            Coordinate best = null;
            double bestD = -1;
            for (int k = 0; k < 20; k++) {
                Coordinate c = new Coordinate(
                        e.getMinX() + random.nextDouble() * e.getWidth(),
                        e.getMinY() + random.nextDouble() * e.getHeight());
                if (locator.locate(c) != org.locationtech.jts.geom.Location.INTERIOR) {
                    continue;
                }
                double d = Double.MAX_VALUE;
                for (Coordinate s : sites) {
                    d = Math.min(d, s.distance(c));
                }
                if (d > bestD) {
                    bestD = d;
                    best = c;
                }
            }
            if (best != null) {
                sites.add(best);
            }
        }
        return sites;
    }

    private Map<Coordinate, Geometry> voronoi(List<Coordinate> sites, Envelope clip) {
        VoronoiDiagramBuilder b = new VoronoiDiagramBuilder();
        b.setSites(sites);
        Envelope env = new Envelope(clip);
        env.expandBy(Math.max(env.getWidth(), env.getHeight()));
        b.setClipEnvelope(env);
        Geometry diagram = b.getDiagram(factory);
        Map<Coordinate, Geometry> cells = new HashMap<>();
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            cells.put((Coordinate) cell.getUserData(), cell);
        }
        return cells;
    }

    /** Grid density: small grids (about {@link #GRID_SIZE_CORE} m across) in the old town, larger outside. */
    private static double density(double x, double y) {
        double r2 = (x * x + y * y) / (3200.0 * 3200.0);
        return 0.12 + 0.88 * Math.exp(-r2);
    }

    private List<Grid> grids(
            Geometry boundary, List<District> districts, List<Street> streets, List<Community> communities) {
        Envelope e = boundary.getEnvelopeInternal();
        var locator = new org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator(boundary);
        List<Coordinate> sites = new ArrayList<>();
        while (sites.size() < gridSeeds) {
            double x = e.getMinX() + random.nextDouble() * e.getWidth();
            double y = e.getMinY() + random.nextDouble() * e.getHeight();
            if (random.nextDouble() < density(x, y)
                    && locator.locate(new Coordinate(x, y)) == org.locationtech.jts.geom.Location.INTERIOR) {
                sites.add(new Coordinate(x, y));
            }
        }
        Map<Coordinate, Geometry> cells = voronoi(sites, e);
        STRtree index = new STRtree();
        for (Community c : communities) {
            index.insert(c.geometry().getEnvelopeInternal(), c);
        }
        index.build();
        Map<Integer, List<Geometry>> pieces = new HashMap<>();
        Map<Integer, List<Double>> fullArea = new HashMap<>();
        for (Coordinate s : sites) {
            Geometry cell = cells.get(s);
            List<Community> candidates = new ArrayList<>();
            for (Object o : index.query(cell.getEnvelopeInternal())) {
                candidates.add((Community) o);
            }
            candidates.sort(Comparator.comparingInt(Community::index));
            for (Community c : candidates) {
                Geometry piece = cell.intersection(c.geometry());
                for (int i = 0; i < piece.getNumGeometries(); i++) {
                    Geometry part = piece.getGeometryN(i);
                    if (part instanceof Polygon && part.getArea() > 0) {
                        pieces.computeIfAbsent(c.index(), k -> new ArrayList<>())
                                .add(part);
                        fullArea.computeIfAbsent(c.index(), k -> new ArrayList<>())
                                .add(Math.min(
                                        cell.getArea(),
                                        cell.intersection(boundary).getArea()));
                    }
                }
            }
        }
        List<Grid> grids = new ArrayList<>();
        for (Community c : communities) {
            List<Geometry> ps = pieces.getOrDefault(c.index(), new ArrayList<>());
            List<Double> full = fullArea.getOrDefault(c.index(), new ArrayList<>());
            mergeSlivers(ps, full);
            ps.sort(Comparator.comparingDouble(
                            (Geometry g) -> -Math.round(g.getCentroid().getY() / 200))
                    .thenComparingDouble(g -> g.getCentroid().getX()));
            Street st = streets.get(c.street());
            String prefix = districts.get(st.district()).code() + st.code() + c.code();
            String fmt = ps.size() > 99 ? "%03d" : "%02d";
            for (int i = 0; i < ps.size(); i++) {
                String seq = String.format(fmt, i + 1);
                grids.add(new Grid(prefix + seq, c.name() + seq + "网格", c.index(), ps.get(i)));
            }
        }
        return grids;
    }

    /** Merges pieces smaller than a third of their Voronoi cell into the neighbour with the longest common border. */
    private static void mergeSlivers(List<Geometry> pieces, List<Double> fullArea) {
        boolean merged = true;
        while (merged && pieces.size() > 1) {
            merged = false;
            int smallest = -1;
            double ratio = 1.0 / 3;
            for (int i = 0; i < pieces.size(); i++) {
                double r = pieces.get(i).getArea() / fullArea.get(i);
                if (r < ratio) {
                    ratio = r;
                    smallest = i;
                }
            }
            if (smallest < 0) {
                break;
            }
            Geometry sliver = pieces.get(smallest);
            int best = -1;
            double bestLength = 0;
            for (int j = 0; j < pieces.size(); j++) {
                if (j == smallest || !pieces.get(j).getEnvelopeInternal().intersects(sliver.getEnvelopeInternal())) {
                    continue;
                }
                double len = pieces.get(j)
                        .getBoundary()
                        .intersection(sliver.getBoundary())
                        .getLength();
                if (len > bestLength) {
                    bestLength = len;
                    best = j;
                }
            }
            if (best < 0) {
                fullArea.set(smallest, sliver.getArea()); // an island: keep it as a grid of its own
                merged = true;
                continue;
            }
            Geometry union = pieces.get(best).union(sliver);
            pieces.set(best, union);
            fullArea.set(best, fullArea.get(best) + sliver.getArea());
            pieces.remove(smallest);
            fullArea.remove(smallest);
            merged = true;
        }
    }

    private List<Place> places(Geometry boundary) {
        List<Place> places = new ArrayList<>();
        places.add(new Place("OLD_TOWN", "老城区", 150, -120, 1100));
        for (String m : MARKET_NAMES) {
            double[] p = pointAt(boundary, 700, 4200);
            places.add(new Place("MARKET", m, p[0], p[1], 220));
        }
        for (int i = 0; i < 10; i++) {
            double[] p = pointAt(boundary, 3000, 7000);
            places.add(new Place("CONSTRUCTION", "建设工地" + (i + 1) + "号", p[0], p[1], 180));
        }
        for (String s : SCHOOL_NAMES) {
            double[] p = pointAt(boundary, 800, 4000);
            places.add(new Place("SCHOOL", s, p[0], p[1], 200));
        }
        for (String s : PARK_NAMES) {
            double[] p = pointAt(boundary, 500, 3500);
            places.add(new Place("PARK", s, p[0], p[1], 350));
        }
        return places;
    }

    private double[] pointAt(Geometry boundary, double minR, double maxR) {
        var locator = new org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator(boundary);
        while (true) {
            double a = random.nextDouble(Math.PI * 2);
            double r = minR + random.nextDouble() * (maxR - minR);
            double x = r * Math.cos(a) * RX / RY;
            double y = r * Math.sin(a);
            Coordinate c = new Coordinate(x, y);
            Geometry probe = factory.createPoint(c).buffer(400, 4);
            if (locator.locate(c) == org.locationtech.jts.geom.Location.INTERIOR && boundary.contains(probe)) {
                return new double[] {x, y};
            }
        }
    }

    private List<Zone> zones(Geometry boundary) {
        List<Zone> zones = new ArrayList<>();
        zones.add(new Zone("R01", "RESTRICTED", "老城区渣土车限行区", "07:00-22:00", blob(150, -120, 1500, 10)));
        double[] h = pointAt(boundary, 1800, 2600);
        zones.add(new Zone("R02", "RESTRICTED", "中心医院周边限行区", "06:00-23:00", blob(h[0], h[1], 450, 8)));
        double[] q = pointAt(boundary, 3000, 4200);
        zones.add(new Zone("R03", "RESTRICTED", "滨河住宅区夜间禁行区", "22:00-06:00", blob(q[0], q[1], 800, 9)));
        for (int i = 0; i < 3; i++) {
            double a = 2 * Math.PI * (i + random.nextDouble() * 0.3) / 3;
            double x = 0.8 * RX * Math.cos(a);
            double y = 0.8 * RY * Math.sin(a);
            while (!boundary.contains(blob(x, y, 400, 6))) {
                x *= 0.95;
                y *= 0.95;
            }
            zones.add(new Zone("D0" + (i + 1), "DISPOSAL_SITE", "建筑垃圾消纳场" + (i + 1) + "号", "", blob(x, y, 320, 6)));
        }
        return zones;
    }

    /** An irregular polygon of about radius r. */
    private Geometry blob(double cx, double cy, double r, int n) {
        Coordinate[] ring = new Coordinate[n + 1];
        double p = random.nextDouble(Math.PI * 2);
        for (int i = 0; i < n; i++) {
            double a = p + 2 * Math.PI * i / n;
            double f = 0.8 + 0.35 * random.nextDouble();
            ring[i] = new Coordinate(cx + r * f * Math.cos(a), cy + r * f * Math.sin(a));
        }
        ring[n] = ring[0];
        return factory.createPolygon(ring);
    }
}

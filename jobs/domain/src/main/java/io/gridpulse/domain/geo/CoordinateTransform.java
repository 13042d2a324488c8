package io.gridpulse.domain.geo;

/**
 * Conversions between WGS84 and the offset systems of Chinese web maps. GCJ-02 (火星坐标) is
 * WGS84 plus a published, deterministic, non-linear offset of a few hundred metres; BD-09 is
 * GCJ-02 rotated and shifted again by Baidu. Only the forward WGS84 -> GCJ-02 formula is
 * published, so the inverse is found by fixed-point iteration until the forward image of the
 * estimate is within {@link #INVERSE_TOLERANCE_DEG} of the input (about a millimetre).
 *
 * <p>Like the published formula, no offset is applied outside China's rough bounding box, where
 * GCJ-02 coincides with WGS84. Stateless and thread-safe.
 */
public final class CoordinateTransform {

    /** Semi-major axis of Krasovsky 1940, as the published formula uses. */
    private static final double A = 6378245.0;

    private static final double EE = 0.00669342162296594323;
    private static final double X_PI = Math.PI * 3000.0 / 180.0;
    static final double INVERSE_TOLERANCE_DEG = 1e-9;
    private static final int MAX_ITERATIONS = 30;

    private CoordinateTransform() {}

    /** Converts a point of {@code crs} to WGS84; returns {lon, lat}. */
    public static double[] toWgs84(Crs crs, double lon, double lat) {
        return switch (crs) {
            case WGS84, CGCS2000 -> new double[] {lon, lat};
            case GCJ02 -> gcj02ToWgs84(lon, lat);
            case BD09 -> {
                double[] gcj = bd09ToGcj02(lon, lat);
                yield gcj02ToWgs84(gcj[0], gcj[1]);
            }
        };
    }

    /** Converts a WGS84 point to {@code crs}; returns {lon, lat}. */
    public static double[] fromWgs84(Crs crs, double lon, double lat) {
        return switch (crs) {
            case WGS84, CGCS2000 -> new double[] {lon, lat};
            case GCJ02 -> wgs84ToGcj02(lon, lat);
            case BD09 -> {
                double[] gcj = wgs84ToGcj02(lon, lat);
                yield gcj02ToBd09(gcj[0], gcj[1]);
            }
        };
    }

    public static boolean outOfChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    public static double[] wgs84ToGcj02(double lon, double lat) {
        if (outOfChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double dLat = transformLat(lon - 105.0, lat - 35.0);
        double dLon = transformLon(lon - 105.0, lat - 35.0);
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {lon + dLon, lat + dLat};
    }

    /** Inverse of {@link #wgs84ToGcj02} by iteration: the offset varies slowly, so it converges in a few steps. */
    public static double[] gcj02ToWgs84(double lon, double lat) {
        if (outOfChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double wLon = lon;
        double wLat = lat;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double[] g = wgs84ToGcj02(wLon, wLat);
            double eLon = g[0] - lon;
            double eLat = g[1] - lat;
            if (Math.abs(eLon) < INVERSE_TOLERANCE_DEG && Math.abs(eLat) < INVERSE_TOLERANCE_DEG) {
                break;
            }
            wLon -= eLon;
            wLat -= eLat;
        }
        return new double[] {wLon, wLat};
    }

    public static double[] gcj02ToBd09(double lon, double lat) {
        double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
        double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
        return new double[] {z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006};
    }

    /** Inverse of {@link #gcj02ToBd09} by iteration (the usual closed form is off by up to a metre). */
    public static double[] bd09ToGcj02(double lon, double lat) {
        double gLon = lon - 0.0065;
        double gLat = lat - 0.006;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double[] b = gcj02ToBd09(gLon, gLat);
            double eLon = b[0] - lon;
            double eLat = b[1] - lat;
            if (Math.abs(eLon) < INVERSE_TOLERANCE_DEG && Math.abs(eLat) < INVERSE_TOLERANCE_DEG) {
                break;
            }
            gLon -= eLon;
            gLat -= eLat;
        }
        return new double[] {gLon, gLat};
    }

    private static double transformLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double transformLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}

package io.gridpulse.domain.geo;

/** Great-circle distance on a sphere of the contract's radius. Stateless and thread-safe. */
public final class Haversine {

    /** The contract's mean Earth radius in metres. */
    public static final double EARTH_RADIUS_M = 6_371_008.8;

    private Haversine() {}

    /** Distance in metres between two WGS84 points given in degrees. */
    public static double meters(double lon1, double lat1, double lon2, double lat2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double s = Math.sin(dPhi / 2);
        double t = Math.sin(dLambda / 2);
        double h = s * s + Math.cos(phi1) * Math.cos(phi2) * t * t;
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}

package uk.nhs.pathways.platform.geo;

/** A point in WGS84 degrees. */
public record Location(double latitude, double longitude) {

    /** Mean earth radius (IUGG), the one used for every distance on the platform. */
    public static final double EARTH_RADIUS_METRES = 6_371_008.8;

    /** Great-circle (haversine) distance in metres. */
    public double metresTo(Location other) {
        double lat1 = Math.toRadians(latitude);
        double lat2 = Math.toRadians(other.latitude);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(other.longitude - longitude);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}

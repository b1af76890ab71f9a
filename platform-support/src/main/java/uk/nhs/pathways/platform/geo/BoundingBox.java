package uk.nhs.pathways.platform.geo;

/**
 * The latitude/longitude box around a circle: what a database index can answer before exact distances
 * ({@link Location#metresTo}) are computed for what is inside it.
 */
public record BoundingBox(double minLatitude, double maxLatitude, double minLongitude, double maxLongitude) {

    /** The box that holds every point within {@code metres} of {@code origin} (with a little to spare). */
    public static BoundingBox around(Location origin, double metres) {
        double dLat = Math.toDegrees(metres * 1.001 / Location.EARTH_RADIUS_METRES);
        // The circle is widest in longitude at its latitude nearest a pole.
        double widest = Math.min(89.0, Math.abs(origin.latitude()) + dLat);
        double dLon = Math.min(180.0, dLat / Math.cos(Math.toRadians(widest)));
        return new BoundingBox(
                origin.latitude() - dLat,
                origin.latitude() + dLat,
                origin.longitude() - dLon,
                origin.longitude() + dLon);
    }
}

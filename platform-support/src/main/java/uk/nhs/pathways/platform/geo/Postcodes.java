package uk.nhs.pathways.platform.geo;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Locates a UK postcode at the centroid of its postcode district (outcode), from OS Code-Point Open
 * (reference-data/outcode_centroids.csv). District precision (a few km at most) is what routing to
 * the nearest class needs, and it keeps a person's full postcode out of every location we store.
 */
@ApplicationScoped
public class Postcodes {

    /** Shape of a UK postcode: outcode, a space (optional on input), then digit and two letters. */
    private static final Pattern POSTCODE = Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$");

    private final Map<String, Location> centroids = load();

    /** "ls6 2af" becomes "LS6 2AF"; empty when it is not a well-formed postcode. */
    public static Optional<String> normalise(String postcode) {
        if (postcode == null) {
            return Optional.empty();
        }
        var matcher = POSTCODE.matcher(postcode.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " "));
        return matcher.matches() ? Optional.of(matcher.group(1) + " " + matcher.group(2)) : Optional.empty();
    }

    public static String outcodeOf(String normalisedPostcode) {
        return normalisedPostcode.substring(0, normalisedPostcode.indexOf(' '));
    }

    /** Where a postcode is; empty when malformed or its district is unknown. */
    public Optional<Location> locate(String postcode) {
        return normalise(postcode).map(Postcodes::outcodeOf).map(centroids::get);
    }

    public int districts() {
        return centroids.size();
    }

    private static Map<String, Location> load() {
        Map<String, Location> map = new HashMap<>(4096);
        for (Map<String, String> row : ReferenceData.rows("outcode_centroids.csv")) {
            map.put(
                    row.get("outcode"),
                    new Location(Double.parseDouble(row.get("latitude")), Double.parseDouble(row.get("longitude"))));
        }
        return Map.copyOf(map);
    }
}

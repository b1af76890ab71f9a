package uk.nhs.pathways.sitedirectory.commissioner.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.platform.geo.Postcodes;
import uk.nhs.pathways.platform.geo.ReferenceData;

/**
 * Which sub-ICB location a postcode lies in, to district precision: the sub-ICB location most of the
 * district's GP practices belong to (NHS ODS), or, for a district without practices, that of the
 * nearest district with practices within a few kilometres. Outside England there is none.
 */
@ApplicationScoped
public class CommissioningAreas {

    /** A district further than this from every English district with practices is not in England. */
    private static final double NEAREST_DISTRICT_LIMIT_METRES = 10_000;

    private volatile Areas areas;

    public Optional<String> subIcbOf(String postcode) {
        return Postcodes.normalise(postcode).map(Postcodes::outcodeOf).flatMap(outcode -> areas().of(outcode));
    }

    private Areas areas() {
        Areas loaded = areas;
        if (loaded == null) {
            synchronized (this) {
                if (areas == null) {
                    areas = Areas.load();
                }
                loaded = areas;
            }
        }
        return loaded;
    }

    private record Areas(Map<String, String> byOutcode, Map<String, Location> centroids) {

        Optional<String> of(String outcode) {
            String direct = byOutcode.get(outcode);
            if (direct != null) {
                return Optional.of(direct);
            }
            Location here = centroids.get(outcode);
            if (here == null) {
                return Optional.empty();
            }
            return byOutcode.keySet().stream()
                    .filter(centroids::containsKey)
                    .map(o -> Map.entry(o, here.metresTo(centroids.get(o))))
                    .filter(e -> e.getValue() <= NEAREST_DISTRICT_LIMIT_METRES)
                    .min(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> byOutcode.get(e.getKey()));
        }

        static Areas load() {
            Map<String, Map<String, Integer>> counts = new HashMap<>();
            for (Map<String, String> practice : ReferenceData.rows("gp_practices_england.csv")) {
                String outcode = Postcodes.normalise(practice.get("postcode"))
                        .map(Postcodes::outcodeOf)
                        .orElse(null);
                String subIcb = practice.get("sub_icb_ods_code");
                if (outcode != null && subIcb != null && !subIcb.isBlank()) {
                    counts.computeIfAbsent(outcode, o -> new TreeMap<>()).merge(subIcb, 1, Integer::sum);
                }
            }
            Map<String, String> byOutcode = new HashMap<>();
            counts.forEach((outcode, bySubIcb) -> byOutcode.put(
                    outcode,
                    bySubIcb.entrySet().stream()
                            .max(Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getValue())
                                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                            .orElseThrow()
                            .getKey()));
            Map<String, Location> centroids = new HashMap<>();
            for (Map<String, String> row : ReferenceData.rows("outcode_centroids.csv")) {
                centroids.put(
                        row.get("outcode"),
                        new Location(
                                Double.parseDouble(row.get("latitude")), Double.parseDouble(row.get("longitude"))));
            }
            return new Areas(Map.copyOf(byOutcode), Map.copyOf(centroids));
        }
    }
}

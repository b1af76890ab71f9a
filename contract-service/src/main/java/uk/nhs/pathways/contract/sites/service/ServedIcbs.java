package uk.nhs.pathways.contract.sites.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.nhs.pathways.contract.ContractConfig;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.platform.geo.Postcodes;
import uk.nhs.pathways.platform.geo.ReferenceData;

/**
 * Whose residents a site serves: every ICB with a GP practice within the routing distance of the site
 * ({@code pathways.coverage.served-radius-metres}, 30 km), practices and sites both located at their postcode
 * district's centroid (the platform's one way of locating places). Those are the commissioners whose people
 * the referral service may route there.
 */
@ApplicationScoped
public class ServedIcbs {

    private record Practices(String icb, Location at) {}

    private List<Practices> practices;
    private final Map<String, String> icbNames = new HashMap<>();

    @Inject
    ContractConfig config;

    @Inject
    Postcodes postcodes;

    @PostConstruct
    void load() {
        // One entry per ICB and district: practices of a district sit at one centroid.
        Set<String> seen = new HashSet<>();
        List<Practices> located = new ArrayList<>();
        for (Map<String, String> row : ReferenceData.rows("gp_practices_england.csv")) {
            String icb = row.get("icb_ods_code");
            Optional<String> postcode = Postcodes.normalise(row.get("postcode"));
            if (icb == null || postcode.isEmpty() || !seen.add(icb + "|" + Postcodes.outcodeOf(postcode.get()))) {
                continue;
            }
            postcodes.locate(postcode.get()).ifPresent(at -> located.add(new Practices(icb, at)));
        }
        practices = List.copyOf(located);
        for (Map<String, String> row : ReferenceData.rows("icbs.csv")) {
            icbNames.put(row.get("icb_ods_code"), row.get("icb_name"));
        }
    }

    /** The ICBs whose residents the site serves, nearest first, with the distance to their nearest practice. */
    public Map<String, Long> near(Location site) {
        Map<String, Long> nearest = new HashMap<>();
        long radius = config.coverage().servedRadiusMetres();
        for (Practices p : practices) {
            long metres = Math.round(site.metresTo(p.at()));
            if (metres <= radius) {
                nearest.merge(p.icb(), metres, Math::min);
            }
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        nearest.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** The distance from the site to the ICB's nearest practice, in metres; empty for an unknown ICB. */
    public Optional<Long> distanceTo(String icb, Location site) {
        return practices.stream()
                .filter(p -> p.icb().equals(icb))
                .map(p -> Math.round(site.metresTo(p.at())))
                .min(Comparator.naturalOrder());
    }

    public String name(String icb) {
        return icbNames.getOrDefault(icb, icb);
    }
}

package uk.nhs.pathways.outcomes.practice.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import uk.nhs.pathways.outcomes.practice.domain.PcnGrouping;
import uk.nhs.pathways.platform.geo.GpPractices;
import uk.nhs.pathways.platform.geo.Postcodes;
import uk.nhs.pathways.platform.geo.ReferenceData;

/**
 * GP practices as the outcomes service needs them: each practice's ICB (whose ICS may read its
 * patients' outcomes: platform-support {@link GpPractices}), its sub-ICB location and its (demo) PCN;
 * and where a site is, from the practices at or near its postcode.
 */
@ApplicationScoped
public class Practices {

    private final GpPractices gpPractices;
    private final Map<String, String> subIcbByPractice = new HashMap<>(8192);
    private final Map<String, String> pcnByPractice;
    private final Map<String, String> subIcbByPostcode = new HashMap<>(8192);
    private final Map<String, String> subIcbByOutcode = new HashMap<>(4096);
    private final Map<String, String> icbBySubIcb = new HashMap<>();
    private final Map<String, List<String>> practicesBySubIcb = new TreeMap<>();
    private final java.util.Set<String> icbs = new java.util.TreeSet<>();

    @Inject
    public Practices(GpPractices gpPractices) {
        this.gpPractices = gpPractices;
        for (Map<String, String> row : ReferenceData.rows("gp_practices_england.csv")) {
            String ods = row.get("ods_code");
            String subIcb = row.get("sub_icb_ods_code");
            subIcbByPractice.put(ods, subIcb);
            icbBySubIcb.put(subIcb, row.get("icb_ods_code"));
            practicesBySubIcb.computeIfAbsent(subIcb, s -> new ArrayList<>()).add(ods);
            Postcodes.normalise(row.get("postcode")).ifPresent(postcode -> {
                subIcbByPostcode.putIfAbsent(postcode, subIcb);
                subIcbByOutcode.putIfAbsent(Postcodes.outcodeOf(postcode), subIcb);
            });
        }
        practicesBySubIcb.values().forEach(list -> list.sort(null));
        for (Map<String, String> row : ReferenceData.rows("icbs.csv")) {
            icbs.add(row.get("icb_ods_code"));
        }
        pcnByPractice = PcnGrouping.group(subIcbByPractice);
    }

    /** The ICB of a practice's registered patients: whose outcome topic carries their courses. */
    public Optional<String> icbOf(String practiceOdsCode) {
        return practiceOdsCode == null ? Optional.empty() : gpPractices.commissionerOf(practiceOdsCode);
    }

    /** The practice's network in the demo grouping ({@link PcnGrouping}). */
    public Optional<String> pcnOf(String practiceOdsCode) {
        return practiceOdsCode == null ? Optional.empty() : Optional.ofNullable(pcnByPractice.get(practiceOdsCode));
    }

    /**
     * The sub-ICB location a site is in: that of a practice at the same postcode, else of the first practice
     * in the same postcode district; empty when neither is known.
     */
    public Optional<String> subIcbAt(String postcode) {
        return Postcodes.normalise(postcode)
                .flatMap(p -> Optional.ofNullable(subIcbByPostcode.get(p))
                        .or(() -> Optional.ofNullable(subIcbByOutcode.get(Postcodes.outcodeOf(p)))));
    }

    /** Whether this is the ODS code of one of England's ICBs. */
    public boolean isIcb(String odsCode) {
        return icbs.contains(odsCode);
    }

    public Optional<String> icbOfSubIcb(String subIcbOdsCode) {
        return Optional.ofNullable(icbBySubIcb.get(subIcbOdsCode));
    }

    /** The practices of a sub-ICB location, in ODS-code order. */
    public List<String> practicesIn(String subIcbOdsCode) {
        return practicesBySubIcb.getOrDefault(subIcbOdsCode, List.of());
    }
}

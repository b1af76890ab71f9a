package uk.nhs.pathways.platform.geo;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which ICB commissions care for a GP practice's registered patients, from the NHS ODS practice extract
 * (reference-data/gp_practices_england.csv). A referral's commissioner is its practice's ICB: the
 * contract service decides funding by it, the referral service ranks funded classes first by it.
 */
@ApplicationScoped
public class GpPractices {

    private final Map<String, String> icbByPractice = new HashMap<>(8192);

    public GpPractices() {
        for (Map<String, String> row : ReferenceData.rows("gp_practices_england.csv")) {
            icbByPractice.put(row.get("ods_code"), row.get("icb_ods_code"));
        }
    }

    public Optional<String> commissionerOf(String practiceOdsCode) {
        return Optional.ofNullable(icbByPractice.get(practiceOdsCode));
    }
}

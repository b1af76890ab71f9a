package uk.nhs.pathways.contract.terms.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import uk.nhs.pathways.platform.geo.ReferenceData;

/**
 * Which ICB commissions care for a GP practice's registered patients, from the NHS ODS practice extract
 * (reference-data/gp_practices_england.csv). A referral's commissioner is its practice's ICB.
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

package uk.nhs.pathways.referral.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.Joint;

/** The committed value set holds the confirmed knee and hip osteoarthritis concepts, and only those. */
class ReasonsForReferralTest {

    final ReasonsForReferral reasons = new ReasonsForReferral();

    @Test
    void theTopConceptsAndTheConfirmedDescendantsAreThereWithTheirJoint() {
        assertThat(reasons.find(ReasonsForReferral.SNOMED_CT, "239873007"))
                .get()
                .extracting(ReasonsForReferral.Concept::joint)
                .isEqualTo(Joint.KNEE);
        assertThat(reasons.find(ReasonsForReferral.SNOMED_CT, "239872002"))
                .get()
                .extracting(ReasonsForReferral.Concept::joint)
                .isEqualTo(Joint.HIP);
        for (String knee : new String[] {"450521003"}) {
            assertThat(reasons.find(ReasonsForReferral.SNOMED_CT, knee)
                            .orElseThrow()
                            .joint())
                    .isEqualTo(Joint.KNEE);
        }
        for (String hip : new String[] {"201835007", "77994009", "201839001", "201857000", "267890003", "267891004"}) {
            assertThat(reasons.find(ReasonsForReferral.SNOMED_CT, hip)
                            .orElseThrow()
                            .joint())
                    .isEqualTo(Joint.HIP);
        }
        assertThat(reasons.size()).isEqualTo(9);
    }

    @Test
    void unconfirmedUsEditionGenericAndOtherSystemsCodesAreNotTaken() {
        for (String code : new String[] {
            "396275006", // osteoarthritis, no joint
            "445478004", // degenerative joint disease of pelvis: not known to be hip OA
            "1287058006", // seen in one non-curated file only
            "323301000119109", // US Edition
            "201893003" // legacy grouper
        }) {
            assertThat(reasons.find(ReasonsForReferral.SNOMED_CT, code))
                    .as(code)
                    .isEmpty();
        }
        assertThat(reasons.find("http://read.info/ctv3", "239873007")).isEmpty();
    }
}

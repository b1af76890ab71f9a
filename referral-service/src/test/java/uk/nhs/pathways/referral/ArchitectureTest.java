package uk.nhs.pathways.referral;

import org.junit.jupiter.api.Test;
import uk.nhs.pathways.testing.ArchitectureRules;

/** The platform's architecture rules (test-support ArchitectureRules), on this service's code. */
class ArchitectureTest {

    @Test
    void keepsThePlatformsArchitectureRules() {
        ArchitectureRules.check("uk.nhs.pathways.referral");
    }
}

package uk.nhs.pathways.outcomes;

import static uk.nhs.pathways.testing.SecurityMatrix.Who.*;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.testing.SecurityMatrix;

/** Every outcomes-service endpoint x every caller (also: a new endpoint without an entry fails this test). */
@QuarkusTest
class SecurityMatrixTest {

    @Test
    void everyEndpointAnswersEveryCallerAsDocumented() {
        new SecurityMatrix("B86030", "prov-matrix", "QWO")
                .endpoint("GET", "/reports/site-activity")
                .expect(200, ANALYST, OTHER_ANALYST, COMMISSIONER, OTHER_COMMISSIONER, ADMIN)
                .othersGet(403)
                .and()
                .verify();
    }
}

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
                // Naming the matrix's ICB: its own analysts and commissioners and an admin see it; another
                // ICB's get 404 (its existence is not theirs to know); other roles 403.
                .endpoint("GET", "/reports/quarterly")
                .at(who -> "/reports/quarterly?icb=QWO")
                .expect(200, ANALYST, COMMISSIONER, ADMIN)
                .expect(404, OTHER_ANALYST, OTHER_COMMISSIONER)
                .othersGet(403)
                .and()
                .endpoint("GET", "/reports/fcp-monthly")
                .at(who -> "/reports/fcp-monthly?icb=QWO")
                .expect(200, ANALYST, COMMISSIONER, ADMIN)
                .expect(404, OTHER_ANALYST, OTHER_COMMISSIONER)
                .othersGet(403)
                .and()
                .endpoint("GET", "/reports/monthly-activity")
                .at(who -> "/reports/monthly-activity?icb=QWO")
                .expect(200, ANALYST, COMMISSIONER, ADMIN)
                .expect(404, OTHER_ANALYST, OTHER_COMMISSIONER)
                .othersGet(403)
                .and()
                .endpoint("GET", "/reports/contract-alerts")
                .at(who -> "/reports/contract-alerts?icb=QWO")
                .expect(200, ANALYST, COMMISSIONER, ADMIN)
                .expect(404, OTHER_ANALYST, OTHER_COMMISSIONER)
                .othersGet(403)
                .and()
                // Spans every ICB with small numbers suppressed: any analyst, commissioner or admin.
                .endpoint("GET", "/reports/national")
                .expect(200, ANALYST, OTHER_ANALYST, COMMISSIONER, OTHER_COMMISSIONER, ADMIN)
                .othersGet(403)
                .and()
                .endpoint("GET", "/measures")
                .expect(
                        200,
                        REFERRER,
                        OTHER_REFERRER,
                        PROVIDER,
                        OTHER_PROVIDER,
                        COMMISSIONER,
                        OTHER_COMMISSIONER,
                        ANALYST,
                        OTHER_ANALYST,
                        ADMIN)
                .and()
                .verify();
    }
}

package uk.nhs.pathways.sitedirectory;

import static uk.nhs.pathways.testing.SecurityMatrix.Who.*;

import io.quarkus.test.junit.QuarkusTest;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.testing.SecurityMatrix;

/**
 * Every site-directory endpoint x every caller (a new endpoint without an entry fails this test).
 * Changes without If-Match show that the role and scope are checked first: 428 means "allowed, now
 * send the ETag", 403 means "not yours".
 */
@QuarkusTest
class SecurityMatrixTest {

    static final String PROVIDER_ID = "prov-matrix";

    @Test
    void everyEndpointAnswersEveryCallerAsDocumented() {
        Fixtures.provider(PROVIDER_ID, "LEISURE_OPERATOR");
        Map<String, Object> siteBody = Fixtures.site(
                PROVIDER_ID, "Matrix Leisure", "LS12 3AB", "LEISURE_CENTRE", List.of("KNEE", "HIP"), "ACTIVE");
        String site = Fixtures.addSite(siteBody);
        Map<String, Object> classBody =
                Fixtures.cohort(site, Fixtures.next(DayOfWeek.TUESDAY, 1), List.of("TUESDAY", "THURSDAY"), 10);
        String cohort = Fixtures.addClass(classBody);
        String near = "?postcode=LS123AB"; // no space: nothing for the client to encode

        new SecurityMatrix("B86030", PROVIDER_ID, "QWO")
                .endpoint("GET", "/sites")
                .at(who -> "/sites" + near)
                .othersGet(200)
                .and()
                .endpoint("POST", "/sites")
                .body(who -> siteBody)
                .expect(201, PROVIDER, ADMIN)
                .othersGet(403)
                .and()
                .endpoint("GET", "/sites/{id}")
                .at(who -> "/sites/" + site)
                .othersGet(200)
                .and()
                .endpoint("PUT", "/sites/{id}")
                .at(who -> "/sites/" + site)
                .body(who -> siteBody)
                .expect(428, PROVIDER, ADMIN)
                .othersGet(403)
                .and()
                .endpoint("POST", "/sites/{id}/retire")
                .at(who -> "/sites/" + site + "/retire")
                .expect(428, PROVIDER, ADMIN)
                .othersGet(403)
                .and()
                .endpoint("DELETE", "/sites/{id}")
                .at(who -> "/sites/" + site)
                .expect(428, PROVIDER, ADMIN)
                .othersGet(403)
                .and()
                .endpoint("GET", "/sites/{id}/status-history")
                .at(who -> "/sites/" + site + "/status-history")
                .othersGet(200)
                .and()
                .endpoint("GET", "/sites/{id}/classes")
                .at(who -> "/sites/" + site + "/classes")
                .othersGet(200)
                .and()
                .endpoint("GET", "/classes")
                .at(who -> "/classes" + near)
                .othersGet(200)
                .and()
                .endpoint("POST", "/classes")
                .body(who -> classBody)
                .expect(201, PROVIDER, ADMIN)
                .othersGet(403)
                .and()
                .endpoint("GET", "/classes/{id}")
                .at(who -> "/classes/" + cohort)
                .othersGet(200)
                .and()
                .endpoint("PUT", "/classes/{id}")
                .at(who -> "/classes/" + cohort)
                .body(who -> classBody)
                .expect(428, PROVIDER, ADMIN)
                .othersGet(403)
                .and()
                .endpoint("DELETE", "/classes/{id}")
                .at(who -> "/classes/" + cohort)
                .expect(428, PROVIDER, ADMIN)
                .othersGet(403)
                .and()
                .endpoint("POST", "/classes/{id}/cancel")
                .at(who -> "/classes/" + cohort + "/cancel")
                .expect(428, PROVIDER, ADMIN)
                .othersGet(403)
                .and()
                .endpoint("GET", "/providers")
                .othersGet(200)
                .and()
                .endpoint("GET", "/providers/{id}")
                .at(who -> "/providers/" + PROVIDER_ID)
                .othersGet(200)
                .and()
                .endpoint("GET", "/providers/{id}/sites")
                .at(who -> "/providers/" + PROVIDER_ID + "/sites")
                .othersGet(200)
                .and()
                .endpoint("POST", "/providers")
                .body(who -> Map.of(
                        "id",
                        "prov-" + UUID.randomUUID().toString().substring(0, 8),
                        "name",
                        "New",
                        "type",
                        "THIRD_SECTOR"))
                .expect(201, ADMIN)
                .othersGet(403)
                .and()
                .endpoint("GET", "/commissioners")
                .othersGet(200)
                .and()
                .endpoint("GET", "/commissioners/{odsCode}")
                .at(who -> "/commissioners/QWO")
                .othersGet(200)
                .and()
                .endpoint("GET", "/reports/site-sustainability")
                .expect(200, ADMIN, COMMISSIONER, OTHER_COMMISSIONER, ANALYST, OTHER_ANALYST)
                .othersGet(403)
                .and()
                .endpoint("POST", "/admin/republish")
                .expect(200, ADMIN)
                .othersGet(403)
                .and()

                // the open directory feed: public, as Open Referral UK expects
                .endpoint("GET", "/")
                .open()
                .expect(200, NO_TOKEN, EXPIRED_TOKEN, UNTRUSTED_TOKEN)
                .othersGet(200)
                .and()
                .endpoint("GET", "/services")
                .open()
                .expect(200, NO_TOKEN, EXPIRED_TOKEN, UNTRUSTED_TOKEN)
                .othersGet(200)
                .and()
                .endpoint("GET", "/services/{id}")
                .at(who -> "/services/" + site)
                .open()
                .expect(200, NO_TOKEN, EXPIRED_TOKEN, UNTRUSTED_TOKEN)
                .othersGet(200)
                .and()
                .endpoint("GET", "/service_at_locations")
                .at(who -> "/service_at_locations" + near)
                .open()
                .expect(200, NO_TOKEN, EXPIRED_TOKEN, UNTRUSTED_TOKEN)
                .othersGet(200)
                .and()
                .verify();
    }
}

package uk.nhs.pathways.sitedirectory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static uk.nhs.pathways.sitedirectory.Fixtures.ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.testing.TestTokens;

/** Commissioners from the reference data, every site's status history, and how many sites keep delivering. */
@QuarkusTest
class SiteHistoryAndReportsTest {

    static final String PROVIDER = "prov-history";

    @Test
    void theCommissionersAreTheIcbsWithTheirSubIcbLocations() {
        given().auth()
                .oauth2(TestTokens.token("referrer", "B86030"))
                .get("/commissioners")
                .then()
                .statusCode(200)
                .body("", hasSize(42))
                .body("odsCode", hasItems("QWO", "QRL", "QHM"));
        given().auth()
                .oauth2(ADMIN)
                .get("/commissioners/QRL")
                .then()
                .statusCode(200)
                .body("name", equalTo("NHS Hampshire and Isle of Wight Integrated Care Board"))
                .body("regionName", equalTo("South East"))
                .body("subIcbLocations.odsCode", hasItems("D9Y0V", "10R"));
        given().auth().oauth2(ADMIN).get("/commissioners/XXX").then().statusCode(404);
    }

    @Test
    void aSiteKeepsEveryStatusWithTheDateItTookEffect() {
        Fixtures.provider(PROVIDER, "LOCAL_AUTHORITY");
        Map<String, Object> site = Fixtures.site(
                PROVIDER, "Newport Community Hub", "PO30 1NR", "COMMUNITY_CENTRE", List.of("KNEE"), "ONBOARDING");
        site.put("statusSince", "2025-01-10");
        String id = Fixtures.addSite(site);
        given().auth()
                .oauth2(ADMIN)
                .get("/sites/" + id)
                .then()
                .statusCode(200)
                .body("subIcbOdsCode", equalTo("D9Y0V"))
                .body("statusChangedOn", equalTo("2025-01-10"));

        site.put("status", "ACTIVE");
        site.put("statusSince", "2025-03-01");
        put(id, site).statusCode(200).body("status", equalTo("ACTIVE")).body("statusChangedOn", equalTo("2025-03-01"));
        site.put("status", "PAUSED");
        site.put("statusSince", "2025-02-01");
        put(id, site).statusCode(400).body("errors.field", hasItem("statusSince"));
        site.put("statusSince", Fixtures.today().plusDays(2).toString());
        put(id, site).statusCode(400).body("errors.field", hasItem("statusSince"));
        site.remove("statusSince");
        put(id, site)
                .statusCode(200)
                .body("statusChangedOn", equalTo(Fixtures.today().toString()));

        given().auth()
                .oauth2(ADMIN)
                .get("/sites/" + id + "/status-history")
                .then()
                .statusCode(200)
                .body("status", contains("ONBOARDING", "ACTIVE", "PAUSED"))
                .body(
                        "effectiveOn",
                        contains("2025-01-10", "2025-03-01", Fixtures.today().toString()));
    }

    @Test
    void onlyASiteThatNeverDeliveredCanBeDeletedAndItIsTombstonedOnTheTopic() {
        Fixtures.provider(PROVIDER, "LOCAL_AUTHORITY");
        String mistake = Fixtures.addSite(
                Fixtures.site(PROVIDER, "Typo Hall", "PO31 7AA", "COMMUNITY_CENTRE", List.of("KNEE"), "ONBOARDING"));
        String delivered = Fixtures.addSite(
                Fixtures.site(PROVIDER, "Cowes Hall", "PO31 7AA", "COMMUNITY_CENTRE", List.of("KNEE"), "ACTIVE"));

        given().auth()
                .oauth2(ADMIN)
                .header("If-Match", Fixtures.etag("/sites/" + delivered))
                .delete("/sites/" + delivered)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Fixtures.providerToken(PROVIDER))
                .header("If-Match", Fixtures.etag("/sites/" + mistake))
                .delete("/sites/" + mistake)
                .then()
                .statusCode(204);
        given().auth().oauth2(ADMIN).get("/sites/" + mistake).then().statusCode(404);

        try (var reader = new uk.nhs.pathways.testing.TopicReader(uk.nhs.pathways.events.Topics.SITES)) {
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> {
                        var records = reader.poll().stream()
                                .filter(r -> mistake.equals(r.key()))
                                .toList();
                        return !records.isEmpty() && records.getLast().value() == null;
                    });
        }
    }

    @Test
    void theShareOfSitesStillDeliveringIsReportedAsOfAnyDate() {
        Fixtures.provider(PROVIDER, "LOCAL_AUTHORITY");
        // Isle of Wight (Hampshire and Isle of Wight ICB, QRL); dates long before any other test's sites
        history("IoW still active", "PO30 1NR", "ONBOARDING:2017-03-01", "ACTIVE:2017-06-01");
        history("IoW ceased", "PO30 2AA", "ONBOARDING:2017-01-01", "ACTIVE:2017-02-01", "CEASED:2019-06-30");
        history("IoW paused", "PO30 3AA", "ACTIVE:2018-01-01", "PAUSED:2019-11-01");
        history("IoW onboarding", "PO30 4AA", "ONBOARDING:2019-10-01");
        history("IoW later", "PO30 5AA", "ONBOARDING:2020-05-01");

        given().auth()
                .oauth2(TestTokens.token("commissioner", "QRL"))
                .queryParam("asOf", "2019-12-31")
                .get("/reports/site-sustainability")
                .then()
                .statusCode(200)
                .body("icb", equalTo("QRL"))
                .body("all.onboarding", equalTo(1))
                .body("all.active", equalTo(1))
                .body("all.paused", equalTo(1))
                .body("all.ceased", equalTo(1))
                .body("all.everDelivered", equalTo(3))
                .body("all.stillDeliveringPercent", equalTo(33.3f))
                .body("byProviderType.LOCAL_AUTHORITY.everDelivered", equalTo(3))
                .body("bySetting.COMMUNITY_CENTRE.active", equalTo(1));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("asOf", "2017-12-31")
                .queryParam("icb", "QRL")
                .get("/reports/site-sustainability")
                .then()
                .statusCode(200)
                .body("all.active", equalTo(2))
                .body("all.everDelivered", equalTo(2))
                .body("all.stillDeliveringPercent", equalTo(100.0f));
        given().auth()
                .oauth2(TestTokens.token("analyst", "QWO"))
                .queryParam("icb", "QRL")
                .get("/reports/site-sustainability")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(ADMIN)
                .queryParam("asOf", Fixtures.today().plusDays(1).toString())
                .get("/reports/site-sustainability")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("asOf"));
        given().auth()
                .oauth2(Fixtures.providerToken(PROVIDER))
                .get("/reports/site-sustainability")
                .then()
                .statusCode(403);
    }

    /** A site whose statuses were, in order, "STATUS:date". */
    static void history(String name, String postcode, String... steps) {
        String[] first = steps[0].split(":");
        Map<String, Object> site =
                Fixtures.site(PROVIDER, name, postcode, "COMMUNITY_CENTRE", List.of("KNEE"), first[0]);
        site.put("statusSince", first[1]);
        String id = Fixtures.addSite(site);
        for (int i = 1; i < steps.length; i++) {
            String[] step = steps[i].split(":");
            site.put("status", step[0]);
            site.put("statusSince", step[1]);
            put(id, site).statusCode(200);
        }
    }

    static io.restassured.response.ValidatableResponse put(String id, Map<String, Object> site) {
        return given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .header("If-Match", Fixtures.etag("/sites/" + id))
                .body(site)
                .put("/sites/" + id)
                .then();
    }
}

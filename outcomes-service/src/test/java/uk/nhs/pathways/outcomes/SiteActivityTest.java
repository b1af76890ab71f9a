package uk.nhs.pathways.outcomes;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FundingDecided;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.ReferralStatusChanged;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TestTokens;

@QuarkusTest
class SiteActivityTest {

    static String referral(String site, String icb, boolean funded) {
        String id = UUID.randomUUID().toString();
        TestEvents.publish(
                EventType.REFERRAL_SUBMITTED,
                id,
                new ReferralSubmitted(
                        id,
                        "p-" + id.substring(0, 8),
                        "B86030",
                        Joint.HIP,
                        site,
                        "prov-1",
                        12,
                        900,
                        Instant.now(),
                        null,
                        1,
                        null));
        TestEvents.publish(
                EventType.FUNDING_DECIDED,
                id,
                new FundingDecided(
                        id,
                        funded,
                        funded ? "c-1" : null,
                        funded ? 12 : null,
                        icb,
                        funded ? List.of() : List.of("capped"),
                        Instant.now(),
                        1,
                        1));
        TestEvents.publish(
                funded ? EventType.REFERRAL_OFFERED : EventType.REFERRAL_NEEDS_ATTENTION,
                id,
                new ReferralStatusChanged(
                        id,
                        funded ? ReferralStatus.OFFERED : ReferralStatus.NEEDS_ATTENTION,
                        site,
                        "prov-1",
                        "B86030",
                        "why",
                        Instant.now(),
                        null));
        return id;
    }

    @Test
    void referralsAreCountedPerSiteForTheAnalystsOwnIcb() {
        String site = "site-" + UUID.randomUUID();
        referral(site, "QWO", true);
        referral(site, "QWO", true);
        referral(site, "QWO", false);
        String x = "x-" + site;
        var original = TestEvents.publish(
                EventType.REFERRAL_SUBMITTED,
                x,
                new ReferralSubmitted(
                        x, "p-x", "B86030", Joint.KNEE, site, "prov-1", 12, 10, Instant.now(), null, 1, null));
        // The same event id again, with a payload that would move the referral to another site if it were
        // applied: only deduplication by event id keeps it where the first delivery put it.
        String elsewhere = "elsewhere-" + site;
        TestEvents.publish(
                Topics.REFERRALS,
                EventCodec.envelope(
                        UUID.fromString(original.getId()),
                        EventType.REFERRAL_SUBMITTED,
                        "/pathways/test",
                        x,
                        OffsetDateTime.now(),
                        EventCodec.toJson(new ReferralSubmitted(
                                x,
                                "p-x",
                                "B86030",
                                Joint.KNEE,
                                elsewhere,
                                "prov-1",
                                12,
                                10,
                                Instant.now(),
                                null,
                                1,
                                null))));
        // A later event of the same referral (same partition): once it is applied, so is the redelivery.
        TestEvents.publish(
                EventType.REFERRAL_NEEDS_ATTENTION,
                x,
                new ReferralStatusChanged(
                        x, ReferralStatus.NEEDS_ATTENTION, site, "prov-1", "B86030", "why", Instant.now(), null));
        String analyst = TestTokens.token("analyst", "QWO");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(analyst)
                        .get("/reports/site-activity")
                        .then()
                        .statusCode(200)
                        .body("find { it.siteId == '" + site + "' }.offered", equalTo(2))
                        .body("find { it.siteId == '" + site + "' }.needsAttention", equalTo(1)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.token("admin", null))
                        .get("/reports/site-activity")
                        .then()
                        .statusCode(200)
                        .body("find { it.siteId == '" + site + "' }.referrals", equalTo(4))
                        .body("find { it.siteId == '" + site + "' }.needsAttention", equalTo(2)));
        given().auth()
                .oauth2(TestTokens.token("admin", null))
                .get("/reports/site-activity")
                .then()
                .body("siteId", not(hasItem(elsewhere)));
        // Another ICB's analyst sees nothing of West Yorkshire's referrals.
        given().auth()
                .oauth2(TestTokens.token("analyst", "QHM"))
                .get("/reports/site-activity")
                .then()
                .statusCode(200)
                .body("siteId", not(hasItem(site)));
        given().auth()
                .oauth2(TestTokens.token("referrer", "B86030"))
                .get("/reports/site-activity")
                .then()
                .statusCode(403);
        given().get("/reports/site-activity").then().statusCode(401);
    }

    @Test
    void noPersonalDataIsStored() {
        referral("site-pd", "QWO", true);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.token("admin", null))
                        .get("/reports/site-activity")
                        .then()
                        .body("siteId", hasItem("site-pd")));
        // The schema has no column that could hold an NHS number, a name, a date of birth or a postcode.
        List<String> columns = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> uk.nhs.pathways.outcomes.activity.domain.ReferralJourney.getEntityManager()
                        .createNativeQuery(
                                "select table_name || '.' || column_name from information_schema.columns"
                                        + " where table_schema = current_schema() and table_name in"
                                        + " ('referral_journey', 'course', 'course_session', 'measure', 'site_copy',"
                                        + " 'demo_history')",
                                String.class)
                        .getResultList());
        org.assertj.core.api.Assertions.assertThat(columns)
                .hasSizeGreaterThan(50)
                .noneMatch(c -> c.contains("nhs")
                        || c.contains("name")
                        || c.contains("postcode")
                        || c.contains("birth")
                        || c.contains("dob"));
    }
}

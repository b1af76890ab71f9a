package uk.nhs.pathways.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static uk.nhs.pathways.contract.Fixtures.commissioner;
import static uk.nhs.pathways.contract.Fixtures.contract;
import static uk.nhs.pathways.contract.Fixtures.get;
import static uk.nhs.pathways.contract.Fixtures.register;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ProviderType;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.events.SiteUpdated;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TestTokens;
import uk.nhs.pathways.testing.TopicReader;

/**
 * A site on the Tamar (Torpoint, PL11) serves the residents of two commissioners, Cornwall (QT6) and Devon
 * (QJK), each with its own contract: coverage per commissioner from this service's copy of the sites topic,
 * yes or no only. Cornwall and Devon are this class's alone.
 */
@QuarkusTest
class SiteCoverageTest {

    static final String CORNWALL = "QT6";
    static final String DEVON = "QJK";

    static SiteUpdated site(String siteId, String provider) {
        return new SiteUpdated(
                siteId,
                "Torpoint Community Centre",
                provider,
                "Tamar Moves",
                ProviderType.THIRD_SECTOR,
                Setting.COMMUNITY_CENTRE,
                "PL11 2AA",
                50.372979,
                -4.255488,
                List.of(Joint.KNEE, Joint.HIP),
                12,
                SiteStatus.ACTIVE,
                List.of());
    }

    @Test
    void eachCommissionerWhoseResidentsASiteServesIsCoveredOrNotAndAProviderSeesNoPrices() {
        String provider = "prov-tamar-" + UUID.randomUUID().toString().substring(0, 6);
        String siteId = "site-torpoint-" + UUID.randomUUID().toString().substring(0, 6);
        register(DEVON, contract(provider + "-devon", DEVON, "providerId", provider, "pricePerEpisodePence", 16_300));
        register(
                CORNWALL,
                contract(
                        provider + "-cornwall",
                        CORNWALL,
                        "providerId",
                        provider,
                        "model",
                        "BLOCK",
                        "maxContactsPerEpisode",
                        4,
                        "blockAmountPence",
                        900_000));
        TestEvents.publish(EventType.SITE_UPDATED, siteId, site(siteId, provider));
        String path = "/sites/" + siteId + "/coverage";
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        get(TestTokens.token("admin", null), path).extract().statusCode() == 200);

        String asProvider = get(TestTokens.token("provider", provider), path)
                .statusCode(200)
                .body("siteId", equalTo(siteId))
                .body("servedRadiusMetres", equalTo(30_000))
                .body("commissioners.icb", equalTo(List.of(CORNWALL, DEVON)))
                .body("commissioners.servesResidents", equalTo(List.of(true, true)))
                .body("commissioners.covered", equalTo(List.of(false, true)))
                .body("commissioners.gap", equalTo(List.of("TOO_FEW_CONTACTS", "NONE")))
                .body("commissioners[1].contactsPerEpisode", equalTo(12))
                .body("commissioners[1].joints", equalTo(List.of("KNEE", "HIP")))
                .extract()
                .asString();
        assertThat(asProvider)
                .doesNotContainIgnoringCase("pence")
                .doesNotContainIgnoringCase("price")
                .doesNotContain(provider + "-devon")
                .doesNotContain(provider + "-cornwall");
        get(TestTokens.token("provider", "another-provider"), path).statusCode(404);

        JsonPath cornwall =
                get(commissioner(CORNWALL), path).statusCode(200).extract().jsonPath();
        assertThat(cornwall.getList("commissioners.icb")).containsExactly(CORNWALL);
        JsonPath far = get(commissioner("QWO"), path).statusCode(200).extract().jsonPath();
        assertThat(far.getList("commissioners.icb")).containsExactly("QWO");
        assertThat(far.getBoolean("commissioners[0].servesResidents")).isFalse();
        get(TestTokens.token("admin", null), path)
                .statusCode(200)
                .body("commissioners.icb", equalTo(List.of(CORNWALL, DEVON)));
        // Before the contracts began, nothing covered.
        get(TestTokens.token("admin", null), path + "?on=2019-12-31")
                .statusCode(200)
                .body("commissioners.gap", equalTo(List.of("NO_CONTRACT", "NO_CONTRACT")));
        get(TestTokens.token("admin", null), path + "?on=tomorrow")
                .statusCode(400)
                .body("errors[0].field", equalTo("on"));

        // Deleted from the directory (a tombstone): gone here too.
        TopicReader.write(Topics.SITES, siteId, null, java.util.Map.of());
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        get(TestTokens.token("admin", null), path).extract().statusCode() == 404);
    }
}

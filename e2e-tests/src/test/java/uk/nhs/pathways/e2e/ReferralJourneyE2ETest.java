package uk.nhs.pathways.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static uk.nhs.pathways.e2e.E2E.LEEDS_PRACTICE;
import static uk.nhs.pathways.e2e.E2E.TEESSIDE_PRACTICE;
import static uk.nhs.pathways.e2e.E2E.as;
import static uk.nhs.pathways.e2e.E2E.awaitStatus;
import static uk.nhs.pathways.e2e.E2E.field;
import static uk.nhs.pathways.e2e.E2E.provider;
import static uk.nhs.pathways.e2e.E2E.refer;
import static uk.nhs.pathways.e2e.E2E.referrer;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A referral from a Leeds FCP through all four services: routed to the best class from the demo
 * directory, funded by the demo contract, offered, accepted, and booked through the site directory,
 * which owns capacity; a Teesside referral held by its commissioner's 4-contact cap.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReferralJourneyE2ETest {

    @BeforeAll
    static void thePlatformRuns() {
        E2E.platform();
    }

    @Test
    @Order(1)
    void aLeedsReferralIsRankedOfferedAcceptedAndBookedThroughTheDirectory() {
        // The directory publishes its ~340 demo sites and their classes; the referral service ranks from its
        // own copies, so wait until a referral finds a class.
        as("site-directory-service", "admin", null)
                .queryParam("postcode", "LS6 2AB")
                .queryParam("programme", "KNEE")
                .get("/classes")
                .then()
                .statusCode(200)
                .body("total", greaterThan(0));
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> "SUBMITTED".equals(field(LEEDS_PRACTICE, refer(LEEDS_PRACTICE, "LS6 2AB"), "status")));

        String id = refer(LEEDS_PRACTICE, "LS6 2AB");
        awaitStatus(LEEDS_PRACTICE, id, "OFFERED", Duration.ofSeconds(30));
        referrer(LEEDS_PRACTICE)
                .get("/referrals/" + id)
                .then()
                .body("statusReason", startsWith("Funded by contract"))
                .body("ranking[0].rank", equalTo(1))
                .body("ranking[0].funded", equalTo(true));
        String providerId = field(LEEDS_PRACTICE, id, "offer.providerId");
        String classId = field(LEEDS_PRACTICE, id, "offer.classId");
        assertThat(classId).isEqualTo(field(LEEDS_PRACTICE, id, "ranking[0].classId"));

        // The provider it was offered to sees it; another provider and another practice cannot even tell it
        // exists.
        String other = providerId.equals("leisure-1") ? "leisure-2" : "leisure-1";
        provider(providerId).get("/referrals/" + id).then().statusCode(200).body("patient.name", equalTo("E2E Person"));
        provider(other).get("/referrals/" + id).then().statusCode(404);
        provider(other)
                .contentType(ContentType.JSON)
                .body(Map.of("accept", true))
                .post("/referrals/" + id + "/response")
                .then()
                .statusCode(404);
        provider(other)
                .contentType(ContentType.JSON)
                .body(Map.of("classId", classId))
                .post("/referrals/" + id + "/booking")
                .then()
                .statusCode(404);
        referrer(TEESSIDE_PRACTICE).get("/referrals/" + id).then().statusCode(404);
        referrer(TEESSIDE_PRACTICE).get("/referrals").then().statusCode(200).body("id", not(hasItem(id)));

        // Accepted, then booked: the referral service asks, the directory reserves the place and answers.
        provider(providerId)
                .contentType(ContentType.JSON)
                .body(Map.of("accept", true))
                .post("/referrals/" + id + "/response")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        as("referral-service", "admin", null)
                .queryParam("referralId", id)
                .get("/audit")
                .then()
                .statusCode(200)
                .body("organisation", hasItem(providerId));
        int placesBefore = placesTaken(classId);
        provider(providerId)
                .contentType(ContentType.JSON)
                .body(Map.of("classId", classId))
                .post("/referrals/" + id + "/booking")
                .then()
                .statusCode(202)
                .body("status", equalTo("BOOKING_REQUESTED"));
        awaitStatus(LEEDS_PRACTICE, id, "BOOKED", Duration.ofSeconds(30));
        assertThat(field(LEEDS_PRACTICE, id, "classId").toString()).isEqualTo(classId);
        assertThat(placesTaken(classId)).isEqualTo(placesBefore + 1);

        // The contract service decided it for West Yorkshire, and outcomes counted it for that ICB.
        as("contract-service", "commissioner", "QWO")
                .get("/funding-decisions/" + id)
                .then()
                .statusCode(200)
                .body("funded", equalTo(true));
        String site = field(LEEDS_PRACTICE, id, "offer.siteId");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("outcomes-service", "analyst", "QWO")
                        .get("/reports/site-activity")
                        .then()
                        .statusCode(200)
                        .body("find { it.siteId == '" + site + "' }.booked", greaterThan(0)));

        // Every step is on the FCP's timeline, with who did it.
        List<Map<String, Object>> timeline = referrer(LEEDS_PRACTICE)
                .get("/referrals/" + id + "/timeline")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(timeline)
                .extracting(step -> step.get("to"))
                .containsExactly("SUBMITTED", "OFFERED", "ACCEPTED", "BOOKING_REQUESTED", "BOOKED");
        assertThat(timeline.get(2).get("actorOrganisation")).isEqualTo(providerId);
    }

    @Test
    @Order(2)
    void aContractCappedBelowTheCourseLeavesTheReferralNeedingAttention() {
        String id = refer(TEESSIDE_PRACTICE, "TS18 1HU");
        awaitStatus(TEESSIDE_PRACTICE, id, "NEEDS_ATTENTION", Duration.ofSeconds(30));
        referrer(TEESSIDE_PRACTICE)
                .get("/referrals/" + id)
                .then()
                .body("statusReasonCode", equalTo("NOT_FUNDED"))
                .body("statusReason", org.hamcrest.Matchers.containsString("at most 4 contacts per episode"));
    }

    static int placesTaken(String classId) {
        return as("site-directory-service", "admin", null)
                .get("/classes/" + classId)
                .then()
                .statusCode(200)
                .extract()
                .path("placesTaken");
    }
}

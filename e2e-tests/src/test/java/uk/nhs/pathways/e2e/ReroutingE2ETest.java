package uk.nhs.pathways.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static uk.nhs.pathways.e2e.E2E.LEEDS_PRACTICE;
import static uk.nhs.pathways.e2e.E2E.awaitStatus;
import static uk.nhs.pathways.e2e.E2E.field;
import static uk.nhs.pathways.e2e.E2E.provider;
import static uk.nhs.pathways.e2e.E2E.refer;
import static uk.nhs.pathways.e2e.E2E.referrer;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.Topics;

/**
 * A provider declines: the referral moves on to the next ranked class, is decided afresh for that
 * provider, offered, accepted and booked; the FCP then withdraws it and the place is released. The
 * provider's own words never leave the referral service.
 */
@Order(2)
class ReroutingE2ETest {

    static final String PRIVATE_NOTE = "Spoke to Mrs Example on 07700 900123";

    @BeforeAll
    static void thePlatformRuns() {
        E2E.platform();
    }

    @Test
    void aDeclinedReferralIsReroutedBookedThenWithdrawnAndItsPlaceReleased() {
        String id = refer(LEEDS_PRACTICE, "LS6 2AB");
        awaitStatus(LEEDS_PRACTICE, id, "OFFERED", Duration.ofSeconds(60));
        String firstProvider = field(LEEDS_PRACTICE, id, "offer.providerId");
        String firstClass = field(LEEDS_PRACTICE, id, "offer.classId");

        provider(firstProvider)
                .contentType(ContentType.JSON)
                .body(Map.of("accept", false, "reasonCode", "NOT_SUITABLE", "reason", PRIVATE_NOTE))
                .post("/referrals/" + id + "/response")
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> referrer(LEEDS_PRACTICE)
                        .get("/referrals/" + id)
                        .then()
                        .body("status", equalTo("OFFERED"))
                        .body("routeNumber", equalTo(2)));
        String secondProvider = field(LEEDS_PRACTICE, id, "offer.providerId");
        String secondClass = field(LEEDS_PRACTICE, id, "offer.classId");
        assertThat(secondClass).isNotEqualTo(firstClass);

        provider(secondProvider)
                .contentType(ContentType.JSON)
                .body(Map.of("accept", true))
                .post("/referrals/" + id + "/response")
                .then()
                .statusCode(200);
        int placesBefore = ReferralJourneyE2ETest.placesTaken(secondClass);
        provider(secondProvider)
                .contentType(ContentType.JSON)
                .body(Map.of("classId", secondClass))
                .post("/referrals/" + id + "/booking")
                .then()
                .statusCode(202);
        awaitStatus(LEEDS_PRACTICE, id, "BOOKED", Duration.ofSeconds(30));
        assertThat(ReferralJourneyE2ETest.placesTaken(secondClass)).isEqualTo(placesBefore + 1);

        // The FCP withdraws it: the directory releases the place.
        referrer(LEEDS_PRACTICE)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/referrals/" + id + "/withdrawal")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ReferralJourneyE2ETest.placesTaken(secondClass) == placesBefore);

        List<Map<String, Object>> timeline = referrer(LEEDS_PRACTICE)
                .get("/referrals/" + id + "/timeline")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(timeline)
                .extracting(step -> step.get("to"))
                .containsExactly(
                        "SUBMITTED",
                        "OFFERED",
                        "DECLINED",
                        "SUBMITTED",
                        "OFFERED",
                        "ACCEPTED",
                        "BOOKING_REQUESTED",
                        "BOOKED",
                        "WITHDRAWN");
        assertThat(timeline.get(2).get("reasonCode")).isEqualTo("NOT_SUITABLE");
        assertThat(timeline.get(2).get("actorOrganisation")).isEqualTo(firstProvider);

        // On the topic, the decline is coded (schema v2) and the provider's words are nowhere.
        List<ConsumerRecord<String, byte[]>> events = E2E.readTopic(Topics.REFERRALS).stream()
                .filter(r -> id.equals(r.key()))
                .toList();
        assertThat(events)
                .extracting(r -> E2E.header(r, "ce_type"))
                .contains(
                        "uk.nhs.pathways.referral.declined",
                        "uk.nhs.pathways.referral.rerouted",
                        "uk.nhs.pathways.referral.booking-requested",
                        "uk.nhs.pathways.referral.booked",
                        "uk.nhs.pathways.referral.withdrawn");
        ConsumerRecord<String, byte[]> declined = events.stream()
                .filter(r -> "uk.nhs.pathways.referral.declined".equals(E2E.header(r, "ce_type")))
                .findFirst()
                .orElseThrow();
        assertThat(E2E.header(declined, "ce_dataschema")).isEqualTo("urn:pathways:schema:referral.declined:v2");
        assertThat(new String(declined.value(), StandardCharsets.UTF_8)).contains("NOT_SUITABLE");
        for (ConsumerRecord<String, byte[]> event : events) {
            assertThat(new String(event.value(), StandardCharsets.UTF_8))
                    .doesNotContain("07700")
                    .doesNotContain("Mrs Example")
                    .doesNotContain("E2E Person");
        }
    }
}

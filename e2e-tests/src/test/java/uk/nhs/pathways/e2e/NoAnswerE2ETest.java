package uk.nhs.pathways.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static uk.nhs.pathways.e2e.E2E.LEEDS_PRACTICE;
import static uk.nhs.pathways.e2e.E2E.awaitStatus;
import static uk.nhs.pathways.e2e.E2E.refer;
import static uk.nhs.pathways.e2e.E2E.referrer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A provider that does not answer within the configured working days (5) loses the offer: the referral
 * moves on to the next class. Every service's clock is moved on 9 days (over at least one weekend),
 * as a week and more of silence would.
 */
@Order(9)
class NoAnswerE2ETest {

    @BeforeAll
    static void thePlatformRuns() {
        E2E.platform();
    }

    @AfterAll
    static void timeComesBack() throws Exception {
        E2E.shiftClocks(Duration.ZERO);
    }

    @Test
    void anOfferNobodyAnswersMovesOnToTheNextClass() throws Exception {
        String id = refer(LEEDS_PRACTICE, "LS6 2AB");
        awaitStatus(LEEDS_PRACTICE, id, "OFFERED", Duration.ofSeconds(60));

        E2E.shiftClocks(Duration.ofDays(9));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() ->
                        referrer(LEEDS_PRACTICE).get("/referrals/" + id).then().body("routeNumber", equalTo(2)));
        List<Map<String, Object>> timeline = referrer(LEEDS_PRACTICE)
                .get("/referrals/" + id + "/timeline")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        org.assertj.core.api.Assertions.assertThat(timeline)
                .extracting(step -> step.get("to"), step -> step.get("reasonCode"))
                .contains(org.assertj.core.groups.Tuple.tuple("SUBMITTED", "NO_ANSWER"));
    }
}

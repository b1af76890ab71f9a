package uk.nhs.pathways.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static uk.nhs.pathways.contract.Fixtures.commissioner;
import static uk.nhs.pathways.contract.Fixtures.contract;
import static uk.nhs.pathways.contract.Fixtures.get;
import static uk.nhs.pathways.contract.Fixtures.register;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.contract.funding.domain.Commitment;
import uk.nhs.pathways.contract.terms.domain.CapPeriod;
import uk.nhs.pathways.contract.terms.domain.Period;
import uk.nhs.pathways.events.ContractUtilisationReached;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.events.UtilisationMeasure;
import uk.nhs.pathways.platform.time.England;
import uk.nhs.pathways.testing.TopicReader;

/**
 * Utilisation per contract and period, and the alerts at 80% and 100% of each cap, once each however often a
 * cap is left and reached again. Frimley (QNQ, practice H81013) is this class's alone.
 */
@QuarkusTest
class UtilisationTest {

    static final String ICB = "QNQ";
    static final String PRACTICE = "H81013";

    static String referAndAwait(String provider) {
        String id = Fixtures.refer(PRACTICE, provider, "site-frimley", 12, Instant.now());
        Fixtures.decision(id);
        return id;
    }

    static List<ContractUtilisationReached> alerts(String contractId, int atLeast) {
        try (TopicReader reader = new TopicReader(Topics.CONTRACT_ALERTS)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> of(reader, contractId).size() >= atLeast);
            return of(reader, contractId);
        }
    }

    static List<ContractUtilisationReached> of(TopicReader reader, String contractId) {
        return reader.events().stream()
                .filter(e -> contractId.equals(e.getSubject()))
                .map(e ->
                        EventCodec.payload(e, EventType.CONTRACT_UTILISATION_REACHED, ContractUtilisationReached.class))
                .toList();
    }

    @Test
    void eightyAndOneHundredPercentAreAnnouncedOnceEachPerMeasure() {
        String provider = "prov-frimley-" + UUID.randomUUID().toString().substring(0, 6);
        String contractId = provider + "-cap5";
        register(
                ICB,
                contract(
                        contractId,
                        ICB,
                        "providerId",
                        provider,
                        "maxEpisodesPerPeriod",
                        5,
                        "pricePerEpisodePence",
                        10_000,
                        "budgetPencePerPeriod",
                        50_000));
        Period quarter = CapPeriod.QUARTER.containing(LocalDate.now(England.ZONE));

        String first = null;
        for (int i = 0; i < 3; i++) {
            String id = referAndAwait(provider);
            first = first == null ? id : first;
        }
        assertThat(alertRows(contractId)).isZero(); // 60%: nothing yet
        referAndAwait(provider); // 4 of 5: 80%
        String fifth = referAndAwait(provider); // 5 of 5: 100%
        List<ContractUtilisationReached> alerts = alerts(contractId, 4);
        assertThat(alerts)
                .extracting(
                        ContractUtilisationReached::measure,
                        ContractUtilisationReached::thresholdPercent,
                        ContractUtilisationReached::cap,
                        ContractUtilisationReached::committed)
                .containsExactlyInAnyOrder(
                        tuple(UtilisationMeasure.EPISODES, 80, 5L, 4L),
                        tuple(UtilisationMeasure.BUDGET, 80, 50_000L, 40_000L),
                        tuple(UtilisationMeasure.EPISODES, 100, 5L, 5L),
                        tuple(UtilisationMeasure.BUDGET, 100, 50_000L, 50_000L));
        assertThat(alerts).allSatisfy(a -> {
            assertThat(a.commissionerIcb()).isEqualTo(ICB);
            assertThat(a.periodStart()).isEqualTo(quarter.start());
            assertThat(a.periodEnd()).isEqualTo(quarter.end());
        });

        // Below the cap again, then at it again: no new alerts.
        Fixtures.status(EventType.REFERRAL_WITHDRAWN, fifth, ReferralStatus.WITHDRAWN);
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.stored(fifth).commitment == Commitment.RELEASED);
        referAndAwait(provider);
        assertThat(Fixtures.decision(referAndAwait(provider)).funded()).isFalse(); // the sixth: cap reached
        assertThat(alertRows(contractId)).isEqualTo(4);

        Fixtures.started(first, LocalDate.now());
        String started = first;
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.stored(started).commitment == Commitment.USED);
        get(commissioner(ICB), "/contracts/" + contractId + "/utilisation?period=" + LocalDate.now(England.ZONE))
                .statusCode(200)
                .body("periodStart", equalTo(quarter.start().toString()))
                .body("periodEnd", equalTo(quarter.end().toString()))
                .body("version", equalTo(1))
                .body("episodes.cap", equalTo(5))
                .body("episodes.committed", equalTo(4))
                .body("episodes.used", equalTo(1))
                .body("episodes.remaining", equalTo(0))
                .body("budget.cap", equalTo(50_000))
                .body("budget.committed", equalTo(40_000))
                .body("budget.used", equalTo(10_000))
                .body("budget.remaining", equalTo(0));
        // Another quarter: nothing committed, all remaining.
        get(
                        commissioner(ICB),
                        "/contracts/" + contractId + "/utilisation?period="
                                + quarter.end().plusDays(1))
                .statusCode(200)
                .body("episodes.committed", equalTo(0))
                .body("episodes.remaining", equalTo(5));
        get(commissioner(ICB), "/contracts/" + contractId + "/utilisation?period=next-week")
                .statusCode(400)
                .body("errors[0].field", equalTo("period"));
        get(commissioner("QWO"), "/contracts/" + contractId + "/utilisation").statusCode(404);
    }

    static long alertRows(String contractId) {
        return Fixtures.count(
                "select count(*) from outbox_event where type = ?1 and event_key = ?2",
                EventType.CONTRACT_UTILISATION_REACHED.type(),
                contractId);
    }
}

package uk.nhs.pathways.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static uk.nhs.pathways.contract.Fixtures.commissioner;
import static uk.nhs.pathways.contract.Fixtures.contract;
import static uk.nhs.pathways.contract.Fixtures.get;
import static uk.nhs.pathways.contract.Fixtures.post;
import static uk.nhs.pathways.contract.Fixtures.register;
import static uk.nhs.pathways.contract.Fixtures.version;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.contract.funding.domain.Commitment;
import uk.nhs.pathways.contract.funding.domain.ReferralEpisode;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FundingDecided;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.platform.time.England;

/**
 * Creating, amending or ending a contract checks again the referrals it affects, and publishes the same route
 * with the next revision when the outcome changes. North West London (QRV, practice E84002) is this class's
 * alone.
 */
@QuarkusTest
class ReEvaluationTest {

    static final String ICB = "QRV";
    static final String PRACTICE = "E84002";

    static String aProvider() {
        return "prov-nwl-" + UUID.randomUUID().toString().substring(0, 6);
    }

    static String refer(String provider) {
        return Fixtures.refer(PRACTICE, provider, "site-nwl", 12, Instant.now());
    }

    static long published(String referralId) {
        return Fixtures.count(
                "select count(*) from outbox_event where type = ?1 and event_key = ?2",
                EventType.FUNDING_DECIDED.type(),
                referralId);
    }

    static void awaitStage(String referralId, ReferralEpisode.Stage stage) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                                .call(() -> ReferralEpisode.<ReferralEpisode>findById(referralId).stage)
                        == stage);
    }

    @Test
    void aReferralRefusedUnderAFourContactCapIsFundedWhenTheNewVersionAllowsTwelve() {
        String provider = aProvider();
        String contractId = provider + "-block";
        register(ICB, contract(contractId, ICB, "providerId", provider, "model", "BLOCK", "maxContactsPerEpisode", 4));
        String waiting = refer(provider);
        FundingDecided refused = Fixtures.decision(waiting);
        assertThat(refused.funded()).isFalse();
        assertThat(refused.revision()).isEqualTo(1);
        assertThat(refused.reasons())
                .containsExactly("contract " + contractId
                        + " allows at most 4 contacts per episode; the course at the site has 12 sessions");

        LocalDate today = LocalDate.now(England.ZONE);
        post(
                        commissioner(ICB),
                        "/contracts/" + contractId + "/versions",
                        version(
                                "model",
                                "BLOCK",
                                "providerIds",
                                List.of(provider),
                                "validFrom",
                                today.toString(),
                                "supersede",
                                true))
                .statusCode(201);

        List<FundingDecided> both = Fixtures.decisions(waiting, d -> d.revision() == 2);
        assertThat(both).extracting(FundingDecided::revision).containsExactly(1, 2);
        FundingDecided revised = both.get(1);
        assertThat(revised.funded()).isTrue();
        assertThat(revised.routeNumber()).isEqualTo(1);
        assertThat(revised.contractId()).isEqualTo(contractId);
        assertThat(revised.contactsFunded()).isEqualTo(12);
        assertThat(revised.reasons()).isEmpty();
        get(commissioner(ICB), "/funding-decisions/" + waiting)
                .statusCode(200)
                .body("revision", equalTo(2))
                .body("contractVersion", equalTo(2))
                .body("commitment", equalTo("COMMITTED"))
                .body(
                        "revisionNote",
                        startsWith("re-checked on " + today + " when contract " + contractId + " was amended"));
        assertThat(Fixtures.count(
                        "select count(*) from funding_decision_revision where referral_id = ?1 and revision = 1 and not funded",
                        waiting))
                .isEqualTo(1);

        // Amending it again changes nothing for it: nothing more is published.
        post(
                        commissioner(ICB),
                        "/contracts/" + contractId + "/end",
                        Map.of("lastDay", today.plusYears(1).toString()))
                .statusCode(200);
        assertThat(published(waiting)).isEqualTo(2);
    }

    @Test
    void endingAContractReChecksOnlyTheReferralsNotOfferedYet() {
        String provider = aProvider();
        String contractId = provider + "-ending";
        register(ICB, contract(contractId, ICB, "providerId", provider));
        String offered = refer(provider);
        assertThat(Fixtures.decision(offered).funded()).isTrue();
        String started = refer(provider);
        assertThat(Fixtures.decision(started).funded()).isTrue();
        String notYetOffered = refer(provider);
        assertThat(Fixtures.decision(notYetOffered).funded()).isTrue();
        Fixtures.status(EventType.REFERRAL_OFFERED, offered, ReferralStatus.OFFERED);
        Fixtures.status(EventType.REFERRAL_OFFERED, started, ReferralStatus.OFFERED);
        Fixtures.started(started, LocalDate.now());
        awaitStage(offered, ReferralEpisode.Stage.OFFERED);
        awaitStage(started, ReferralEpisode.Stage.STARTED);

        LocalDate yesterday = LocalDate.now(England.ZONE).minusDays(1);
        post(commissioner(ICB), "/contracts/" + contractId + "/end", Map.of("lastDay", yesterday.toString()))
                .statusCode(200);

        List<FundingDecided> rechecked = Fixtures.decisions(notYetOffered, d -> d.revision() == 2);
        assertThat(rechecked.get(1).funded()).isFalse();
        assertThat(rechecked.get(1).reasons())
                .containsExactly("ICB " + ICB + " has no contract in force on " + yesterday.plusDays(1)
                        + " that covers provider " + provider);
        assertThat(Fixtures.stored(notYetOffered).commitment).isEqualTo(Commitment.NONE);
        // Offered and started keep the funding they were given.
        assertThat(published(offered)).isEqualTo(1);
        assertThat(published(started)).isEqualTo(1);
        assertThat(Fixtures.stored(offered).funded).isTrue();
        assertThat(Fixtures.stored(started).commitment).isEqualTo(Commitment.USED);
        assertThat(Fixtures.count(
                        "select episodes_committed from contract_period_usage where contract_id = ?1", contractId))
                .isEqualTo(1); // the offered one; the re-checked one released its place
    }

    @Test
    void aNewContractFundsTheReferralsWaitingForOne() {
        String provider = aProvider();
        String waiting = refer(provider);
        assertThat(Fixtures.decision(waiting).funded()).isFalse();
        String withdrawn = refer(provider);
        assertThat(Fixtures.decision(withdrawn).funded()).isFalse();
        Fixtures.status(EventType.REFERRAL_WITHDRAWN, withdrawn, ReferralStatus.WITHDRAWN);
        awaitStage(withdrawn, ReferralEpisode.Stage.CLOSED);

        register(ICB, contract(provider + "-new", ICB, "providerId", provider));
        FundingDecided revised =
                Fixtures.decisions(waiting, d -> d.revision() == 2).get(1);
        assertThat(revised.funded()).isTrue();
        assertThat(revised.contractId()).isEqualTo(provider + "-new");
        assertThat(published(withdrawn)).isEqualTo(1); // withdrawn: nothing to fund
    }
}

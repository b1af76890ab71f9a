package uk.nhs.pathways.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.nhs.pathways.contract.Fixtures.contract;
import static uk.nhs.pathways.contract.Fixtures.register;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.contract.funding.domain.Commitment;
import uk.nhs.pathways.contract.funding.domain.EpisodeActivity;
import uk.nhs.pathways.contract.funding.domain.PeriodUsage;
import uk.nhs.pathways.contract.funding.domain.ReferralEpisode;
import uk.nhs.pathways.contract.terms.domain.CapPeriod;
import uk.nhs.pathways.events.CourseOutcome;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FundingDecided;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.platform.time.England;

/**
 * A funded episode's reservation through the referral's lifecycle, through Kafka: committed when funded, used
 * when the course starts, released when declined, withdrawn or never attended (and then taken by the next
 * referral); kept when a booking is cancelled. Somerset (QSL, practice L85001) is this class's alone.
 */
@QuarkusTest
class EpisodeLifecycleTest {

    static final String ICB = "QSL";
    static final String PRACTICE = "L85001";

    static String refer(String provider) {
        return Fixtures.refer(PRACTICE, provider, "site-somerset", 12, Instant.now());
    }

    static void awaitCommitment(String referralId, Commitment expected) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Fixtures.stored(referralId) != null && Fixtures.stored(referralId).commitment == expected);
    }

    static PeriodUsage usage(String contractId) {
        LocalDate start = CapPeriod.QUARTER
                .containing(England.today(java.time.Clock.systemUTC()))
                .start();
        return QuarkusTransaction.requiringNew()
                .call(() -> PeriodUsage.<PeriodUsage>findByIdOptional(new PeriodUsage.Key(contractId, start))
                        .orElseThrow());
    }

    @Test
    void aReservationIsCommittedUsedOrReleasedAsTheReferralGoes() {
        String provider = "prov-som-" + UUID.randomUUID().toString().substring(0, 6);
        String contractId = provider + "-cap2";
        register(
                ICB,
                contract(
                        contractId,
                        ICB,
                        "providerId",
                        provider,
                        "maxEpisodesPerPeriod",
                        2,
                        "pricePerEpisodePence",
                        16_300));

        // One after another: referrals on different partitions are otherwise decided in any order.
        String started = refer(provider);
        assertThat(Fixtures.decision(started).funded()).isTrue();
        String declined = refer(provider);
        assertThat(Fixtures.decision(declined).funded()).isTrue();
        String capped = refer(provider);
        FundingDecided refused = Fixtures.decision(capped);
        assertThat(refused.funded()).isFalse();
        assertThat(refused.reasons())
                .singleElement()
                .asString()
                .startsWith("contract " + contractId + " has committed its cap of 2 episodes for ");

        Fixtures.status(EventType.REFERRAL_OFFERED, started, ReferralStatus.OFFERED);
        Fixtures.started(started, LocalDate.now());
        awaitCommitment(started, Commitment.USED);
        Fixtures.status(EventType.REFERRAL_DECLINED, declined, ReferralStatus.DECLINED);
        awaitCommitment(declined, Commitment.RELEASED);
        PeriodUsage afterDecline = usage(contractId);
        assertThat(afterDecline.episodesUsed).isEqualTo(1);
        assertThat(afterDecline.episodesCommitted).isZero();
        assertThat(afterDecline.penceUsed).isEqualTo(16_300);

        // The released place goes to the next referral; a cancelled booking keeps it, withdrawal frees it.
        String next = refer(provider);
        assertThat(Fixtures.decision(next).funded()).isTrue();
        Fixtures.status(EventType.REFERRAL_BOOKING_CANCELLED, next, ReferralStatus.BOOKING_CANCELLED);
        var behindIt = Fixtures.status(EventType.REFERRAL_ACCEPTED, next, ReferralStatus.ACCEPTED); // same partition
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        Fixtures.count("select count(*) from processed_event where event_id = ?1", behindIt.getId())
                                == 1);
        assertThat(Fixtures.stored(next).commitment).isEqualTo(Commitment.COMMITTED);
        String afterCancel = refer(provider);
        assertThat(Fixtures.decision(afterCancel).funded()).isFalse();
        Fixtures.status(EventType.REFERRAL_WITHDRAWN, next, ReferralStatus.WITHDRAWN);
        awaitCommitment(next, Commitment.RELEASED);

        // Never attended: released too.
        String noShow = refer(provider);
        assertThat(Fixtures.decision(noShow).funded()).isTrue();
        Fixtures.ended(noShow, CourseOutcome.DID_NOT_ATTEND, LocalDate.now());
        awaitCommitment(noShow, Commitment.RELEASED);

        // Said they would not start, before a first session: released as well.
        String neverStarted = refer(provider);
        assertThat(Fixtures.decision(neverStarted).funded()).isTrue();
        Fixtures.ended(neverStarted, CourseOutcome.DROPPED_OUT, LocalDate.now(), 0);
        awaitCommitment(neverStarted, Commitment.RELEASED);

        // The started course completes: both recorded for payment, with the contract that funded it.
        Fixtures.ended(started, CourseOutcome.COMPLETED, LocalDate.now());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> EpisodeActivity.count("referralId", started) == 2));
        EpisodeActivity completion = QuarkusTransaction.requiringNew()
                .call(() -> EpisodeActivity.findById(new EpisodeActivity.Key(started, EpisodeActivity.Kind.COMPLETED)));
        assertThat(completion.contractId).isEqualTo(contractId);
        assertThat(completion.contractVersion).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> ReferralEpisode.<ReferralEpisode>findById(started).stage))
                .isEqualTo(ReferralEpisode.Stage.ENDED);
        PeriodUsage end = usage(contractId);
        assertThat(end.episodesUsed).isEqualTo(1);
        assertThat(end.episodesCommitted).isZero();
        assertThat(end.penceCommitted).isZero();
    }

    @Test
    void anExhaustedBudgetIsAReason() {
        String provider = "prov-som-" + UUID.randomUUID().toString().substring(0, 6);
        String contractId = provider + "-budget";
        register(
                ICB,
                contract(
                        contractId,
                        ICB,
                        "providerId",
                        provider,
                        "pricePerEpisodePence",
                        16_300,
                        "budgetPencePerPeriod",
                        40_000));
        assertThat(Fixtures.decision(refer(provider)).funded()).isTrue(); // each decided before the next is sent
        assertThat(Fixtures.decision(refer(provider)).funded()).isTrue();
        FundingDecided third = Fixtures.decision(refer(provider));
        assertThat(third.funded()).isFalse();
        assertThat(third.reasons())
                .singleElement()
                .asString()
                .startsWith("contract " + contractId + " has no budget left for another episode in ");
        assertThat(String.join(" ", third.reasons())).doesNotContain("163").doesNotContain("400");
    }
}

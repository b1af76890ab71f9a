package uk.nhs.pathways.contract.funding.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.nhs.pathways.contract.terms.domain.ContractVersionTest.version;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.contract.terms.domain.ContractVersion;
import uk.nhs.pathways.contract.terms.domain.PaymentModel;
import uk.nhs.pathways.events.InvalidEventException;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ReferralRerouted;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.events.RerouteCause;

/** How the funding decision asks the commissioner's contract versions (caps counted in memory), without a database. */
class FundingDecisionTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-24T10:00:00Z");

    static Proposal referral(String provider, int sessions, String submittedAt) {
        return Proposal.of(new ReferralSubmitted(
                "r-1",
                "p-1",
                "B86030",
                Joint.KNEE,
                "site-1",
                provider,
                sessions,
                1200,
                Instant.parse(submittedAt),
                "class-1",
                1,
                "65-74"));
    }

    @Test
    void theFirstContractThatAllowsTheWholeCourseFundsItAndStatesItsCap() {
        FundingDecision decision = FundingDecision.decide(
                referral("prov-leeds", 8, "2026-11-24T09:00:00Z"),
                "QWO",
                List.of(
                        version("aqp-12", null, 12, "2026-04-01", null),
                        version("own-8", "prov-leeds", 8, "2026-04-01", null)),
                new SimulatedLedger(),
                NOW);
        assertThat(decision.funded).isTrue();
        assertThat(decision.contractId).isEqualTo("own-8"); // the provider's own contract first
        assertThat(decision.contactsFunded).isEqualTo(8);
        assertThat(decision.reasons()).isEmpty();
        assertThat(decision.decidedAt).isEqualTo(NOW);
    }

    @Test
    void aCapBelowTheCourseIsAReasonAndTheNextContractIsAsked() {
        FundingDecision decision = FundingDecision.decide(
                referral("prov-leeds", 12, "2026-11-24T09:00:00Z"),
                "QWO",
                List.of(
                        version("own-4", "prov-leeds", 4, "2026-04-01", null),
                        version("aqp-12", null, 12, "2026-04-01", null)),
                new SimulatedLedger(),
                NOW);
        assertThat(decision.contractId).isEqualTo("aqp-12");
        assertThat(decision.contactsFunded).isEqualTo(12);

        FundingDecision capped = FundingDecision.decide(
                referral("prov-leeds", 12, "2026-11-24T09:00:00Z"),
                "QWO",
                List.of(version("own-4", "prov-leeds", 4, "2026-04-01", null)),
                new SimulatedLedger(),
                NOW);
        assertThat(capped.funded).isFalse();
        assertThat(capped.contactsFunded).isNull();
        assertThat(capped.reasons())
                .containsExactly(
                        "contract own-4 allows at most 4 contacts per episode; the course at the site has 12 sessions");
    }

    @Test
    void contractsNotInForceOnTheReferralDayInEnglandOrForAnotherProviderDoNotCount() {
        // 23:30 UTC on 31 March 2027 is already 1 April in England (BST): the contract ended the day before.
        Proposal lateEvening = referral("prov-leeds", 12, "2027-03-31T23:30:00Z");
        FundingDecision decision = FundingDecision.decide(
                lateEvening,
                "QWO",
                List.of(
                        version("ended", null, 12, "2026-04-01", "2027-03-31"),
                        version("other-provider", "prov-bradford", 12, "2026-04-01", null)),
                new SimulatedLedger(),
                NOW);
        assertThat(decision.funded).isFalse();
        assertThat(decision.reasons())
                .containsExactly("ICB QWO has no contract in force on 2027-04-01 that covers provider prov-leeds");
    }

    @Test
    void anUnknownPracticeHasNoCommissioner() {
        FundingDecision decision = FundingDecision.decide(
                referral("prov-leeds", 12, "2026-11-24T09:00:00Z"), null, List.of(), new SimulatedLedger(), NOW);
        assertThat(decision.funded).isFalse();
        assertThat(decision.commissionerIcb).isNull();
        assertThat(decision.reasons())
                .singleElement()
                .asString()
                .isEqualTo("GP practice B86030 is not in the NHS practice reference data, so no commissioner is known");
    }

    @Test
    void aContractForTheOtherJointOnlyIsAReason() {
        ContractVersion hipOnly = version("hip-only", "prov-leeds", 12, "2026-04-01", null);
        hipOnly.joints(List.of(Joint.HIP));
        FundingDecision decision = FundingDecision.decide(
                referral("prov-leeds", 12, "2026-11-24T09:00:00Z"),
                "QWO",
                List.of(hipOnly),
                new SimulatedLedger(),
                NOW);
        assertThat(decision.funded).isFalse();
        assertThat(decision.reasons())
                .containsExactly("contract hip-only pays for HIP courses only; the referral is for KNEE");
    }

    @Test
    void aReRouteIsDecidedOnItsOwnProviderCourseAndDay() {
        ReferralRerouted rerouted = new ReferralRerouted(
                "r-1",
                "p-1",
                "B86030",
                Joint.HIP,
                "class-2",
                "site-2",
                "prov-bradford",
                8,
                3400,
                2,
                RerouteCause.DECLINED,
                Instant.parse("2027-04-02T09:00:00Z"));
        FundingDecision decision = FundingDecision.decide(
                Proposal.of(rerouted),
                "QWO",
                List.of(
                        version("leeds-12", "prov-leeds", 12, "2026-04-01", null),
                        version("aqp-ended", null, 12, "2026-04-01", "2027-03-31"),
                        version("aqp-8", null, 8, "2027-04-01", null)),
                new SimulatedLedger(),
                NOW);
        assertThat(decision.routeNumber).isEqualTo(2);
        assertThat(decision.contractId).isEqualTo("aqp-8");
        assertThat(decision.providerId).isEqualTo("prov-bradford");
        assertThat(decision.classId).isEqualTo("class-2");
        assertThat(decision.joint).isEqualTo(Joint.HIP);
        assertThat(decision.sessions).isEqualTo(8);
    }

    @Test
    void aSubmittedReferralFromBeforeRouteNumbersIsRouteOneAndAReRouteIsRouteTwoOrLater() {
        ReferralSubmitted old = new ReferralSubmitted(
                "r-1", "p-1", "B86030", Joint.KNEE, "s", "p", 12, 0, Instant.EPOCH, null, 0, null);
        assertThat(Proposal.of(old).routeNumber()).isEqualTo(1);
        ReferralRerouted notAReRoute = new ReferralRerouted(
                "r-1", "p-1", "B86030", Joint.KNEE, "c", "s", "p", 12, 0, 1, RerouteCause.NO_ANSWER, Instant.EPOCH);
        assertThatThrownBy(() -> Proposal.of(notAReRoute)).isInstanceOf(InvalidEventException.class);
        ReferralSubmitted withoutProvider = new ReferralSubmitted(
                "r-1", "p-1", "B86030", Joint.KNEE, "s", null, 12, 0, Instant.EPOCH, null, 1, null);
        assertThatThrownBy(() -> Proposal.of(withoutProvider)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void aFundedEpisodeCommitsItsExpectedCostInThePeriodOfItsDay() {
        ContractVersion activity = version("act", null, 12, "2026-04-01", null);
        activity.paymentModel = PaymentModel.ACTIVITY;
        activity.pricePerEpisodePence = 16_300L;
        FundingDecision decision = FundingDecision.decide(
                referral("prov-leeds", 12, "2026-11-24T09:00:00Z"),
                "QWO",
                List.of(activity),
                new SimulatedLedger(),
                NOW);
        assertThat(decision.commitment).isEqualTo(Commitment.COMMITTED);
        assertThat(decision.costPence).isEqualTo(16_300);
        assertThat(decision.contractVersion).isEqualTo(1);
        assertThat(decision.periodStart).hasToString("2026-10-01");
        assertThat(decision.periodEnd).hasToString("2026-12-31");
    }

    @Test
    void aFullVolumeCapOrBudgetIsAReasonAndTheNextContractIsAsked() {
        ContractVersion capped = version("own-cap-2", "prov-leeds", 12, "2026-04-01", null);
        capped.maxEpisodesPerPeriod = 2;
        ContractVersion budget = version("aqp-budget", null, 12, "2026-04-01", null);
        budget.paymentModel = PaymentModel.ACTIVITY;
        budget.pricePerEpisodePence = 16_300L;
        budget.budgetPencePerPeriod = 40_000L; // two episodes' worth, not three
        SimulatedLedger caps = new SimulatedLedger();
        List<ContractVersion> both = List.of(budget, capped);
        List<String> funders = new java.util.ArrayList<>();
        FundingDecision last = null;
        for (int i = 0; i < 5; i++) {
            last = FundingDecision.decide(referral("prov-leeds", 12, "2026-11-24T09:00:00Z"), "QWO", both, caps, NOW);
            funders.add(last.contractId);
        }
        assertThat(funders).containsExactly("own-cap-2", "own-cap-2", "aqp-budget", "aqp-budget", null);
        assertThat(last.reasons())
                .containsExactly(
                        "contract own-cap-2 has committed its cap of 2 episodes for 2026-10-01 to 2026-12-31",
                        "contract aqp-budget has no budget left for another episode in 2026-10-01 to 2026-12-31");
        // The next quarter starts afresh.
        assertThat(FundingDecision.decide(referral("prov-leeds", 12, "2027-01-04T09:00:00Z"), "QWO", both, caps, NOW)
                        .contractId)
                .isEqualTo("own-cap-2");
    }

    @Test
    void aVersionNamingSitesFundsThoseSitesOnly() {
        ContractVersion oneSite = version("one-site", "prov-leeds", 12, "2026-04-01", null);
        oneSite.siteIds(List.of("site-9"));
        FundingDecision decision = FundingDecision.decide(
                referral("prov-leeds", 12, "2026-11-24T09:00:00Z"),
                "QWO",
                List.of(oneSite),
                new SimulatedLedger(),
                NOW);
        assertThat(decision.funded).isFalse();
        assertThat(decision.reasons()).containsExactly("contract one-site does not cover site site-1");
    }

    @Test
    void theVersionInForceOnTheDayIsTheOneThatDecides() {
        ContractVersion four = version("c", null, 4, "2026-04-01", "2026-11-23");
        ContractVersion twelve = four.contract.amend(
                uk.nhs.pathways.contract.terms.domain.ContractVersionTest.terms(null, 12, "2026-11-24", null), false);
        FundingDecision before = FundingDecision.decide(
                referral("prov-leeds", 12, "2026-11-23T09:00:00Z"),
                "QWO",
                List.of(four, twelve),
                new SimulatedLedger(),
                NOW);
        FundingDecision after = FundingDecision.decide(
                referral("prov-leeds", 12, "2026-11-24T09:00:00Z"),
                "QWO",
                List.of(four, twelve),
                new SimulatedLedger(),
                NOW);
        assertThat(before.funded).isFalse();
        assertThat(after.funded).isTrue();
        assertThat(after.contractVersion).isEqualTo(2);
    }
}

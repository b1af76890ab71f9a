package uk.nhs.pathways.contract.funding.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import uk.nhs.pathways.contract.terms.domain.ContractVersion;
import uk.nhs.pathways.contract.terms.domain.Period;
import uk.nhs.pathways.events.FundingDecided;
import uk.nhs.pathways.events.Joint;

/**
 * The contract check of one proposal of a referral (its first route, or a re-route to another class), kept so
 * commissioners can see every decision and why. Each proposal is decided once; a contract change may revise it
 * (the next {@link #revision}) while the referral still waits.
 */
@Entity
@Table(name = "funding_decision")
@IdClass(FundingDecision.Key.class)
public class FundingDecision extends PanacheEntityBase {

    /** A decision is named by its referral and the route it decided. */
    public static class Key implements Serializable {
        public String referralId;
        public int routeNumber;

        public Key() {}

        public Key(String referralId, int routeNumber) {
            this.referralId = referralId;
            this.routeNumber = routeNumber;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.routeNumber == routeNumber && Objects.equals(k.referralId, referralId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(referralId, routeNumber);
        }
    }

    @Id
    @Column(name = "referral_id")
    public String referralId;

    /** 1 for the referral's first route, then each re-route's number. */
    @Id
    @Column(name = "route_number")
    public int routeNumber;

    /** 1 when first decided; each re-evaluation that changes the decision counts up. */
    public int revision = 1;

    public boolean funded;

    @Column(name = "contract_id")
    public String contractId;

    @Column(name = "contract_version")
    public Integer contractVersion;

    /** The funding contract's cap on contacts per episode; null when not funded. */
    @Column(name = "contacts_funded")
    public Integer contactsFunded;

    /** What the episode committed against the budget; null when not funded. */
    @Column(name = "cost_pence")
    public Long costPence;

    /** The cap period the episode is counted in; null when not funded. */
    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    @Enumerated(EnumType.STRING)
    public Commitment commitment = Commitment.NONE;

    @Column(name = "commissioner_icb")
    public String commissionerIcb;

    @Column(name = "practice_ods_code")
    public String practiceOdsCode;

    /** Null for decisions taken before it was kept. */
    @Enumerated(EnumType.STRING)
    public Joint joint;

    /** The class proposed; null for decisions taken before it was kept, or proposals that named none. */
    @Column(name = "class_id")
    public String classId;

    @Column(name = "provider_id")
    public String providerId;

    @Column(name = "site_id")
    public String siteId;

    public int sessions;

    /** One reason a line. */
    @Column(name = "reasons")
    public String reasonLines;

    /** When this revision was decided. */
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    /** When the route was first decided: when it was proposed, for what-if history. */
    @Column(name = "first_decided_at")
    public OffsetDateTime firstDecidedAt;

    /** Why the latest revision was made; null for a first decision. */
    @Column(name = "revision_note")
    public String revisionNote;

    /** Demo history, never a real referral: no events, no caps, no re-evaluation. */
    public boolean synthetic;

    public List<String> reasons() {
        return reasonLines.isEmpty() ? List.of() : Arrays.asList(reasonLines.split("\n"));
    }

    public Optional<Period> period() {
        return periodStart == null ? Optional.empty() : Optional.of(new Period(periodStart, periodEnd));
    }

    /** The decision of the referral's latest route decided so far. */
    public static Optional<FundingDecision> latest(String referralId) {
        return find("referralId", Sort.descending("routeNumber"), referralId).firstResultOptional();
    }

    /** The decision of one route of a referral, if taken. */
    public static Optional<FundingDecision> of(String referralId, int routeNumber) {
        return findByIdOptional(new Key(referralId, routeNumber));
    }

    /** What was proposed, as a proposal made at another time (a re-check, a what-if). */
    public Proposal proposalAt(Instant at) {
        return new Proposal(referralId, routeNumber, practiceOdsCode, joint, classId, siteId, providerId, sessions, at);
    }

    /** Same funding: funded or not alike, by the same contract, for as many contacts. */
    public boolean sameFundingAs(FundingDecision other) {
        return funded == other.funded
                && Objects.equals(contractId, other.contractId)
                && Objects.equals(contactsFunded, other.contactsFunded);
    }

    /**
     * Takes another decision's outcome as this route's next revision, and returns what this one said before
     * (to keep as history).
     */
    public DecisionRevision revise(FundingDecision redone, String note) {
        DecisionRevision before = DecisionRevision.of(this);
        revision++;
        funded = redone.funded;
        contractId = redone.contractId;
        contractVersion = redone.contractVersion;
        contactsFunded = redone.contactsFunded;
        costPence = redone.costPence;
        periodStart = redone.periodStart;
        periodEnd = redone.periodEnd;
        commitment = redone.commitment;
        reasonLines = redone.reasonLines;
        decidedAt = redone.decidedAt;
        revisionNote = note;
        return before;
    }

    public FundingDecided toEvent() {
        return new FundingDecided(
                referralId,
                funded,
                contractId,
                contactsFunded,
                commissionerIcb,
                reasons(),
                decidedAt.toInstant(),
                routeNumber,
                revision);
    }

    /**
     * Asks the commissioner's contract versions whether one pays for the proposal on the day: in force,
     * covering the provider, the site and the joint, allowing as many contacts per episode as the course has
     * sessions, and with room under its volume cap and budget for the period (reserved in the ledger), on the
     * day it was proposed in England. The
     * first that does funds it (a version with its providers' own terms before any qualified provider);
     * otherwise every failed rule is a reason, in words a commissioner can act on.
     *
     * @param commissionerIcb the ICB of the referring practice, or null when the practice is unknown
     * @param versions        that ICB's contract versions
     */
    public static FundingDecision decide(
            Proposal proposal,
            String commissionerIcb,
            List<ContractVersion> versions,
            CapLedger ledger,
            OffsetDateTime decidedAt) {
        LocalDate day = proposal.day();
        List<String> reasons = new ArrayList<>();
        ContractVersion funding = null;
        Period period = null;
        long cost = 0;
        if (commissionerIcb == null) {
            reasons.add("GP practice " + proposal.practiceOdsCode()
                    + " is not in the NHS practice reference data, so no commissioner is known");
        } else {
            List<ContractVersion> applicable = versions.stream()
                    .filter(v -> v.inForceOn(day) && v.covers(proposal.providerId()))
                    .sorted(ContractVersion.PROVIDER_SPECIFIC_FIRST)
                    .toList();
            if (applicable.isEmpty()) {
                reasons.add("ICB " + commissionerIcb + " has no contract in force on " + day + " that covers provider "
                        + proposal.providerId());
            }
            for (ContractVersion v : applicable) {
                if (!v.coversSite(proposal.siteId())) {
                    reasons.add("contract " + v.contractId + " does not cover site " + proposal.siteId());
                } else if (!v.coversJoint(proposal.joint())) {
                    reasons.add("contract " + v.contractId + " pays for "
                            + v.joints().stream().map(Joint::name).collect(Collectors.joining(" and "))
                            + " courses only; the referral is for " + proposal.joint());
                } else if (!v.allowsContactsPerEpisode(proposal.sessions())) {
                    reasons.add("contract " + v.contractId + " allows at most " + v.maxContactsPerEpisode
                            + " contacts per episode; the course at the site has " + proposal.sessions()
                            + " sessions");
                } else {
                    Period p = v.periodOf(day);
                    long c = v.expectedCostPence();
                    Refusal refusal = ledger.commit(v, p, c);
                    if (refusal == null) {
                        funding = v;
                        period = p;
                        cost = c;
                        break;
                    }
                    reasons.add(refusal.reason(v, p));
                }
            }
        }
        FundingDecision decision = new FundingDecision();
        decision.referralId = proposal.referralId();
        decision.routeNumber = proposal.routeNumber();
        decision.funded = funding != null;
        if (funding != null) {
            decision.contractId = funding.contractId;
            decision.contractVersion = funding.version;
            decision.contactsFunded = funding.maxContactsPerEpisode;
            decision.costPence = cost;
            decision.periodStart = period.start();
            decision.periodEnd = period.end();
            decision.commitment = Commitment.COMMITTED;
        }
        decision.commissionerIcb = commissionerIcb;
        decision.practiceOdsCode = proposal.practiceOdsCode();
        decision.joint = proposal.joint();
        decision.classId = proposal.classId();
        decision.providerId = proposal.providerId();
        decision.siteId = proposal.siteId();
        decision.sessions = proposal.sessions();
        decision.reasonLines = decision.funded ? "" : String.join("\n", reasons);
        decision.decidedAt = decidedAt;
        decision.firstDecidedAt = decidedAt;
        return decision;
    }
}

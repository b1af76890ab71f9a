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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import uk.nhs.pathways.contract.terms.domain.Contract;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.platform.time.England;

/**
 * The contract check of one proposal of a referral (its first route, or a re-route to another class),
 * kept so commissioners can see every decision and why. Each proposal is decided once.
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

    public boolean funded;

    @Column(name = "contract_id")
    public String contractId;

    /** The funding contract's cap on contacts per episode; null when not funded. */
    @Column(name = "contacts_funded")
    public Integer contactsFunded;

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

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    public List<String> reasons() {
        return reasonLines.isEmpty() ? List.of() : Arrays.asList(reasonLines.split("\n"));
    }

    /** The decision of the referral's latest route decided so far. */
    public static Optional<FundingDecision> latest(String referralId) {
        return find("referralId", Sort.descending("routeNumber"), referralId).firstResultOptional();
    }

    /**
     * Whether this decision makes a proposal of an earlier route stale: the referral has moved on, and
     * the referral service ignores a decision for a route before its current one.
     */
    public boolean supersedes(int otherRouteNumber) {
        return routeNumber > otherRouteNumber;
    }

    /** The decision of one route of a referral, if taken. */
    public static Optional<FundingDecision> of(String referralId, int routeNumber) {
        return findByIdOptional(new Key(referralId, routeNumber));
    }

    /**
     * Asks the commissioner's contracts whether one pays for the proposal: in force on the day it was
     * made (in England), covering the provider and the joint, and allowing as many contacts per episode
     * as the course has sessions. The first that does funds it; otherwise every failed rule is a reason,
     * in words a commissioner can act on.
     *
     * @param commissionerIcb the ICB of the referring practice, or null when the practice is unknown
     * @param contracts       that ICB's contracts
     */
    public static FundingDecision decide(
            Proposal proposal, String commissionerIcb, List<Contract> contracts, OffsetDateTime decidedAt) {
        LocalDate day = proposal.proposedAt().atZone(England.ZONE).toLocalDate();
        List<String> reasons = new ArrayList<>();
        Contract funding = null;
        if (commissionerIcb == null) {
            reasons.add("GP practice " + proposal.practiceOdsCode()
                    + " is not in the NHS practice reference data, so no commissioner is known");
        } else {
            List<Contract> applicable = contracts.stream()
                    .filter(c -> c.inForceOn(day) && c.covers(proposal.providerId()))
                    .sorted(Contract.PROVIDER_SPECIFIC_FIRST)
                    .toList();
            if (applicable.isEmpty()) {
                reasons.add("ICB " + commissionerIcb + " has no contract in force on " + day + " that covers provider "
                        + proposal.providerId());
            }
            for (Contract contract : applicable) {
                if (!contract.coversJoint(proposal.joint())) {
                    reasons.add("contract " + contract.id + " pays for "
                            + contract.joints().stream().map(Joint::name).collect(Collectors.joining(" and "))
                            + " courses only; the referral is for " + proposal.joint());
                } else if (!contract.allowsContactsPerEpisode(proposal.sessions())) {
                    reasons.add("contract " + contract.id + " allows at most " + contract.maxContactsPerEpisode
                            + " contacts per episode; the course at the site has " + proposal.sessions()
                            + " sessions");
                } else {
                    funding = contract;
                    break;
                }
            }
        }
        FundingDecision decision = new FundingDecision();
        decision.referralId = proposal.referralId();
        decision.routeNumber = proposal.routeNumber();
        decision.funded = funding != null;
        decision.contractId = funding == null ? null : funding.id;
        decision.contactsFunded = funding == null ? null : funding.maxContactsPerEpisode;
        decision.commissionerIcb = commissionerIcb;
        decision.practiceOdsCode = proposal.practiceOdsCode();
        decision.joint = proposal.joint();
        decision.classId = proposal.classId();
        decision.providerId = proposal.providerId();
        decision.siteId = proposal.siteId();
        decision.sessions = proposal.sessions();
        decision.reasonLines = decision.funded ? "" : String.join("\n", reasons);
        decision.decidedAt = decidedAt;
        return decision;
    }
}

package uk.nhs.pathways.contract.funding.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import uk.nhs.pathways.contract.terms.domain.Contract;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.platform.time.England;

/** The contract check of one referral, kept so commissioners can see every decision and why. */
@Entity
@Table(name = "funding_decision")
public class FundingDecision extends PanacheEntityBase {

    @Id
    @Column(name = "referral_id")
    public String referralId;

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

    /**
     * Asks the commissioner's contracts whether one pays for the referral: in force on the day it was
     * made (in England), covering the site's provider, and allowing as many contacts per episode as the
     * course has sessions. The first that does funds it; otherwise every failed rule is a reason, in
     * words a commissioner can act on.
     *
     * @param commissionerIcb the ICB of the referring practice, or null when the practice is unknown
     * @param contracts       that ICB's contracts
     */
    public static FundingDecision decide(
            ReferralSubmitted referral, String commissionerIcb, List<Contract> contracts, OffsetDateTime decidedAt) {
        LocalDate day = referral.submittedAt().atZone(England.ZONE).toLocalDate();
        List<String> reasons = new ArrayList<>();
        Contract funding = null;
        if (commissionerIcb == null) {
            reasons.add("GP practice " + referral.practiceOdsCode()
                    + " is not in the NHS practice reference data, so no commissioner is known");
        } else {
            List<Contract> applicable = contracts.stream()
                    .filter(c -> c.inForceOn(day) && c.covers(referral.providerId()))
                    .sorted(Contract.PROVIDER_SPECIFIC_FIRST)
                    .toList();
            if (applicable.isEmpty()) {
                reasons.add("ICB " + commissionerIcb + " has no contract in force on " + day + " that covers provider "
                        + referral.providerId());
            }
            for (Contract contract : applicable) {
                if (contract.allowsContactsPerEpisode(referral.sessions())) {
                    funding = contract;
                    break;
                }
                reasons.add("contract " + contract.id + " allows at most " + contract.maxContactsPerEpisode
                        + " contacts per episode; the course at the site has " + referral.sessions() + " sessions");
            }
        }
        FundingDecision decision = new FundingDecision();
        decision.referralId = referral.referralId();
        decision.funded = funding != null;
        decision.contractId = funding == null ? null : funding.id;
        decision.contactsFunded = funding == null ? null : funding.maxContactsPerEpisode;
        decision.commissionerIcb = commissionerIcb;
        decision.practiceOdsCode = referral.practiceOdsCode();
        decision.providerId = referral.providerId();
        decision.siteId = referral.siteId();
        decision.sessions = referral.sessions();
        decision.reasonLines = decision.funded ? "" : String.join("\n", reasons);
        decision.decidedAt = decidedAt;
        return decision;
    }
}

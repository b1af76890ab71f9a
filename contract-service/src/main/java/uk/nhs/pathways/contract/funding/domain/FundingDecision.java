package uk.nhs.pathways.contract.funding.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

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
}

package uk.nhs.pathways.contract.funding.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** What a route's decision said before a re-evaluation revised it: the history behind its revision number. */
@Entity
@Table(name = "funding_decision_revision")
@IdClass(DecisionRevision.Key.class)
public class DecisionRevision extends PanacheEntityBase {

    public static class Key implements Serializable {
        public String referralId;
        public int routeNumber;
        public int revision;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && k.routeNumber == routeNumber
                    && k.revision == revision
                    && Objects.equals(k.referralId, referralId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(referralId, routeNumber, revision);
        }
    }

    @Id
    @Column(name = "referral_id")
    public String referralId;

    @Id
    @Column(name = "route_number")
    public int routeNumber;

    @Id
    public int revision;

    public boolean funded;

    @Column(name = "contract_id")
    public String contractId;

    @Column(name = "contract_version")
    public Integer contractVersion;

    @Column(name = "contacts_funded")
    public Integer contactsFunded;

    public String reasons;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    public String note;

    static DecisionRevision of(FundingDecision d) {
        DecisionRevision r = new DecisionRevision();
        r.referralId = d.referralId;
        r.routeNumber = d.routeNumber;
        r.revision = d.revision;
        r.funded = d.funded;
        r.contractId = d.contractId;
        r.contractVersion = d.contractVersion;
        r.contactsFunded = d.contactsFunded;
        r.reasons = d.reasonLines;
        r.decidedAt = d.decidedAt;
        r.note = d.revisionNote;
        return r;
    }
}

package uk.nhs.pathways.outcomes.activity.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ReferralStatus;

/** A referral's path as outcomes sees it: pseudonymous, no NHS number, no name, no postcode. */
@Entity
@Table(name = "referral_journey")
public class ReferralJourney extends PanacheEntityBase {

    @Id
    @Column(name = "referral_id")
    public String referralId;

    @Column(name = "patient_pseudonym")
    public String patientPseudonym;

    @Column(name = "practice_ods_code")
    public String practiceOdsCode;

    @Enumerated(EnumType.STRING)
    public Joint joint;

    @Column(name = "site_id")
    public String siteId;

    @Column(name = "provider_id")
    public String providerId;

    public Integer sessions;

    @Column(name = "commissioner_icb")
    public String commissionerIcb;

    @Enumerated(EnumType.STRING)
    public ReferralStatus status;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "class_id")
    public String classId;

    @Column(name = "booked_at")
    public OffsetDateTime bookedAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Age on the referral day, banded (e.g. 65-74): never a date of birth. */
    @Column(name = "age_band")
    public String ageBand;

    /** 1 for the first proposal; each re-route counts up. */
    @Column(name = "route_number")
    public Integer routeNumber;

    /** ICB of the referring practice: whose analysts see this referral. */
    public String icb;

    /** The referring practice's PCN (the service's demo grouping). */
    @Column(name = "pcn_code")
    public String pcnCode;

    @Column(name = "first_offered_at")
    public OffsetDateTime firstOfferedAt;

    @Column(name = "first_booked_at")
    public OffsetDateTime firstBookedAt;

    @Version
    public long version;
}

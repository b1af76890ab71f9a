package uk.nhs.pathways.referral.lifecycle.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.LocalDate;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ReferralStatus;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A person referred by an FCP into an ESCAPE-pain class. Holds personal data: never log its fields. */
@Entity
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "practice_ods_code")
    public String practiceOdsCode;

    /** Subject of the referrer's token. */
    public String referrer;

    @Column(name = "nhs_number")
    public String nhsNumber;

    @Column(name = "patient_name")
    public String patientName;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    public String postcode;

    @Column(name = "patient_pseudonym")
    public String patientPseudonym;

    @Enumerated(EnumType.STRING)
    public Joint joint;

    @Enumerated(EnumType.STRING)
    public ReferralStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "site_id")
    public String siteId;

    @Column(name = "site_name")
    public String siteName;

    @Column(name = "provider_id")
    public String providerId;

    @Column(name = "provider_name")
    public String providerName;

    public Integer sessions;

    @Column(name = "distance_metres")
    public Long distanceMetres;

    @Column(name = "funding_contract_id")
    public String fundingContractId;

    @Column(name = "commissioner_icb")
    public String commissionerIcb;

    /** The class the person is booked into, once BOOKED. */
    @Column(name = "class_id")
    public String classId;

    @Column(name = "booked_at")
    public OffsetDateTime bookedAt;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** The client's Idempotency-Key, unique per practice; with a hash of the request it was sent with. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Version
    public long version;

    @Override
    public String toString() {
        return "Referral[" + id + ", " + status + "]"; // never the person's details
    }
}

package uk.nhs.pathways.referral.lifecycle.domain;

import static uk.nhs.pathways.events.ReferralStatus.ACCEPTED;
import static uk.nhs.pathways.events.ReferralStatus.BOOKED;
import static uk.nhs.pathways.events.ReferralStatus.DECLINED;
import static uk.nhs.pathways.events.ReferralStatus.NEEDS_ATTENTION;
import static uk.nhs.pathways.events.ReferralStatus.OFFERED;
import static uk.nhs.pathways.events.ReferralStatus.SUBMITTED;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.referral.directory.domain.DirectoryClass;
import uk.nhs.pathways.referral.directory.domain.DirectorySite;

/**
 * A person referred by an FCP into an ESCAPE-pain class, and the rules of its lifecycle: which status
 * may follow which ({@link #NEXT}), and what each move checks and records. Every move checks the table
 * before it changes anything, so a refused move leaves the referral as it was.
 * Holds personal data: never log its fields.
 */
@Entity
public class Referral extends PanacheEntityBase {

    /** A new referral is routed to a site, or held at once when no site is near enough. */
    static final Set<ReferralStatus> FIRST = EnumSet.of(SUBMITTED, NEEDS_ATTENTION);

    /** The only moves a referral can make. NEEDS_ATTENTION, DECLINED and BOOKED are where it ends here. */
    static final Map<ReferralStatus, Set<ReferralStatus>> NEXT = new EnumMap<>(Map.of(
            SUBMITTED, EnumSet.of(OFFERED, NEEDS_ATTENTION), // the funding decision
            OFFERED, EnumSet.of(ACCEPTED, DECLINED), // the provider's answer
            ACCEPTED, EnumSet.of(BOOKED), // a place in a class
            NEEDS_ATTENTION, EnumSet.noneOf(ReferralStatus.class),
            DECLINED, EnumSet.noneOf(ReferralStatus.class),
            BOOKED, EnumSet.noneOf(ReferralStatus.class)));

    /** A provider sees a referral from the moment it is offered to it. */
    public static final Set<ReferralStatus> SEEN_BY_PROVIDER = EnumSet.of(OFFERED, ACCEPTED, DECLINED, BOOKED);

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

    /** Sessions of the course at the site when the referral was routed: what the funding check was asked. */
    public Integer sessions;

    @Column(name = "distance_metres")
    public Long distanceMetres;

    @Column(name = "funding_contract_id")
    public String fundingContractId;

    /** The funding contract's cap on contacts per episode; null until funded. */
    @Column(name = "contacts_funded")
    public Integer contactsFunded;

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

    /** Whether a referral in {@code from} (null: not yet submitted) may become {@code to}. */
    public static boolean allows(ReferralStatus from, ReferralStatus to) {
        return from == null ? FIRST.contains(to) : NEXT.get(from).contains(to);
    }

    /** Sent to the nearest suitable site; its contract check follows. */
    public void route(DirectorySite site, long distanceMetres, OffsetDateTime at) {
        moveTo(SUBMITTED, null, at);
        siteId = site.siteId;
        siteName = site.name;
        providerId = site.providerId;
        providerName = site.providerName;
        sessions = site.sessions;
        this.distanceMetres = distanceMetres;
    }

    /** Held for the referrer (and commissioner) to act on: no site near enough, or not funded. */
    public void holdForAttention(String reason, OffsetDateTime at) {
        moveTo(NEEDS_ATTENTION, reason, at);
    }

    /** Whether a funding decision still has something to decide; a late or repeated one changes nothing. */
    public boolean awaitsFunding() {
        return allows(status, OFFERED);
    }

    /** Funded: offered to the site's provider, who may book up to {@code contactsFunded} contacts. */
    public void offer(String commissionerIcb, String contractId, Integer contactsFunded, OffsetDateTime at) {
        moveTo(OFFERED, "Funded by contract " + contractId + "; offered to " + providerName, at);
        this.commissionerIcb = commissionerIcb;
        fundingContractId = contractId;
        this.contactsFunded = contactsFunded;
    }

    /** No contract pays for it; every reason the contract check gave. */
    public void refuseFunding(String commissionerIcb, List<String> reasons, OffsetDateTime at) {
        holdForAttention("Not funded: " + String.join("; ", reasons), at);
        this.commissionerIcb = commissionerIcb;
    }

    public void accept(OffsetDateTime at) {
        moveTo(ACCEPTED, "Accepted by " + providerName, at);
    }

    public void decline(String reason, OffsetDateTime at) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badField("reason", "is needed to decline");
        }
        moveTo(DECLINED, "Declined by " + providerName + ": " + reason, at);
    }

    /**
     * A place in one of the provider's scheduled classes for the joint, with a free place and no more
     * sessions than the funding contract pays contacts for.
     */
    public void book(DirectoryClass cohort, OffsetDateTime at) {
        requireMove(BOOKED);
        if (!cohort.providerId.equals(providerId)) {
            throw ProblemException.badField("classId", "is a class of another provider");
        }
        if (!cohort.takesBookings()) {
            throw ProblemException.badField("classId", "is not open for booking (" + cohort.status + ")");
        }
        if (!cohort.runs(joint)) {
            throw ProblemException.badField(
                    "classId",
                    "does not run the programme for the " + joint.name().toLowerCase());
        }
        if (cohort.freePlaces() <= 0) {
            throw ProblemException.conflict("class " + cohort.classId + " is full");
        }
        if (cohort.sessions > fundedContacts()) {
            throw ProblemException.conflict("class " + cohort.classId + " has " + cohort.sessions
                    + " sessions; the funding contract pays for at most " + fundedContacts() + " contacts per episode");
        }
        moveTo(BOOKED, "Booked into a class starting " + cohort.startDate, at);
        classId = cohort.classId;
        bookedAt = at;
    }

    /**
     * The contacts the funding contract pays for. A referral funded before decisions carried the cap has
     * only the course length the contract was checked against, which the cap was at least.
     */
    int fundedContacts() {
        return contactsFunded != null ? contactsFunded : sessions;
    }

    /** Whether a provider may see it: one offered to that provider, from the offer on. */
    public boolean isSeenBy(String provider) {
        return provider.equals(providerId) && SEEN_BY_PROVIDER.contains(status);
    }

    private void requireMove(ReferralStatus to) {
        if (!allows(status, to)) {
            throw new IllegalTransition(id, status, to, NEXT.getOrDefault(status, FIRST));
        }
    }

    private void moveTo(ReferralStatus to, String reason, OffsetDateTime at) {
        requireMove(to);
        status = to;
        statusReason = reason;
        updatedAt = at;
    }

    @Override
    public String toString() {
        return "Referral[" + id + ", " + status + "]"; // never the person's details
    }
}

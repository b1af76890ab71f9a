package uk.nhs.pathways.referral.lifecycle.domain;

import static uk.nhs.pathways.events.ReferralStatus.ACCEPTED;
import static uk.nhs.pathways.events.ReferralStatus.BOOKED;
import static uk.nhs.pathways.events.ReferralStatus.BOOKING_CANCELLED;
import static uk.nhs.pathways.events.ReferralStatus.BOOKING_REQUESTED;
import static uk.nhs.pathways.events.ReferralStatus.COMPLETED;
import static uk.nhs.pathways.events.ReferralStatus.DECLINED;
import static uk.nhs.pathways.events.ReferralStatus.DID_NOT_ATTEND;
import static uk.nhs.pathways.events.ReferralStatus.DROPPED_OUT;
import static uk.nhs.pathways.events.ReferralStatus.IN_PROGRESS;
import static uk.nhs.pathways.events.ReferralStatus.NEEDS_ATTENTION;
import static uk.nhs.pathways.events.ReferralStatus.OFFERED;
import static uk.nhs.pathways.events.ReferralStatus.SUBMITTED;
import static uk.nhs.pathways.events.ReferralStatus.WITHDRAWN;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import uk.nhs.pathways.events.DeclineReason;
import uk.nhs.pathways.events.DropOutReason;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.PlaceRefusal;
import uk.nhs.pathways.events.PlaceRefused;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.RerouteCause;
import uk.nhs.pathways.platform.problem.Problem;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.referral.directory.domain.DirectoryClass;
import uk.nhs.pathways.referral.routing.domain.Preferences;
import uk.nhs.pathways.referral.routing.domain.RankedClass;

/**
 * A person referred by an FCP into an ESCAPE-pain class, and the rules of its lifecycle: which status
 * may follow which ({@link #NEXT}, the README's "Referral states"), and what each move checks and records.
 * Every move checks the table before it changes anything, so a refused move leaves the referral as it was,
 * and records a {@link Transition} for the service to announce. Holds personal data: never log its fields.
 */
@Entity
public class Referral extends PanacheEntityBase {

    /** A new referral is routed to a class, or held at once when none fits. */
    static final Set<ReferralStatus> FIRST = EnumSet.of(SUBMITTED, NEEDS_ATTENTION);

    /**
     * The only moves a referral can make. Until the course starts it can be withdrawn; once the person has
     * attended, the course ends with an outcome the provider's register gives (a person who stops is a
     * drop-out), so the start already paid for is always followed by an end. The ends are final.
     */
    static final Map<ReferralStatus, Set<ReferralStatus>> NEXT = new EnumMap<>(Map.ofEntries(
            // the funding decision of the route
            Map.entry(SUBMITTED, EnumSet.of(OFFERED, NEEDS_ATTENTION, WITHDRAWN)),
            // the provider's answer; or none in time: the next class, or the FCP if none is left
            Map.entry(OFFERED, EnumSet.of(ACCEPTED, DECLINED, SUBMITTED, NEEDS_ATTENTION, WITHDRAWN)),
            // at once: the next class, or the FCP if none is left
            Map.entry(DECLINED, EnumSet.of(SUBMITTED, NEEDS_ATTENTION, WITHDRAWN)),
            // the FCP re-routes it (e.g. with relaxed preferences) or withdraws it; or, held as not funded,
            // a new contract funds its route (a later revision of the funding decision)
            Map.entry(NEEDS_ATTENTION, EnumSet.of(SUBMITTED, OFFERED, WITHDRAWN)),
            // the provider asks the directory for a place
            Map.entry(ACCEPTED, EnumSet.of(BOOKING_REQUESTED, WITHDRAWN)),
            // the directory's answer: a place, a refusal (choose again), or no room at this provider at all
            Map.entry(BOOKING_REQUESTED, EnumSet.of(BOOKED, ACCEPTED, SUBMITTED, NEEDS_ATTENTION, WITHDRAWN)),
            // the register: a first session attended; a drop-out before starting; never came
            Map.entry(BOOKED, EnumSet.of(BOOKING_CANCELLED, WITHDRAWN, IN_PROGRESS, DROPPED_OUT, DID_NOT_ATTEND)),
            // booked again into a later class
            Map.entry(BOOKING_CANCELLED, EnumSet.of(BOOKING_REQUESTED, WITHDRAWN)),
            Map.entry(WITHDRAWN, EnumSet.noneOf(ReferralStatus.class)),
            // the course ends: enough sessions attended, or not (stopped, absent in a row, or too few)
            Map.entry(IN_PROGRESS, EnumSet.of(COMPLETED, DROPPED_OUT)),
            Map.entry(COMPLETED, EnumSet.noneOf(ReferralStatus.class)),
            Map.entry(DROPPED_OUT, EnumSet.noneOf(ReferralStatus.class)),
            Map.entry(DID_NOT_ATTEND, EnumSet.noneOf(ReferralStatus.class))));

    /** Why a referral is held when no contract pays for its route. */
    public static final String NOT_FUNDED = "NOT_FUNDED";

    /** Where an automatic re-route starts from. */
    static final Set<ReferralStatus> MOVED_ON_FROM = EnumSet.of(OFFERED, DECLINED, BOOKING_REQUESTED);

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

    /** The reason for referral: a SNOMED CT concept (system and code). */
    @Column(name = "reason_system")
    public String reasonSystem;

    @Column(name = "reason_code")
    public String reasonCode;

    @Enumerated(EnumType.STRING)
    public Joint joint;

    @Column(name = "preferred_settings")
    public String preferredSettings;

    public String availability;

    @Column(name = "max_travel_metres")
    public Integer maxTravelMetres;

    public String needs;

    @Column(name = "duplicate_intended")
    public boolean duplicateIntended;

    @Enumerated(EnumType.STRING)
    public ReferralStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_reason_code")
    public String statusReasonCode;

    /** The proposal in force: 1, then one more per re-route. Funding decisions name it. */
    @Column(name = "route_number")
    public int routeNumber = 1;

    /** Automatic re-routes since the FCP last routed it. */
    public int reroutes;

    /** The class proposed on the current route. */
    @Column(name = "routed_class_id")
    public String routedClassId;

    @Column(name = "class_start_date")
    public LocalDate classStartDate;

    @Column(name = "site_id")
    public String siteId;

    @Column(name = "site_name")
    public String siteName;

    @Column(name = "provider_id")
    public String providerId;

    @Column(name = "provider_name")
    public String providerName;

    /** Sessions of the class proposed (then booked): what the funding check was asked. */
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

    /** The latest revision of the current route's funding decision applied; 0 before the first. */
    @Column(name = "funding_revision")
    public int fundingRevision;

    /** When the current provider was offered it; null while it is not offered to anyone. */
    @Column(name = "offered_at")
    public OffsetDateTime offeredAt;

    /** The last English date the provider may answer the offer on. */
    @Column(name = "answer_due")
    public LocalDate answerDue;

    /** The booking request in flight (answers name it); 0 before the first. */
    @Column(name = "booking_request_number")
    public int bookingRequestNumber;

    @Column(name = "requested_class_id")
    public String requestedClassId;

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

    /** Moves made and not yet announced. */
    @Transient
    private final List<Transition> moves = new ArrayList<>();

    /** Whether a referral in {@code from} (null: not yet submitted) may become {@code to}. */
    public static boolean allows(ReferralStatus from, ReferralStatus to) {
        return from == null ? FIRST.contains(to) : NEXT.get(from).contains(to);
    }

    /**
     * Final statuses, those the table lets go nowhere: withdrawn, or the course over. A referral in one of
     * them no longer counts as the person's open referral for the joint (the FCP may refer them again).
     */
    public static final Set<ReferralStatus> CLOSED = NEXT.entrySet().stream()
            .filter(e -> e.getValue().isEmpty())
            .map(Map.Entry::getKey)
            .collect(java.util.stream.Collectors.toCollection(() -> EnumSet.noneOf(ReferralStatus.class)));

    public Preferences preferences() {
        return Preferences.fromColumns(preferredSettings, availability, maxTravelMetres, needs);
    }

    public void prefer(Preferences preferences) {
        preferredSettings = preferences.settingsColumn();
        availability = preferences.availabilityColumn();
        maxTravelMetres = preferences.maxTravelMetres();
        needs = preferences.needsColumn();
    }

    // ---- routing ----

    /** A new referral, sent to the best-ranked class: route 1; its funding decision follows. */
    public void route(RankedClass chosen, OffsetDateTime at) {
        requireFrom(null, SUBMITTED, "only a new referral is routed this way");
        moveTo(SUBMITTED, null, null, null, null, at);
        propose(chosen);
    }

    /** Moved on to the next class: the provider declined, did not answer, or had no place. */
    public void reroute(RankedClass next, RerouteCause cause, OffsetDateTime at) {
        requireFrom(MOVED_ON_FROM, SUBMITTED, "a re-route follows a decline, no answer or no place");
        moveTo(SUBMITTED, cause.name(), "Re-routed (" + words(cause) + ") to " + next.siteName(), null, cause, at);
        routeNumber++;
        fundingRevision = 0;
        reroutes++;
        propose(next);
    }

    /** The FCP routes it again from NEEDS_ATTENTION (with the preferences it now has); a fresh count of re-routes. */
    public void rerouteByReferrer(RankedClass next, OffsetDateTime at) {
        requireFrom(EnumSet.of(NEEDS_ATTENTION), SUBMITTED, "the FCP re-routes a referral that needs attention");
        moveTo(SUBMITTED, "REFERRER_REROUTED", "Routed again by the referrer to " + next.siteName(), null, null, at);
        routeNumber++;
        fundingRevision = 0;
        reroutes = 0;
        propose(next);
    }

    /** 409 unless the FCP may route it again now (it needs attention). */
    public void requireReroutableByReferrer() {
        requireFrom(EnumSet.of(NEEDS_ATTENTION), SUBMITTED, "the FCP re-routes a referral that needs attention");
    }

    /** Whether another automatic re-route is allowed. */
    public boolean mayReroute(int maxReroutes) {
        return reroutes < maxReroutes;
    }

    private void propose(RankedClass chosen) {
        routedClassId = chosen.classId();
        classStartDate = chosen.startDate();
        siteId = chosen.siteId();
        siteName = chosen.siteName();
        providerId = chosen.providerId();
        providerName = chosen.providerName();
        sessions = chosen.sessions();
        distanceMetres = chosen.distanceMetres();
        fundingContractId = null;
        contactsFunded = null;
        offeredAt = null;
        answerDue = null;
    }

    /** Held for the referrer to act on: nothing fits, not funded, or re-routing ran out. */
    public void holdForAttention(String code, String reason, OffsetDateTime at) {
        moveTo(NEEDS_ATTENTION, code, reason, null, null, at);
        offeredAt = null;
        answerDue = null;
    }

    /**
     * Whether a funding decision still has something to decide: the first for the current route while it
     * waits, or a later revision of it while the referral is held as not funded (a contract created or
     * changed since). Decisions for an older route, repeated ones and older revisions change nothing.
     */
    public boolean awaitsFunding(int decidedRoute, int revision) {
        if (decidedRoute != routeNumber || revision <= fundingRevision) {
            return false;
        }
        return status == SUBMITTED || heldAsNotFunded();
    }

    /** Held for the FCP only because no contract paid for the current route. */
    public boolean heldAsNotFunded() {
        return status == NEEDS_ATTENTION && NOT_FUNDED.equals(statusReasonCode);
    }

    /**
     * Funded: offered to the class's provider, who answers by {@code answerDue} and may book up to {@code
     * contactsFunded} contacts. From SUBMITTED (the route's first decision) or from a not-funded hold (a
     * re-decision: the commissioner's contracts changed).
     */
    public void offer(
            String commissionerIcb,
            String contractId,
            Integer contactsFunded,
            int revision,
            LocalDate answerDue,
            OffsetDateTime at) {
        requireFrom(EnumSet.of(SUBMITTED, NEEDS_ATTENTION), OFFERED, "only a referral waiting for funding is offered");
        if (status == NEEDS_ATTENTION && !heldAsNotFunded()) {
            throw new IllegalTransition(
                    id, status, OFFERED, NEXT.get(status), "only a hold for funding is lifted by a contract");
        }
        String why = revision > 1
                ? "Funded by contract " + contractId + " (funding re-decided after a contract change); offered to "
                        + providerName
                : "Funded by contract " + contractId + "; offered to " + providerName;
        moveTo(OFFERED, "FUNDED", why, null, null, at);
        this.commissionerIcb = commissionerIcb;
        fundingContractId = contractId;
        this.contactsFunded = contactsFunded;
        fundingRevision = revision;
        offeredAt = at;
        this.answerDue = answerDue;
    }

    /**
     * No contract pays for this route; every reason the contract check gave. A later not-funded revision of
     * a referral already held for it only brings the reasons up to date (no move, nothing to announce).
     */
    public void refuseFunding(String commissionerIcb, List<String> reasons, int revision, OffsetDateTime at) {
        String reason = "Not funded: " + String.join("; ", reasons);
        if (heldAsNotFunded()) {
            statusReason = reason;
            updatedAt = at;
        } else {
            holdForAttention(NOT_FUNDED, reason, at);
        }
        this.commissionerIcb = commissionerIcb;
        fundingRevision = revision;
    }

    // ---- the provider's answer ----

    public void accept(OffsetDateTime at) {
        requireFrom(EnumSet.of(OFFERED), ACCEPTED, "only an offer is accepted");
        moveTo(ACCEPTED, "ACCEPTED", "Accepted by " + providerName, null, null, at);
        answerDue = null;
    }

    /** Turned down with a coded reason; OTHER needs the provider's words, which stay in this service. */
    public void decline(DeclineReason code, String note, OffsetDateTime at) {
        if (code == null) {
            throw ProblemException.badField("reasonCode", "is needed to decline");
        }
        boolean noNote = note == null || note.isBlank();
        if (code == DeclineReason.OTHER && noNote) {
            throw ProblemException.badField("reason", "is needed when the reason code is OTHER");
        }
        moveTo(
                DECLINED,
                code.name(),
                "Declined by " + providerName + ": " + words(code),
                noNote ? null : note.trim(),
                null,
                at);
        answerDue = null;
    }

    /** Whether the provider has not answered the offer and its last day to answer is before {@code today}. */
    public boolean isUnansweredAfter(LocalDate today) {
        return status == OFFERED && answerDue != null && answerDue.isBefore(today);
    }

    // ---- booking ----

    /**
     * Asks the site directory for a place: first in {@code cohort} (checked against this service's copy:
     * the provider's, open, for the joint, with a free place, and no more sessions than funded), then in
     * the {@code fallbacks}.
     */
    public void requestBooking(DirectoryClass cohort, List<String> fallbacks, OffsetDateTime at) {
        requireMove(BOOKING_REQUESTED);
        if (!cohort.providerId.equals(providerId)) {
            throw ProblemException.badField("classId", "is a class of another provider");
        }
        if (!cohort.takesBookings()) {
            throw ProblemException.badField("classId", "is not open for booking (" + cohort.status + ")");
        }
        if (!cohort.runs(joint)) {
            throw ProblemException.badField(
                    "classId",
                    "does not run the programme for the " + joint.name().toLowerCase(Locale.ROOT));
        }
        if (cohort.freePlaces() <= 0) {
            throw conflictOn("classId", "class " + cohort.classId + " is full");
        }
        if (cohort.sessions > fundedContacts()) {
            throw conflictOn(
                    "classId",
                    "class " + cohort.classId + " has " + cohort.sessions
                            + " sessions; the funding contract pays for at most " + fundedContacts()
                            + " contacts per episode");
        }
        List<String> asked = new ArrayList<>();
        asked.add(cohort.classId);
        fallbacks.stream().filter(c -> !c.equals(cohort.classId)).forEach(asked::add);
        bookingRequestNumber++;
        requestedClassId = cohort.classId;
        moveTo(
                BOOKING_REQUESTED,
                "BOOKING_REQUESTED",
                "A place requested in a class starting " + cohort.startDate,
                null,
                null,
                at,
                List.copyOf(asked));
    }

    /** Whether a directory answer is for the request in flight; an older or repeated one changes nothing. */
    public boolean awaitsPlace(int requestNumber) {
        return status == BOOKING_REQUESTED && requestNumber == bookingRequestNumber;
    }

    /** The directory reserved a place: the person is booked. */
    public void book(
            String classId, String siteId, String siteName, int sessions, LocalDate startDate, OffsetDateTime at) {
        moveTo(BOOKED, "PLACE_RESERVED", "Booked into a class starting " + startDate, null, null, at);
        this.classId = classId;
        this.siteId = siteId;
        if (siteName != null) {
            this.siteName = siteName;
        }
        this.sessions = sessions;
        classStartDate = startDate;
        bookedAt = at;
    }

    /** The directory refused every class asked: the provider may choose again. */
    public void refusePlace(PlaceRefused refused, OffsetDateTime at) {
        requireFrom(EnumSet.of(BOOKING_REQUESTED), ACCEPTED, "a refused booking request");
        String why = refused.refusals().stream()
                .map(r -> r.classId() + " " + r.reason())
                .collect(Collectors.joining(", "));
        String codes = refused.refusals().stream()
                .map(r -> r.reason().name())
                .distinct()
                .sorted()
                .collect(Collectors.joining(","));
        moveTo(ACCEPTED, "PLACE_REFUSED:" + codes, "No place given: " + why, null, null, at);
    }

    /** Whether a refusal says the provider has no suitable class with room: every class asked is full or closed. */
    public static boolean noRoomAtAll(PlaceRefused refused) {
        return !refused.refusals().isEmpty()
                && refused.refusals().stream()
                        .allMatch(r -> r.reason() == PlaceRefusal.FULL || r.reason() == PlaceRefusal.NOT_OPEN);
    }

    /** The provider cancelled the booking (the directory releases the place); the person may be booked again. */
    public void cancelBooking(BookingCancellation code, String note, OffsetDateTime at) {
        if (code == null) {
            throw ProblemException.badField("reasonCode", "is needed to cancel a booking");
        }
        boolean noNote = note == null || note.isBlank();
        if (code == BookingCancellation.OTHER && noNote) {
            throw ProblemException.badField("reason", "is needed when the reason code is OTHER");
        }
        moveTo(
                BOOKING_CANCELLED,
                code.name(),
                "Booking cancelled by " + providerName + ": " + code.words(),
                noNote ? null : note.trim(),
                null,
                at);
        classId = null;
        bookedAt = null;
    }

    /** The referrer withdrew it (the directory releases any place). Final. */
    public void withdraw(String note, OffsetDateTime at) {
        moveTo(
                WITHDRAWN,
                "WITHDRAWN",
                "Withdrawn by the referrer",
                note == null || note.isBlank() ? null : note.trim(),
                null,
                at);
        answerDue = null;
    }

    // ---- the course (the provider's attendance register) ----

    /** Whether the person is booked into a class and the course has not ended. */
    public boolean isOnCourse() {
        return status == BOOKED || status == IN_PROGRESS;
    }

    /** The person attended a first session: the course is under way. */
    public void startCourse(OffsetDateTime at) {
        moveTo(IN_PROGRESS, "COURSE_STARTED", "Attended a first session of the course", null, null, at);
    }

    /** The course ended with enough sessions attended. */
    public void completeCourse(int attended, int held, OffsetDateTime at) {
        moveTo(
                COMPLETED,
                "COMPLETED",
                "Completed the course: attended " + attended + " of " + held + " sessions held",
                null,
                null,
                at);
    }

    /**
     * The person stopped, with a coded reason; OTHER needs the provider's words, which stay in this service.
     * Before the first session too: the person said they will not start.
     */
    public void dropOut(DropOutReason code, String note, OffsetDateTime at) {
        if (code == null) {
            throw ProblemException.badField("reasonCode", "is needed to record a drop-out");
        }
        boolean noNote = note == null || note.isBlank();
        if (code == DropOutReason.OTHER && noNote) {
            throw ProblemException.badField("reason", "is needed when the reason code is OTHER");
        }
        moveTo(DROPPED_OUT, code.name(), "Dropped out: " + words(code), noNote ? null : note.trim(), null, at);
    }

    /** The course ended with some sessions attended but fewer than the programme's completion share. */
    public void finishBelowCompletion(int attended, int held, int needed, OffsetDateTime at) {
        moveTo(
                DROPPED_OUT,
                "BELOW_COMPLETION_SHARE",
                "Not completed: attended " + attended + " of " + held + " sessions held; " + needed + " needed",
                null,
                null,
                at);
    }

    /** The course ended (or the person missed too many sessions in a row) without a session attended. */
    public void didNotAttend(String code, String reason, OffsetDateTime at) {
        moveTo(DID_NOT_ATTEND, code, reason, null, null, at);
    }

    /**
     * The contacts the funding contract pays for. A referral funded before decisions carried the cap has
     * only the course length the contract was checked against, which the cap was at least.
     */
    public int fundedContacts() {
        return contactsFunded != null ? contactsFunded : sessions;
    }

    /** Whether a provider may see it: one offered to that provider, from the offer on. */
    public boolean isSeenBy(String provider) {
        return provider.equals(providerId) && offeredAt != null;
    }

    /** The moves made since the last call, oldest first; the service announces each. */
    public List<Transition> takeMoves() {
        List<Transition> taken = List.copyOf(moves);
        moves.clear();
        return taken;
    }

    private void requireMove(ReferralStatus to) {
        if (!allows(status, to)) {
            throw new IllegalTransition(id, status, to, status == null ? FIRST : NEXT.get(status), null);
        }
    }

    /** The table allows several ways into {@code to}; this one only from {@code from} (null: a new referral). */
    private void requireFrom(Set<ReferralStatus> from, ReferralStatus to, String only) {
        requireMove(to);
        if (from == null ? status != null : !from.contains(status)) {
            throw new IllegalTransition(id, status, to, status == null ? FIRST : NEXT.get(status), only);
        }
    }

    private void moveTo(
            ReferralStatus to, String code, String reason, String note, RerouteCause cause, OffsetDateTime at) {
        moveTo(to, code, reason, note, cause, at, null);
    }

    private void moveTo(
            ReferralStatus to,
            String code,
            String reason,
            String note,
            RerouteCause cause,
            OffsetDateTime at,
            List<String> classIds) {
        requireMove(to);
        moves.add(new Transition(status, to, code, reason, note, at, cause, classIds));
        status = to;
        statusReason = reason;
        statusReasonCode = code;
        updatedAt = at;
    }

    static ProblemException conflictOn(String field, String detail) {
        return new ProblemException(409, "Conflict", detail, List.of(new Problem.FieldError(field, detail)));
    }

    /** A decline reason in words: what referral.declined carries instead of the provider's text. */
    public static String words(DeclineReason code) {
        return switch (code) {
            case NO_CAPACITY -> "no place the person could take in any of the provider's classes";
            case NOT_SUITABLE -> "the programme is not suitable for the person";
            case UNABLE_TO_CONTACT -> "the provider could not contact the person";
            case PERSON_DECLINED -> "the person declined";
            case OTHER -> "another reason (see the provider's note)";
        };
    }

    /** A drop-out reason in words: what the timeline shows beside the code. */
    public static String words(DropOutReason code) {
        return switch (code) {
            case CONSECUTIVE_ABSENCES -> "missed sessions in a row without notice";
            case PERSON_CHOSE_TO_STOP -> "the person chose to stop";
            case ILL_HEALTH -> "ill health";
            case PAIN_OR_INJURY -> "pain or injury";
            case MOVED_AWAY -> "moved away";
            case TRANSPORT_OR_ACCESS -> "transport or access";
            case OTHER -> "another reason (see the provider's note)";
        };
    }

    static String words(RerouteCause cause) {
        return switch (cause) {
            case DECLINED -> "the provider declined";
            case NO_ANSWER -> "no answer from the provider in time";
            case PLACE_REFUSED -> "no place with the provider";
        };
    }

    /**
     * The person's age on the day they were referred, banded as the outcome reports band it: what leaves
     * this service instead of the date of birth.
     */
    public String ageBand() {
        int age = Period.between(dateOfBirth, submittedAt.toLocalDate()).getYears();
        if (age < 45) {
            return "under-45";
        }
        if (age >= 85) {
            return "85+";
        }
        int lower = 45 + (age - 45) / 10 * 10;
        return lower + "-" + (lower + 9);
    }

    @Override
    public String toString() {
        return "Referral[" + id + ", " + status + "]"; // never the person's details
    }
}

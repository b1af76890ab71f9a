package uk.nhs.pathways.referral.lifecycle.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.DeclineReason;
import uk.nhs.pathways.events.FundingDecided;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.PlaceRefused;
import uk.nhs.pathways.events.PlaceReserved;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.RerouteCause;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.platform.geo.Postcodes;
import uk.nhs.pathways.platform.problem.Problem;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.time.England;
import uk.nhs.pathways.referral.ReferralConfig;
import uk.nhs.pathways.referral.audit.domain.AuditEvent;
import uk.nhs.pathways.referral.audit.service.PatientDataAudit;
import uk.nhs.pathways.referral.audit.service.PatientDataAudit.Actor;
import uk.nhs.pathways.referral.calendar.WorkingDays;
import uk.nhs.pathways.referral.directory.domain.DirectoryClass;
import uk.nhs.pathways.referral.directory.domain.DirectorySite;
import uk.nhs.pathways.referral.lifecycle.domain.BookingCancellation;
import uk.nhs.pathways.referral.lifecycle.domain.CandidateRecord;
import uk.nhs.pathways.referral.lifecycle.domain.NhsNumber;
import uk.nhs.pathways.referral.lifecycle.domain.Referral;
import uk.nhs.pathways.referral.lifecycle.domain.TimelineEntry;
import uk.nhs.pathways.referral.routing.domain.Preferences;
import uk.nhs.pathways.referral.routing.domain.RankingOutcome;
import uk.nhs.pathways.referral.routing.service.ClassRouting;
import uk.nhs.pathways.referral.terminology.ReasonsForReferral;

/**
 * Carries out the referral lifecycle that {@link Referral} rules on: loads the referral, asks it to
 * move, and writes the move, its audit record, its timeline entry and its event in one transaction
 * (through {@link ReferralTransitions}), so what the API shows and what consumers hear never disagree.
 */
@ApplicationScoped
public class Referrals {

    private static final Logger LOG = Logger.getLogger(Referrals.class);

    /** The service itself, when it moves a referral on (no answer in time, re-routing). */
    static final Actor SELF = Actor.system("referral-service");

    @Inject
    Postcodes postcodes;

    @Inject
    ClassRouting routing;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    ReasonsForReferral reasons;

    @Inject
    ReferralTransitions transitions;

    @Inject
    PatientDataAudit audit;

    @Inject
    WorkingDays workingDays;

    @Inject
    ReferralConfig config;

    @Inject
    Clock clock;

    /** What an FCP submits about the person. {@code joint} is optional: the reason says which. */
    public record NewReferral(
            String nhsNumber,
            String name,
            LocalDate dateOfBirth,
            String postcode,
            String reasonSystem,
            String reasonCode,
            Joint joint,
            Preferences preferences,
            boolean duplicateIntended) {

        /** A digest of the request, to tell a retry from a different request under the same key. */
        String digest() {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256")
                        .digest(String.join(
                                        "\u0000",
                                        NhsNumber.normalise(nhsNumber),
                                        name.trim(),
                                        dateOfBirth.toString(),
                                        Postcodes.normalise(postcode).orElse(postcode),
                                        reasonSystem + "|" + reasonCode,
                                        String.valueOf(joint),
                                        String.valueOf(preferences.settingsColumn()),
                                        String.valueOf(preferences.availabilityColumn()),
                                        String.valueOf(preferences.maxTravelMetres()),
                                        String.valueOf(preferences.needsColumn()),
                                        Boolean.toString(duplicateIntended))
                                .getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(hash);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Which referrals a caller may see: a practice's own, or those offered to a provider. */
    public record Scope(String practiceOdsCode, String providerId) {
        public static Scope practice(String ods) {
            return new Scope(ods, null);
        }

        public static Scope provider(String id) {
            return new Scope(null, id);
        }

        public boolean isReferrer() {
            return practiceOdsCode != null;
        }

        boolean sees(Referral referral) {
            return practiceOdsCode != null
                    ? practiceOdsCode.equals(referral.practiceOdsCode)
                    : referral.isSeenBy(providerId);
        }
    }

    /** The referral a practice already made with this Idempotency-Key, if the request is the same. */
    @Transactional
    public Optional<Referral> earlierSubmission(String practiceOdsCode, String idempotencyKey, NewReferral request) {
        Optional<Referral> earlier = Referral.<Referral>find(
                        "practiceOdsCode = ?1 and idempotencyKey = ?2", practiceOdsCode, idempotencyKey)
                .firstResultOptional();
        earlier.ifPresent(r -> {
            if (!r.requestHash.equals(request.digest())) {
                throw new ProblemException(
                        422,
                        "Idempotency-Key reused",
                        "this Idempotency-Key was used for a different referral",
                        List.of());
            }
        });
        return earlier;
    }

    /**
     * 409 when the person already has an open referral for the joint and the FCP did not say a second one
     * is meant. The existing referral's id is named only to its own practice.
     */
    @Transactional
    public void refuseUnintendedDuplicate(NewReferral request, String practiceOdsCode) {
        refuseUnintendedDuplicate(request, jointOf(request), practiceOdsCode);
    }

    void refuseUnintendedDuplicate(NewReferral request, Joint joint, String practiceOdsCode) {
        if (request.duplicateIntended()) {
            return;
        }
        Optional<Referral> open = Referral.<Referral>find(
                        "nhsNumber = ?1 and joint = ?2 and status not in ?3",
                        Sort.ascending("submittedAt"),
                        NhsNumber.normalise(request.nhsNumber()),
                        joint,
                        Referral.CLOSED)
                .firstResultOptional();
        if (open.isEmpty()) {
            return;
        }
        String which = open.get().practiceOdsCode.equals(practiceOdsCode)
                ? "referral " + open.get().id + " is already open"
                : "a referral from another practice is already open";
        String detail = which + " for this person and the " + joint.name().toLowerCase()
                + "; set duplicateIntended to true if a second referral is meant";
        throw new ProblemException(
                409, "Duplicate referral", detail, List.of(new Problem.FieldError("duplicateIntended", detail)));
    }

    @Transactional
    public Referral submit(NewReferral request, String idempotencyKey, Actor referrer) {
        if (!NhsNumber.isValid(request.nhsNumber())) {
            throw ProblemException.badField(
                    "patient.nhsNumber", "is not a valid NHS number (10 digits with a valid check digit)");
        }
        Joint joint = jointOf(request);
        String postcode = Postcodes.normalise(request.postcode())
                .orElseThrow(() -> ProblemException.badField("patient.postcode", "is not a well-formed UK postcode"));
        Location home = postcodes
                .locate(postcode)
                .orElseThrow(
                        () -> ProblemException.badField("patient.postcode", "is not in a known postcode district"));
        refuseUnintendedDuplicate(request, joint, referrer.organisation());

        OffsetDateTime now = OffsetDateTime.now(clock);
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.practiceOdsCode = referrer.organisation();
        referral.referrer = referrer.user();
        referral.nhsNumber = NhsNumber.normalise(request.nhsNumber());
        referral.patientName = request.name().trim();
        referral.dateOfBirth = request.dateOfBirth();
        referral.postcode = postcode;
        referral.patientPseudonym = pseudonyms.of(referral.nhsNumber);
        referral.reasonSystem = request.reasonSystem();
        referral.reasonCode = request.reasonCode();
        referral.joint = joint;
        referral.prefer(request.preferences());
        referral.duplicateIntended = request.duplicateIntended();
        referral.commissionerIcb = routing.commissionerOf(referral.practiceOdsCode);
        referral.submittedAt = now;
        referral.idempotencyKey = idempotencyKey;
        referral.requestHash = request.digest();

        RankingOutcome outcome = routing.rank(home, referral.practiceOdsCode, joint, request.preferences(), Set.of());
        if (outcome instanceof RankingOutcome.Ranked ranked) {
            referral.route(ranked.chosen(), now);
        } else {
            RankingOutcome.NothingFits none = (RankingOutcome.NothingFits) outcome;
            referral.holdForAttention(none.reasonCode(), none.reason(), now);
        }
        referral.persist();
        keepRanking(referral, outcome, now);
        transitions.announce(referral, referrer);
        audit.record(referrer, AuditEvent.Action.CREATE, referral.id, "referred; " + referral.status);
        LOG.infof("Referral %s submitted: %s", referral.id, referral.status);
        return referral;
    }

    /** The joint the reason for referral means; a joint sent as well must agree with it. */
    Joint jointOf(NewReferral request) {
        if (!ReasonsForReferral.SNOMED_CT.equals(request.reasonSystem())) {
            throw ProblemException.badField("reason.system", "must be " + ReasonsForReferral.SNOMED_CT);
        }
        ReasonsForReferral.Concept concept = reasons.find(request.reasonSystem(), request.reasonCode())
                .orElseThrow(() -> ProblemException.badField(
                        "reason.code", "is not a SNOMED CT concept of knee or hip osteoarthritis this service takes"));
        if (request.joint() != null && request.joint() != concept.joint()) {
            throw ProblemException.badField(
                    "joint",
                    "disagrees with the reason for referral, which is osteoarthritis of the "
                            + concept.joint().name().toLowerCase());
        }
        return concept.joint();
    }

    /**
     * Applies the funding decision of the referral's current route: its first, or a later revision (the
     * commissioner's contracts changed) while the referral is held as not funded. A decision for an older
     * route, a repeat or an older revision changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyFundingDecision(FundingDecided decision) {
        Referral referral = Referral.findById(UUID.fromString(decision.referralId()));
        if (referral == null) {
            throw new IllegalStateException("funding decision for unknown referral " + decision.referralId());
        }
        // Both fields were added within v1: decisions taken before them are route 1, revision 1.
        int route = decision.routeNumber() <= 0 ? 1 : decision.routeNumber();
        int revision = decision.revision() <= 0 ? 1 : decision.revision();
        if (!referral.awaitsFunding(route, revision)) {
            LOG.infof(
                    "Referral %s is %s on route %d (revision %d applied); funding decision of route %d revision %d ignored",
                    referral.id, referral.status, referral.routeNumber, referral.fundingRevision, route, revision);
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (decision.funded()) {
            LocalDate due =
                    workingDays.plus(England.today(clock), config.lifecycle().answerWithinWorkingDays());
            referral.offer(
                    decision.commissionerIcb(), decision.contractId(), decision.contactsFunded(), revision, due, now);
        } else {
            referral.refuseFunding(decision.commissionerIcb(), decision.reasons(), revision, now);
        }
        Actor contracts = Actor.system("contract-service");
        transitions.announce(referral, contracts);
        audit.record(
                contracts,
                AuditEvent.Action.UPDATE,
                referral.id,
                (decision.funded() ? "funded" : "not funded") + " (revision " + revision + ")");
        LOG.infof("Referral %s is now %s", referral.id, referral.status);
    }

    /** A referral the scope may see, read on behalf of {@code reader}; empty also when it exists outside the scope (no existence leak). */
    @Transactional
    public Optional<Referral> read(UUID id, Scope scope, Actor reader) {
        Optional<Referral> referral = Referral.<Referral>findByIdOptional(id).filter(scope::sees);
        referral.ifPresent(r -> audit.record(reader, AuditEvent.Action.READ, r.id, "viewed"));
        return referral;
    }

    /** The ranking behind the referral's current route, best first. */
    @Transactional
    public List<CandidateRecord> ranking(UUID referralId) {
        return CandidateRecord.list("referralId", Sort.ascending("rank"), referralId);
    }

    @Transactional
    public List<Referral> list(Scope scope, ReferralStatus status, int page, int size, Actor reader) {
        StringBuilder query = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (scope.practiceOdsCode() != null) {
            query.append("practiceOdsCode = ?1");
            params.add(scope.practiceOdsCode());
        } else {
            query.append("providerId = ?1 and offeredAt is not null");
            params.add(scope.providerId());
        }
        if (status != null) {
            query.append(" and status = ?").append(params.size() + 1);
            params.add(status);
        }
        List<Referral> found = Referral.<Referral>find(
                        query.toString(), Sort.descending("submittedAt"), params.toArray())
                .page(Page.of(page, size))
                .list();
        found.forEach(r -> audit.record(reader, AuditEvent.Action.LIST, r.id, "listed"));
        return found;
    }

    /** The provider accepts an offered referral. */
    @Transactional
    public Referral accept(UUID id, Actor provider) {
        Referral referral = offeredTo(id, provider);
        referral.accept(OffsetDateTime.now(clock));
        transitions.announce(referral, provider);
        audit.record(provider, AuditEvent.Action.UPDATE, referral.id, "accepted");
        return referral;
    }

    /** The provider declines it with a coded reason (and, for OTHER, its words); it moves on at once. */
    @Transactional
    public Referral decline(UUID id, DeclineReason code, String note, Actor provider) {
        Referral referral = offeredTo(id, provider);
        referral.decline(code, note, OffsetDateTime.now(clock));
        transitions.announce(referral, provider);
        audit.record(provider, AuditEvent.Action.UPDATE, referral.id, "declined");
        moveOn(referral, RerouteCause.DECLINED);
        return referral;
    }

    /**
     * Moves a referral on to the next ranked class not yet tried, ranked again with today's data; or back
     * to the FCP when re-routes are used up or nothing is left.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moveOn(Referral referral, RerouteCause cause) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int max = config.lifecycle().maxReroutes();
        if (!referral.mayReroute(max)) {
            referral.holdForAttention(
                    "REROUTES_EXHAUSTED",
                    "Re-routed " + referral.reroutes + " time" + (referral.reroutes == 1 ? "" : "s")
                            + " (the most allowed) without a place; back to the referrer",
                    now);
        } else {
            RankingOutcome outcome = rankAgain(referral, referral.preferences());
            if (outcome instanceof RankingOutcome.Ranked ranked) {
                referral.reroute(ranked.chosen(), cause, now);
            } else {
                RankingOutcome.NothingFits none = (RankingOutcome.NothingFits) outcome;
                referral.holdForAttention(none.reasonCode(), none.reason(), now);
            }
            keepRanking(referral, outcome, now);
        }
        transitions.announce(referral, SELF);
        audit.record(SELF, AuditEvent.Action.UPDATE, referral.id, "moved on (" + cause + "): " + referral.status);
    }

    /** The FCP routes a referral that needs attention again, with new preferences if it sends them. */
    @Transactional
    public Referral rerouteByReferrer(UUID id, Preferences preferences, Actor referrer) {
        Referral referral = ofPractice(id, referrer);
        referral.requireReroutableByReferrer();
        Preferences now = preferences != null ? preferences : referral.preferences();
        RankingOutcome outcome = rankAgain(referral, now);
        if (outcome instanceof RankingOutcome.NothingFits none) {
            throw new ProblemException(
                    409,
                    "Nothing fits",
                    none.reasonCode() + ": " + none.reason(),
                    List.of(new Problem.FieldError("preferences", none.reasonCode())));
        }
        OffsetDateTime at = OffsetDateTime.now(clock);
        referral.prefer(now);
        referral.rerouteByReferrer(((RankingOutcome.Ranked) outcome).chosen(), at);
        keepRanking(referral, outcome, at);
        transitions.announce(referral, referrer);
        audit.record(referrer, AuditEvent.Action.UPDATE, referral.id, "routed again");
        return referral;
    }

    private RankingOutcome rankAgain(Referral referral, Preferences preferences) {
        Location home = postcodes
                .locate(referral.postcode)
                .orElseThrow(
                        () -> new IllegalStateException("referral " + referral.id + " has no known home district"));
        return routing.rank(home, referral.practiceOdsCode, referral.joint, preferences, tried(referral));
    }

    /** The classes this referral has been proposed to. */
    Set<String> tried(Referral referral) {
        Set<String> tried = new HashSet<>(TimelineEntry.getEntityManager()
                .createQuery(
                        "select distinct t.classId from TimelineEntry t"
                                + " where t.referralId = :id and t.to = :to and t.classId is not null",
                        String.class)
                .setParameter("id", referral.id)
                .setParameter("to", ReferralStatus.SUBMITTED)
                .getResultList());
        if (referral.routedClassId != null) {
            tried.add(referral.routedClassId);
        }
        return tried;
    }

    private void keepRanking(Referral referral, RankingOutcome outcome, OffsetDateTime at) {
        if (outcome instanceof RankingOutcome.Ranked ranked) {
            CandidateRecord.delete("referralId", referral.id);
            ranked.classes().forEach(c -> CandidateRecord.of(referral.id, c, at).persist());
        }
    }

    /**
     * Offers the provider has not answered in time, moved on (NO_ANSWER). Rows are claimed with
     * {@code FOR UPDATE SKIP LOCKED}, so two replicas never move the same referral, and an offer already
     * moved on is no longer OFFERED: running it again changes nothing.
     *
     * @return how many offers were moved on
     */
    @Transactional
    public int moveOnUnanswered(int batch) {
        LocalDate today = England.today(clock);
        @SuppressWarnings("unchecked")
        List<UUID> due = Referral.getEntityManager()
                .createNativeQuery(
                        "select id from referral where status = 'OFFERED' and answer_due < :today"
                                + " order by answer_due, id limit :batch for update skip locked",
                        UUID.class)
                .setParameter("today", today)
                .setParameter("batch", batch)
                .getResultList();
        int moved = 0;
        for (UUID id : due) {
            Referral referral = Referral.findById(id);
            if (referral != null && referral.isUnansweredAfter(today)) {
                moveOn(referral, RerouteCause.NO_ANSWER);
                moved++;
            }
        }
        return moved;
    }

    /** Asks the site directory for a place in the class the provider chose, its other suitable classes after it. */
    @Transactional
    public Referral requestBooking(UUID id, String classId, Actor provider) {
        Referral referral = offeredTo(id, provider);
        DirectoryClass cohort = DirectoryClass.findById(classId);
        if (cohort == null) {
            throw ProblemException.badField("classId", "is not a known class");
        }
        referral.requestBooking(cohort, fallbacks(referral, classId), OffsetDateTime.now(clock));
        transitions.announce(referral, provider);
        audit.record(provider, AuditEvent.Action.UPDATE, referral.id, "place requested in class " + classId);
        return referral;
    }

    /** The provider's other classes, from the copy, the directory may place the person in instead: soonest first. */
    private List<String> fallbacks(Referral referral, String chosen) {
        return DirectoryClass.<DirectoryClass>find(
                        "providerId = ?1 and status = ?2 and placesTaken < capacity and sessions <= ?3"
                                + " and startDate > ?4 and classId <> ?5",
                        Sort.ascending("startDate", "classId"),
                        referral.providerId,
                        ClassStatus.SCHEDULED,
                        referral.fundedContacts(),
                        England.today(clock),
                        chosen)
                .stream()
                .filter(c -> c.runs(referral.joint))
                .limit(10)
                .map(c -> c.classId)
                .toList();
    }

    /** The directory reserved a place for the request in flight: BOOKED. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void placeReserved(PlaceReserved reserved) {
        Referral referral = placeAnswerFor(reserved.referralId());
        if (!referral.awaitsPlace(reserved.requestNumber())) {
            LOG.infof(
                    "Referral %s is %s with request %d; place for request %d ignored",
                    referral.id, referral.status, referral.bookingRequestNumber, reserved.requestNumber());
            return;
        }
        DirectorySite site = DirectorySite.findById(reserved.siteId());
        referral.book(
                reserved.classId(),
                reserved.siteId(),
                site == null ? null : site.name,
                reserved.sessions(),
                reserved.startDate(),
                OffsetDateTime.now(clock));
        Actor directory = Actor.system("site-directory-service");
        transitions.announce(referral, directory);
        audit.record(directory, AuditEvent.Action.UPDATE, referral.id, "booked into class " + reserved.classId());
    }

    /**
     * The directory refused every class asked: back to ACCEPTED for the provider to choose again; or, when
     * every class asked was full or closed (the provider has no suitable class with room), moved on.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void placeRefused(PlaceRefused refused) {
        Referral referral = placeAnswerFor(refused.referralId());
        if (!referral.awaitsPlace(refused.requestNumber())) {
            LOG.infof(
                    "Referral %s is %s with request %d; refusal of request %d ignored",
                    referral.id, referral.status, referral.bookingRequestNumber, refused.requestNumber());
            return;
        }
        Actor directory = Actor.system("site-directory-service");
        audit.record(directory, AuditEvent.Action.UPDATE, referral.id, "no place given");
        if (Referral.noRoomAtAll(refused)) {
            moveOn(referral, RerouteCause.PLACE_REFUSED);
        } else {
            referral.refusePlace(refused, OffsetDateTime.now(clock));
            transitions.announce(referral, directory);
        }
    }

    private static Referral placeAnswerFor(String referralId) {
        Referral referral = Referral.findById(UUID.fromString(referralId));
        if (referral == null) {
            throw new IllegalStateException("place answer for unknown referral " + referralId);
        }
        return referral;
    }

    /** The provider cancels the booking with a coded reason; the directory releases the place. */
    @Transactional
    public Referral cancelBooking(UUID id, BookingCancellation code, String note, Actor provider) {
        Referral referral = offeredTo(id, provider);
        referral.cancelBooking(code, note, OffsetDateTime.now(clock));
        transitions.announce(referral, provider);
        audit.record(provider, AuditEvent.Action.UPDATE, referral.id, "booking cancelled");
        return referral;
    }

    /** The referrer withdraws the referral: final; the directory releases any place. */
    @Transactional
    public Referral withdraw(UUID id, String note, Actor referrer) {
        Referral referral = ofPractice(id, referrer);
        referral.withdraw(note, OffsetDateTime.now(clock));
        transitions.announce(referral, referrer);
        audit.record(referrer, AuditEvent.Action.UPDATE, referral.id, "withdrawn");
        return referral;
    }

    /**
     * Every status change a caller may see, oldest first: the referrer all of them; the provider it is
     * offered to, those from its offer on. Empty when the caller may not see the referral (404).
     */
    @Transactional
    public Optional<List<TimelineEntry>> timeline(UUID id, Scope scope, Actor reader) {
        Optional<Referral> referral = Referral.<Referral>findByIdOptional(id).filter(scope::sees);
        if (referral.isEmpty()) {
            return Optional.empty();
        }
        List<TimelineEntry> all = TimelineEntry.list("referralId", Sort.ascending("id"), id);
        if (scope.isReferrer()) {
            audit.record(reader, AuditEvent.Action.READ, id, "viewed timeline");
            return Optional.of(all);
        }
        // From the provider's (latest) offer; for one offered before the timeline was kept, from its first entry.
        String provider = scope.providerId();
        long from = all.stream()
                .filter(e -> e.to == ReferralStatus.OFFERED && provider.equals(e.providerId))
                .mapToLong(e -> e.id)
                .max()
                .orElseGet(() -> all.stream()
                        .filter(e -> provider.equals(e.providerId))
                        .mapToLong(e -> e.id)
                        .min()
                        .orElse(Long.MAX_VALUE));
        List<TimelineEntry> entries = all.stream().filter(e -> e.id >= from).toList();
        audit.record(reader, AuditEvent.Action.READ, id, "viewed timeline");
        return Optional.of(entries);
    }

    /** The referral if it was offered to this provider; 404 otherwise, so its existence does not leak. */
    private Referral offeredTo(UUID id, Actor provider) {
        return Referral.<Referral>findByIdOptional(id)
                .filter(Scope.provider(provider.organisation())::sees)
                .orElseThrow(() -> ProblemException.notFound("referral " + id));
    }

    /** The referral if it is the referrer's practice's; 404 otherwise. */
    private Referral ofPractice(UUID id, Actor referrer) {
        return Referral.<Referral>findByIdOptional(id)
                .filter(Scope.practice(referrer.organisation())::sees)
                .orElseThrow(() -> ProblemException.notFound("referral " + id));
    }
}

package uk.nhs.pathways.referral.lifecycle.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.ReferralBooked;
import uk.nhs.pathways.events.FundingDecided;
import uk.nhs.pathways.events.ReferralStatusChanged;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.platform.geo.Postcodes;
import uk.nhs.pathways.platform.outbox.Outbox;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.referral.audit.domain.AuditEvent;
import uk.nhs.pathways.referral.audit.service.PatientDataAudit;
import uk.nhs.pathways.referral.audit.service.PatientDataAudit.Actor;
import uk.nhs.pathways.referral.directory.domain.DirectoryClass;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.referral.lifecycle.domain.NhsNumber;
import uk.nhs.pathways.referral.lifecycle.domain.Referral;
import uk.nhs.pathways.events.ReferralStatus;

import java.time.LocalDate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The referral lifecycle. Each state change and the event announcing it are written in one
 * transaction (outbox), so what the API shows and what consumers hear never disagree.
 */
@ApplicationScoped
public class Referrals {

    @Inject
    Clock clock;

    private static final Logger LOG = Logger.getLogger(Referrals.class);

    /** A provider sees a referral from the moment it is offered to it. */
    static final List<ReferralStatus> PROVIDER_VISIBLE = List.of(ReferralStatus.OFFERED, ReferralStatus.ACCEPTED,
            ReferralStatus.DECLINED, ReferralStatus.BOOKED);

    @Inject
    Postcodes postcodes;

    @Inject
    Routing routing;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    Outbox outbox;

    @Inject
    PatientDataAudit audit;

    /** What an FCP submits about the person. */
    public record NewReferral(String nhsNumber, String name, LocalDate dateOfBirth, String postcode, Joint joint) {

        /** A digest of the request, to tell a retry from a different request under the same key. */
        String digest() {
            try {
                byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(String.join("\u0000",
                        NhsNumber.normalise(nhsNumber), name.trim(), dateOfBirth.toString(),
                        Postcodes.normalise(postcode).orElse(postcode), joint.name()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return java.util.HexFormat.of().formatHex(hash);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The referral a practice already made with this Idempotency-Key, if the request is the same. */
    @Transactional
    public Optional<Referral> earlierSubmission(String practiceOdsCode, String idempotencyKey, NewReferral request) {
        Optional<Referral> earlier = Referral.<Referral>find("practiceOdsCode = ?1 and idempotencyKey = ?2",
                practiceOdsCode, idempotencyKey).firstResultOptional();
        earlier.ifPresent(r -> {
            if (!r.requestHash.equals(request.digest())) {
                throw new ProblemException(422, "Idempotency-Key reused",
                        "this Idempotency-Key was used for a different referral", List.of());
            }
        });
        return earlier;
    }

    /** Which referrals a caller may see: a practice's own, or those offered to a provider. */
    public record Scope(String practiceOdsCode, String providerId) {
        public static Scope practice(String ods) {
            return new Scope(ods, null);
        }

        public static Scope provider(String id) {
            return new Scope(null, id);
        }
    }

    @Transactional
    public Referral submit(NewReferral request, String idempotencyKey, Actor referrer) {
        String practiceOdsCode = referrer.organisation();
        if (!NhsNumber.isValid(request.nhsNumber())) {
            throw ProblemException.badField("patient.nhsNumber", "is not a valid NHS number (10 digits with a valid check digit)");
        }
        String postcode = Postcodes.normalise(request.postcode())
                .orElseThrow(() -> ProblemException.badField("patient.postcode", "is not a well-formed UK postcode"));
        Location home = postcodes.locate(postcode)
                .orElseThrow(() -> ProblemException.badField("patient.postcode", "is not in a known postcode district"));

        OffsetDateTime now = OffsetDateTime.now(clock);
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.practiceOdsCode = practiceOdsCode;
        referral.referrer = referrer.user();
        referral.nhsNumber = NhsNumber.normalise(request.nhsNumber());
        referral.patientName = request.name().trim();
        referral.dateOfBirth = request.dateOfBirth();
        referral.postcode = postcode;
        referral.patientPseudonym = pseudonyms.of(referral.nhsNumber);
        referral.joint = request.joint();
        referral.submittedAt = now;
        referral.updatedAt = now;
        referral.idempotencyKey = idempotencyKey;
        referral.requestHash = request.digest();

        Optional<Routing.Route> route = routing.nearest(home, request.joint());
        if (route.isPresent()) {
            var site = route.get().site();
            referral.status = ReferralStatus.SUBMITTED;
            referral.siteId = site.siteId;
            referral.siteName = site.name;
            referral.providerId = site.providerId;
            referral.providerName = site.providerName;
            referral.sessions = site.sessions;
            referral.distanceMetres = route.get().distanceMetres();
            referral.persist();
            outbox.record(EventType.REFERRAL_SUBMITTED, referral.id.toString(), new ReferralSubmitted(
                    referral.id.toString(), referral.patientPseudonym, practiceOdsCode, referral.joint,
                    site.siteId, site.providerId, site.sessions, referral.distanceMetres, now.toInstant()));
        } else {
            referral.status = ReferralStatus.NEEDS_ATTENTION;
            referral.statusReason = "No active ESCAPE-pain site for the " + request.joint().name().toLowerCase()
                    + " within " + routing.maxDistanceMetres() / 1000 + " km of the person's home district";
            referral.persist();
            announceStatus(referral, EventType.REFERRAL_NEEDS_ATTENTION);
        }
        audit.record(referrer, AuditEvent.Action.CREATE, referral.id, "referred; " + referral.status);
        LOG.infof("Referral %s submitted: %s", referral.id, referral.status);
        return referral;
    }

    /** Applies a funding decision; a decision for a referral already decided changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyFundingDecision(FundingDecided decision) {
        Referral referral = Referral.findById(UUID.fromString(decision.referralId()));
        if (referral == null) {
            throw new IllegalStateException("funding decision for unknown referral " + decision.referralId());
        }
        if (referral.status != ReferralStatus.SUBMITTED) {
            LOG.infof("Referral %s already %s; funding decision ignored", referral.id, referral.status);
            return;
        }
        referral.commissionerIcb = decision.commissionerIcb();
        referral.updatedAt = OffsetDateTime.now(clock);
        audit.record(Actor.system("contract-service"), AuditEvent.Action.UPDATE, referral.id,
                decision.funded() ? "funded" : "not funded");
        if (decision.funded()) {
            referral.status = ReferralStatus.OFFERED;
            referral.fundingContractId = decision.contractId();
            referral.statusReason = "Funded by contract " + decision.contractId() + "; offered to " + referral.providerName;
            announceStatus(referral, EventType.REFERRAL_OFFERED);
        } else {
            referral.status = ReferralStatus.NEEDS_ATTENTION;
            referral.statusReason = "Not funded: " + String.join("; ", decision.reasons());
            announceStatus(referral, EventType.REFERRAL_NEEDS_ATTENTION);
        }
        LOG.infof("Referral %s is now %s", referral.id, referral.status);
    }

    /** A referral the scope may see, read on behalf of {@code reader}; empty also when it exists outside the scope (no existence leak). */
    @Transactional
    public Optional<Referral> read(UUID id, Scope scope, Actor reader) {
        Optional<Referral> referral = Referral.<Referral>findByIdOptional(id).filter(r -> visible(r, scope));
        referral.ifPresent(r -> audit.record(reader, AuditEvent.Action.READ, r.id, "viewed"));
        return referral;
    }

    @Transactional
    public List<Referral> list(Scope scope, ReferralStatus status, int page, int size, Actor reader) {
        StringBuilder query = new StringBuilder();
        List<Object> params = new java.util.ArrayList<>();
        if (scope.practiceOdsCode() != null) {
            query.append("practiceOdsCode = ?1");
            params.add(scope.practiceOdsCode());
        } else {
            query.append("providerId = ?1 and status in ?2");
            params.add(scope.providerId());
            params.add(PROVIDER_VISIBLE);
        }
        if (status != null) {
            query.append(" and status = ?").append(params.size() + 1);
            params.add(status);
        }
        List<Referral> found = Referral.<Referral>find(query.toString(), Sort.descending("submittedAt"), params.toArray())
                .page(Page.of(page, size)).list();
        found.forEach(r -> audit.record(reader, AuditEvent.Action.LIST, r.id, "listed"));
        return found;
    }

    /** The provider a referral was offered to accepts it (it will book the person) or declines it, with a reason. */
    @Transactional
    public Referral respond(UUID id, boolean accept, String reason, Actor provider) {
        Referral referral = offeredTo(id, provider);
        if (referral.status != ReferralStatus.OFFERED) {
            throw ProblemException.conflict("referral " + id + " is " + referral.status + "; only an OFFERED referral can be accepted or declined");
        }
        referral.status = accept ? ReferralStatus.ACCEPTED : ReferralStatus.DECLINED;
        referral.statusReason = accept ? "Accepted by " + referral.providerName
                : "Declined by " + referral.providerName + ": " + reason;
        referral.updatedAt = OffsetDateTime.now(clock);
        audit.record(provider, AuditEvent.Action.UPDATE, referral.id, accept ? "accepted" : "declined");
        announceStatus(referral, accept ? EventType.REFERRAL_ACCEPTED : EventType.REFERRAL_DECLINED);
        return referral;
    }

    /** Books the person of an accepted referral into one of the provider's classes with a free place. */
    @Transactional
    public Referral book(UUID id, String classId, Actor provider) {
        Referral referral = offeredTo(id, provider);
        if (referral.status != ReferralStatus.ACCEPTED) {
            throw ProblemException.conflict("referral " + id + " is " + referral.status + "; accept it before booking");
        }
        DirectoryClass cohort = DirectoryClass.findById(classId);
        if (cohort == null) {
            throw ProblemException.badField("classId", "is not a known class");
        }
        if (!cohort.providerId.equals(referral.providerId)) {
            throw ProblemException.badField("classId", "is a class of another provider");
        }
        if (cohort.status != ClassStatus.SCHEDULED) {
            throw ProblemException.badField("classId", "is not open for booking (" + cohort.status + ")");
        }
        if (!java.util.Arrays.asList(cohort.programmes.split(",")).contains(referral.joint.name())) {
            throw ProblemException.badField("classId", "does not run the programme for the " + referral.joint.name().toLowerCase());
        }
        if (cohort.freePlaces() <= 0) {
            throw ProblemException.conflict("class " + classId + " is full");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        referral.status = ReferralStatus.BOOKED;
        referral.classId = classId;
        referral.bookedAt = now;
        referral.updatedAt = now;
        referral.statusReason = "Booked into a class starting " + cohort.startDate;
        audit.record(provider, AuditEvent.Action.UPDATE, referral.id, "booked into class " + classId);
        outbox.record(EventType.REFERRAL_BOOKED, referral.id.toString(), new ReferralBooked(referral.id.toString(),
                classId, cohort.siteId, referral.providerId, now.toInstant()));
        return referral;
    }

    /** The referral if it was offered to this provider; 404 otherwise, so its existence does not leak. */
    private Referral offeredTo(UUID id, Actor provider) {
        return Referral.<Referral>findByIdOptional(id)
                .filter(r -> visible(r, Scope.provider(provider.organisation())))
                .orElseThrow(() -> ProblemException.notFound("referral " + id));
    }

    private static boolean visible(Referral referral, Scope scope) {
        if (scope.practiceOdsCode() != null) {
            return scope.practiceOdsCode().equals(referral.practiceOdsCode);
        }
        return scope.providerId() != null && scope.providerId().equals(referral.providerId)
                && PROVIDER_VISIBLE.contains(referral.status);
    }

    private void announceStatus(Referral referral, EventType type) {
        outbox.record(type, referral.id.toString(), new ReferralStatusChanged(referral.id.toString(),
                referral.status, referral.siteId, referral.providerId, referral.practiceOdsCode,
                referral.statusReason, referral.updatedAt.toInstant()));
    }
}

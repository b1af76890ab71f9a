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
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FundingDecided;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ReferralBooked;
import uk.nhs.pathways.events.ReferralStatus;
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
import uk.nhs.pathways.referral.lifecycle.domain.NhsNumber;
import uk.nhs.pathways.referral.lifecycle.domain.Referral;

/**
 * Carries out the referral lifecycle that {@link Referral} rules on: loads the referral, asks it to
 * move, and writes the move, its audit record and the event announcing it in one transaction (outbox),
 * so what the API shows and what consumers hear never disagree.
 */
@ApplicationScoped
public class Referrals {

    private static final Logger LOG = Logger.getLogger(Referrals.class);

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

    @Inject
    Clock clock;

    /** What an FCP submits about the person. */
    public record NewReferral(String nhsNumber, String name, LocalDate dateOfBirth, String postcode, Joint joint) {

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
                                        joint.name())
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

    @Transactional
    public Referral submit(NewReferral request, String idempotencyKey, Actor referrer) {
        if (!NhsNumber.isValid(request.nhsNumber())) {
            throw ProblemException.badField(
                    "patient.nhsNumber", "is not a valid NHS number (10 digits with a valid check digit)");
        }
        String postcode = Postcodes.normalise(request.postcode())
                .orElseThrow(() -> ProblemException.badField("patient.postcode", "is not a well-formed UK postcode"));
        Location home = postcodes
                .locate(postcode)
                .orElseThrow(
                        () -> ProblemException.badField("patient.postcode", "is not in a known postcode district"));

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
        referral.joint = request.joint();
        referral.submittedAt = now;
        referral.idempotencyKey = idempotencyKey;
        referral.requestHash = request.digest();

        Optional<Routing.Route> route = routing.nearest(home, request.joint());
        if (route.isPresent()) {
            referral.route(route.get().site(), route.get().distanceMetres(), now);
            referral.persist();
            outbox.record(
                    EventType.REFERRAL_SUBMITTED,
                    referral.id.toString(),
                    new ReferralSubmitted(
                            referral.id.toString(),
                            referral.patientPseudonym,
                            referral.practiceOdsCode,
                            referral.joint,
                            referral.siteId,
                            referral.providerId,
                            referral.sessions,
                            referral.distanceMetres,
                            now.toInstant(),
                            null,
                            1));
        } else {
            referral.holdForAttention(
                    "No active ESCAPE-pain site for the "
                            + request.joint().name().toLowerCase() + " within " + routing.maxDistanceMetres() / 1000
                            + " km of the person's home district",
                    now);
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
        if (!referral.awaitsFunding()) {
            LOG.infof("Referral %s already %s; funding decision ignored", referral.id, referral.status);
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (decision.funded()) {
            referral.offer(decision.commissionerIcb(), decision.contractId(), decision.contactsFunded(), now);
            announceStatus(referral, EventType.REFERRAL_OFFERED);
        } else {
            referral.refuseFunding(decision.commissionerIcb(), decision.reasons(), now);
            announceStatus(referral, EventType.REFERRAL_NEEDS_ATTENTION);
        }
        audit.record(
                Actor.system("contract-service"),
                AuditEvent.Action.UPDATE,
                referral.id,
                decision.funded() ? "funded" : "not funded");
        LOG.infof("Referral %s is now %s", referral.id, referral.status);
    }

    /** A referral the scope may see, read on behalf of {@code reader}; empty also when it exists outside the scope (no existence leak). */
    @Transactional
    public Optional<Referral> read(UUID id, Scope scope, Actor reader) {
        Optional<Referral> referral = Referral.<Referral>findByIdOptional(id).filter(scope::sees);
        referral.ifPresent(r -> audit.record(reader, AuditEvent.Action.READ, r.id, "viewed"));
        return referral;
    }

    @Transactional
    public List<Referral> list(Scope scope, ReferralStatus status, int page, int size, Actor reader) {
        StringBuilder query = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (scope.practiceOdsCode() != null) {
            query.append("practiceOdsCode = ?1");
            params.add(scope.practiceOdsCode());
        } else {
            query.append("providerId = ?1 and status in ?2");
            params.add(scope.providerId());
            params.add(Referral.SEEN_BY_PROVIDER);
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

    /** The provider a referral was offered to accepts it (it will book the person) or declines it, with a reason. */
    @Transactional
    public Referral respond(UUID id, boolean accept, String reason, Actor provider) {
        Referral referral = offeredTo(id, provider);
        if (accept) {
            referral.accept(OffsetDateTime.now(clock));
        } else {
            referral.decline(reason, OffsetDateTime.now(clock));
        }
        audit.record(provider, AuditEvent.Action.UPDATE, referral.id, accept ? "accepted" : "declined");
        announceStatus(referral, accept ? EventType.REFERRAL_ACCEPTED : EventType.REFERRAL_DECLINED);
        return referral;
    }

    /** Books the person of an accepted referral into one of the provider's classes, as the referral allows. */
    @Transactional
    public Referral book(UUID id, String classId, Actor provider) {
        Referral referral = offeredTo(id, provider);
        DirectoryClass cohort = DirectoryClass.findById(classId);
        if (cohort == null) {
            throw ProblemException.badField("classId", "is not a known class");
        }
        referral.book(cohort, OffsetDateTime.now(clock));
        audit.record(provider, AuditEvent.Action.UPDATE, referral.id, "booked into class " + classId);
        outbox.record(
                EventType.REFERRAL_BOOKED,
                referral.id.toString(),
                new ReferralBooked(
                        referral.id.toString(),
                        classId,
                        cohort.siteId,
                        referral.providerId,
                        referral.bookedAt.toInstant()));
        return referral;
    }

    /** The referral if it was offered to this provider; 404 otherwise, so its existence does not leak. */
    private Referral offeredTo(UUID id, Actor provider) {
        return Referral.<Referral>findByIdOptional(id)
                .filter(Scope.provider(provider.organisation())::sees)
                .orElseThrow(() -> ProblemException.notFound("referral " + id));
    }

    private void announceStatus(Referral referral, EventType type) {
        outbox.record(
                type,
                referral.id.toString(),
                new ReferralStatusChanged(
                        referral.id.toString(),
                        referral.status,
                        referral.siteId,
                        referral.providerId,
                        referral.practiceOdsCode,
                        referral.statusReason,
                        referral.updatedAt.toInstant(),
                        null));
    }
}

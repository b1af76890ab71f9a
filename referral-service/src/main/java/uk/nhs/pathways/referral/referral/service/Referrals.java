package uk.nhs.pathways.referral.referral.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FundingDecided;
import uk.nhs.pathways.events.ReferralStatusChanged;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.platform.geo.Postcodes;
import uk.nhs.pathways.platform.outbox.Outbox;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.referral.referral.domain.Joint;
import uk.nhs.pathways.referral.referral.domain.NhsNumber;
import uk.nhs.pathways.referral.referral.domain.Referral;
import uk.nhs.pathways.referral.referral.domain.ReferralStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The referral lifecycle. Each state change and the event announcing it are written in one
 * transaction (outbox), so what the API shows and what consumers hear never disagree.
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

    /** What an FCP submits about the person. */
    public record NewReferral(String nhsNumber, String name, LocalDate dateOfBirth, String postcode, Joint joint) {
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
    public Referral submit(NewReferral request, String practiceOdsCode, String referrer) {
        if (!NhsNumber.isValid(request.nhsNumber())) {
            throw ProblemException.badField("patient.nhsNumber", "is not a valid NHS number (10 digits with a valid check digit)");
        }
        String postcode = Postcodes.normalise(request.postcode())
                .orElseThrow(() -> ProblemException.badField("patient.postcode", "is not a well-formed UK postcode"));
        Location home = postcodes.locate(postcode)
                .orElseThrow(() -> ProblemException.badField("patient.postcode", "is not in a known postcode district"));

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.practiceOdsCode = practiceOdsCode;
        referral.referrer = referrer;
        referral.nhsNumber = NhsNumber.normalise(request.nhsNumber());
        referral.patientName = request.name().trim();
        referral.dateOfBirth = request.dateOfBirth();
        referral.postcode = postcode;
        referral.patientPseudonym = pseudonyms.of(referral.nhsNumber);
        referral.joint = request.joint();
        referral.submittedAt = now;
        referral.updatedAt = now;

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
                    referral.id.toString(), referral.patientPseudonym, practiceOdsCode, referral.joint.name(),
                    site.siteId, site.providerId, site.sessions, referral.distanceMetres, now.toInstant()));
        } else {
            referral.status = ReferralStatus.NEEDS_ATTENTION;
            referral.statusReason = "No active ESCAPE-pain site for the " + request.joint().name().toLowerCase()
                    + " within " + routing.maxDistanceMetres() / 1000 + " km of the person's home district";
            referral.persist();
            announceStatus(referral, EventType.REFERRAL_NEEDS_ATTENTION);
        }
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
        referral.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
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

    /** A referral the scope may see; empty also when it exists outside the scope (no existence leak). */
    public Optional<Referral> find(UUID id, Scope scope) {
        return Referral.<Referral>findByIdOptional(id).filter(r -> visible(r, scope));
    }

    public List<Referral> list(Scope scope, ReferralStatus status, int page, int size) {
        StringBuilder query = new StringBuilder(scope.practiceOdsCode() != null ? "practiceOdsCode = ?1" : "providerId = ?1 and status = ?2");
        Object scopeValue = scope.practiceOdsCode() != null ? scope.practiceOdsCode() : scope.providerId();
        List<Object> params = new java.util.ArrayList<>(List.of(scopeValue));
        if (scope.providerId() != null) {
            params.add(ReferralStatus.OFFERED);
        } else if (status != null) {
            query.append(" and status = ?2");
            params.add(status);
        }
        return Referral.<Referral>find(query.toString(), Sort.descending("submittedAt"), params.toArray())
                .page(Page.of(page, size)).list();
    }

    private static boolean visible(Referral referral, Scope scope) {
        if (scope.practiceOdsCode() != null) {
            return scope.practiceOdsCode().equals(referral.practiceOdsCode);
        }
        return scope.providerId() != null && scope.providerId().equals(referral.providerId)
                && referral.status == ReferralStatus.OFFERED;
    }

    private void announceStatus(Referral referral, EventType type) {
        outbox.record(type, referral.id.toString(), new ReferralStatusChanged(referral.id.toString(),
                referral.status.name(), referral.siteId, referral.providerId, referral.practiceOdsCode,
                referral.statusReason, referral.updatedAt.toInstant()));
    }
}

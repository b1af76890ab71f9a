package uk.nhs.pathways.sitedirectory.site.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import uk.nhs.pathways.events.AccessibilityFeature;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ProviderType;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.events.SiteUpdated;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.platform.geo.Postcodes;
import uk.nhs.pathways.platform.outbox.Outbox;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.time.England;
import uk.nhs.pathways.sitedirectory.commissioner.service.CommissioningAreas;
import uk.nhs.pathways.sitedirectory.service.Locking;
import uk.nhs.pathways.sitedirectory.site.domain.Provider;
import uk.nhs.pathways.sitedirectory.site.domain.Site;
import uk.nhs.pathways.sitedirectory.site.domain.SiteStatusChange;

/**
 * The directory's rules for providers and sites. Every change to a site is recorded with its
 * full-state event in the same transaction, so the sites topic never misses or invents a change; every
 * status a site takes is kept, with the date it took effect.
 */
@ApplicationScoped
public class SiteDirectory {

    @Inject
    Postcodes postcodes;

    @Inject
    CommissioningAreas areas;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Lets the classes follow their site without this feature knowing them. */
    @Inject
    Event<SiteChange> changes;

    /**
     * What a site is made of, whoever sends it.
     *
     * @param accessibility what the site offers people who need it (empty: none recorded)
     * @param statusSince when the status took effect; today if null. Past dates record history late.
     */
    public record SiteDetails(
            String providerId,
            String name,
            String address,
            String postcode,
            Setting setting,
            List<AccessibilityFeature> accessibility,
            String accessibilityNotes,
            List<Joint> programmes,
            int sessions,
            SiteStatus status,
            LocalDate statusSince) {}

    @Transactional
    public Provider addProvider(String id, String name, ProviderType type) {
        if (Provider.findById(id) != null) {
            throw ProblemException.conflict("provider " + id + " already exists");
        }
        Provider provider = new Provider();
        provider.id = id;
        provider.name = name;
        provider.type = type;
        provider.persist();
        return provider;
    }

    public Optional<Provider> provider(String id) {
        return Provider.findByIdOptional(id);
    }

    @Transactional
    public Site addSite(SiteDetails details, String actor) {
        Site site = new Site();
        site.id = UUID.randomUUID().toString();
        apply(site, details);
        LocalDate since = details.statusSince() == null ? today() : details.statusSince();
        requireNotFuture(since);
        site.status = details.status() == null ? SiteStatus.ONBOARDING : details.status();
        site.statusChangedOn = since;
        site.persist();
        recordHistory(site, actor);
        written(site);
        return site;
    }

    /** Replaces a site's details if nobody changed it since {@code expectedVersion} (else 412). */
    @Transactional
    public Site updateSite(String id, long expectedVersion, SiteDetails details, String actor) {
        Site site = lockCurrent(id, expectedVersion);
        if (!site.provider.id.equals(details.providerId())) {
            throw ProblemException.badField("providerId", "a site cannot move to another provider");
        }
        SiteStatus newStatus = details.status() == null ? site.status : details.status();
        if (newStatus != SiteStatus.CEASED && details.programmes() != null) {
            changes.fire(new SiteChange.ProgrammesChanging(site, details.programmes()));
        }
        apply(site, details);
        if (newStatus != site.status) {
            changeStatus(site, newStatus, details.statusSince(), actor);
        }
        written(site);
        return site;
    }

    /**
     * Retires a site for good: CEASED from {@code effectiveOn} (today if null), and every class still to
     * run there is cancelled. The site stays in the directory, so ceased sites are counted.
     */
    @Transactional
    public Site retire(String id, long expectedVersion, LocalDate effectiveOn, String actor) {
        return moveTo(lockCurrent(id, expectedVersion), SiteStatus.CEASED, effectiveOn, actor);
    }

    /**
     * Deletes a site entered by mistake: one that never delivered (never ACTIVE) and never had a class.
     * It is gone from the directory with its history, and a tombstone on the sites topic makes every
     * consumer forget it. Any other site is retired instead (409): sites that delivered are counted.
     */
    @Transactional
    public void delete(String id, long expectedVersion) {
        Site site = lockCurrent(id, expectedVersion);
        SiteChange.Deleting deleting = new SiteChange.Deleting(site);
        if (SiteStatusChange.count("siteId = ?1 and status <> ?2", id, SiteStatus.ONBOARDING) > 0) {
            throw deleting.refuse();
        }
        changes.fire(deleting);
        SiteStatusChange.delete("siteId", id);
        site.delete();
        outbox.recordDeletion(EventType.SITE_UPDATED, id);
    }

    /** Moves a site to a status from a date (loading history, e.g. the demo directory); no version check. */
    @Transactional
    public Site changeStatus(String id, SiteStatus status, LocalDate effectiveOn, String actor) {
        return moveTo(Locking.lock(Site.class, "site", id), status, effectiveOn, actor);
    }

    /** Records what a site offers people who need it (loading data, e.g. the demo directory); no version check. */
    @Transactional
    public Site recordAccessibility(String id, List<AccessibilityFeature> features) {
        Site site = Locking.lock(Site.class, "site", id);
        site.accessibility(features);
        site.updatedAt = OffsetDateTime.now(clock);
        written(site);
        return site;
    }

    public Optional<Site> find(String id) {
        return Site.findByIdOptional(id);
    }

    /** Every site of the provider (any status), by name. */
    public List<Site> sitesOf(String providerId) {
        return Site.list("provider.id = ?1 order by name, id", providerId);
    }

    /** A site's statuses, oldest first. */
    public List<SiteStatusChange> history(String siteId) {
        return SiteStatusChange.list("siteId = ?1 order by effectiveOn, id", siteId);
    }

    /** Publishes every site again (full state): lets a new consumer or a repaired topic catch up. */
    @Transactional
    public int republishAll() {
        List<Site> sites = Site.list("order by id");
        sites.forEach(this::publish);
        return sites.size();
    }

    private static Site lockCurrent(String id, long expectedVersion) {
        return Locking.lockAtVersion(Site.class, "site", id, expectedVersion, s -> s.version);
    }

    private Site moveTo(Site site, SiteStatus status, LocalDate effectiveOn, String actor) {
        if (status != site.status) {
            changeStatus(site, status, effectiveOn, actor);
            written(site);
        }
        return site;
    }

    private void changeStatus(Site site, SiteStatus status, LocalDate effectiveOn, String actor) {
        LocalDate since = effectiveOn == null ? today() : effectiveOn;
        requireNotFuture(since);
        if (since.isBefore(site.statusChangedOn)) {
            throw ProblemException.badField(
                    "statusSince",
                    "must not be before the date the current status took effect (" + site.statusChangedOn + ")");
        }
        site.status = status;
        site.statusChangedOn = since;
        site.updatedAt = OffsetDateTime.now(clock);
        recordHistory(site, actor);
        if (status == SiteStatus.CEASED) {
            changes.fire(new SiteChange.Ceasing(site));
        }
    }

    private void recordHistory(Site site, String actor) {
        SiteStatusChange change = new SiteStatusChange();
        change.siteId = site.id;
        change.status = site.status;
        change.effectiveOn = site.statusChangedOn;
        change.recordedAt = OffsetDateTime.now(clock);
        change.recordedBy = actor;
        change.persist();
    }

    private void apply(Site site, SiteDetails details) {
        Provider provider = Provider.findById(details.providerId());
        if (provider == null) {
            throw ProblemException.badField("providerId", "is not a known provider");
        }
        String postcode = Postcodes.normalise(details.postcode())
                .orElseThrow(() -> ProblemException.badField("postcode", "is not a well-formed UK postcode"));
        Location location = postcodes
                .locate(postcode)
                .orElseThrow(() -> ProblemException.badField("postcode", "is not in a known postcode district"));
        site.provider = provider;
        site.name = details.name();
        site.address = details.address();
        site.postcode = postcode;
        site.latitude = location.latitude();
        site.longitude = location.longitude();
        site.subIcbOdsCode = areas.subIcbOf(postcode).orElse(null);
        site.setting = details.setting();
        site.accessibility(details.accessibility());
        site.accessibilityNotes = details.accessibilityNotes();
        site.programmes(details.programmes());
        site.sessions = details.sessions();
        site.updatedAt = OffsetDateTime.now(clock);
    }

    private void requireNotFuture(LocalDate since) {
        if (since.isAfter(today())) {
            throw ProblemException.badField("statusSince", "must not be in the future");
        }
    }

    private LocalDate today() {
        return England.today(clock);
    }

    /** The site's full state, as every consumer of the sites topic sees it. */
    public static SiteUpdated event(Site site) {
        return new SiteUpdated(
                site.id,
                site.name,
                site.provider.id,
                site.provider.name,
                site.provider.type,
                site.setting,
                site.postcode,
                site.latitude,
                site.longitude,
                site.programmes(),
                site.sessions,
                site.status,
                site.accessibility());
    }

    /** Writes a changed site (bumping the version its ETag carries) and publishes it. */
    private void written(Site site) {
        Site.flush();
        publish(site);
    }

    private void publish(Site site) {
        outbox.record(EventType.SITE_UPDATED, site.id, event(site));
    }
}

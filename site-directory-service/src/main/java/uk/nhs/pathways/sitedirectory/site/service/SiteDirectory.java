package uk.nhs.pathways.sitedirectory.site.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.SiteUpdated;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.platform.geo.Postcodes;
import uk.nhs.pathways.platform.outbox.Outbox;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.sitedirectory.site.domain.Joint;
import uk.nhs.pathways.sitedirectory.site.domain.Provider;
import uk.nhs.pathways.sitedirectory.site.domain.ProviderType;
import uk.nhs.pathways.sitedirectory.site.domain.Setting;
import uk.nhs.pathways.sitedirectory.site.domain.Site;
import uk.nhs.pathways.sitedirectory.site.domain.SiteStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The directory's rules. Every change to a site is recorded with its full-state event in the same
 * transaction, so the sites topic never misses or invents a change.
 */
@ApplicationScoped
public class SiteDirectory {

    @Inject
    Postcodes postcodes;

    @Inject
    Outbox outbox;

    /** What a site is made of, whoever sends it. */
    public record SiteDetails(String providerId, String name, String address, String postcode, Setting setting,
                              String accessibility, List<Joint> programmes, int sessions, SiteStatus status) {
    }

    /** A site with its distance from where the search started. */
    public record SiteDistance(Site site, long metres) {
    }

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

    @Transactional
    public Site addSite(SiteDetails details) {
        Site site = new Site();
        site.id = UUID.randomUUID().toString();
        site.status = details.status() == null ? SiteStatus.ONBOARDING : details.status();
        site.statusChangedOn = LocalDate.now(ZoneOffset.UTC);
        apply(site, details);
        site.persist();
        publish(site);
        return site;
    }

    /** Replaces a site's details if nobody changed it since {@code expectedVersion}. */
    @Transactional
    public Site updateSite(String id, long expectedVersion, SiteDetails details) {
        Site site = find(id).orElseThrow(() -> ProblemException.notFound("site " + id));
        if (site.version != expectedVersion) {
            throw new ProblemException(412, "Precondition failed",
                    "site " + id + " changed since version " + expectedVersion + "; fetch it again", List.of());
        }
        if (!site.provider.id.equals(details.providerId())) {
            throw ProblemException.badField("providerId", "a site cannot move to another provider");
        }
        SiteStatus newStatus = details.status() == null ? site.status : details.status();
        if (newStatus != site.status) {
            site.statusChangedOn = LocalDate.now(ZoneOffset.UTC);
        }
        site.status = newStatus;
        apply(site, details);
        Site.flush(); // bumps the version before the event records it
        publish(site);
        return site;
    }

    public Optional<Site> find(String id) {
        return Site.findByIdOptional(id);
    }

    /** Sites within {@code withinMetres} of a postcode, nearest first; optionally only those running a joint's programme. */
    public List<SiteDistance> near(String postcode, long withinMetres, Joint joint, boolean activeOnly) {
        Location origin = postcodes.locate(postcode)
                .orElseThrow(() -> ProblemException.badField("postcode", "is not a known UK postcode"));
        // A latitude/longitude box first (indexable), the exact great-circle distance after.
        double dLat = Math.toDegrees(withinMetres / 6_371_008.8);
        double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(origin.latitude())));
        List<Site> candidates = Site.list("latitude between ?1 and ?2 and longitude between ?3 and ?4",
                origin.latitude() - dLat, origin.latitude() + dLat, origin.longitude() - dLon, origin.longitude() + dLon);
        return candidates.stream()
                .filter(s -> !activeOnly || s.status == SiteStatus.ACTIVE)
                .filter(s -> joint == null || s.programmes().contains(joint))
                .map(s -> new SiteDistance(s, Math.round(origin.metresTo(new Location(s.latitude, s.longitude)))))
                .filter(d -> d.metres() <= withinMetres)
                .sorted(Comparator.comparingLong(SiteDistance::metres).thenComparing(d -> d.site().id))
                .toList();
    }

    /** Publishes every site again (full state): lets a new consumer or a repaired topic catch up. */
    @Transactional
    public int republishAll() {
        List<Site> sites = Site.listAll();
        sites.forEach(this::publish);
        return sites.size();
    }

    private void apply(Site site, SiteDetails details) {
        Provider provider = Provider.findById(details.providerId());
        if (provider == null) {
            throw ProblemException.badField("providerId", "is not a known provider");
        }
        String postcode = Postcodes.normalise(details.postcode())
                .orElseThrow(() -> ProblemException.badField("postcode", "is not a well-formed UK postcode"));
        Location location = postcodes.locate(postcode)
                .orElseThrow(() -> ProblemException.badField("postcode", "is not in a known postcode district"));
        site.provider = provider;
        site.name = details.name();
        site.address = details.address();
        site.postcode = postcode;
        site.latitude = location.latitude();
        site.longitude = location.longitude();
        site.setting = details.setting();
        site.accessibility = details.accessibility();
        site.programmes(details.programmes());
        site.sessions = details.sessions();
        site.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    private void publish(Site site) {
        outbox.record(EventType.SITE_UPDATED, site.id, new SiteUpdated(site.id, site.name, site.provider.id,
                site.provider.name, site.provider.type.name(), site.setting.name(), site.postcode, site.latitude,
                site.longitude, site.programmes().stream().map(Enum::name).toList(), site.sessions, site.status.name()));
    }
}

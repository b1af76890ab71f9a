package uk.nhs.pathways.referral.directory.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.nhs.pathways.events.SiteUpdated;
import uk.nhs.pathways.referral.directory.domain.DirectorySite;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.stream.Collectors;

/** Keeps the site view equal to the latest full-state event of each site. */
@ApplicationScoped
public class DirectorySiteProjector {

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(SiteUpdated site) {
        DirectorySite view = DirectorySite.findById(site.siteId());
        if (view == null) {
            view = new DirectorySite();
            view.siteId = site.siteId();
        }
        view.name = site.name();
        view.providerId = site.providerId();
        view.providerName = site.providerName();
        view.providerType = site.providerType();
        view.setting = site.setting();
        view.postcode = site.postcode();
        view.latitude = site.latitude();
        view.longitude = site.longitude();
        view.programmes = site.programmes().stream().map(Enum::name).collect(Collectors.joining(","));
        view.sessions = site.sessions();
        view.status = site.status();
        view.updatedAt = OffsetDateTime.now(clock);
        view.persist();
    }

    /** A tombstone on the compacted topic: the site is gone from the directory. */
    @Transactional
    public void remove(String siteId) {
        DirectorySite.deleteById(siteId);
    }
}

package uk.nhs.pathways.contract.sites.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import uk.nhs.pathways.contract.sites.domain.Site;
import uk.nhs.pathways.events.InvalidEventException;
import uk.nhs.pathways.events.SiteUpdated;

/** Keeps this service's copy of the directory's sites from their full-state events and tombstones. */
@ApplicationScoped
public class SiteCopies {

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(SiteUpdated update) {
        if (update.siteId() == null || update.providerId() == null || update.name() == null) {
            throw new InvalidEventException("site.updated without its site id, provider or name");
        }
        Site site = Site.findById(update.siteId());
        if (site == null) {
            site = new Site();
            site.update(update, OffsetDateTime.now(clock));
            site.persist();
        } else {
            site.update(update, OffsetDateTime.now(clock));
        }
    }

    /** A site entered by mistake was deleted from the directory. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(String siteId) {
        Site.deleteById(siteId);
    }
}

package uk.nhs.pathways.outcomes.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import uk.nhs.pathways.events.SiteUpdated;
import uk.nhs.pathways.outcomes.directory.domain.SiteCopy;
import uk.nhs.pathways.outcomes.practice.service.Practices;

/** Keeps each site's copy equal to its latest full-state event; a tombstone removes it. */
@ApplicationScoped
public class SiteCopies {

    @Inject
    Clock clock;

    @Inject
    Practices practices;

    @Transactional(Transactional.TxType.MANDATORY)
    public void updated(SiteUpdated site) {
        SiteCopy copy = new SiteCopy();
        copy.siteId = site.siteId();
        copy.providerId = site.providerId();
        copy.providerType = site.providerType();
        copy.setting = site.setting();
        copy.status = site.status();
        copy.sessions = site.sessions();
        copy.programmes = SiteCopy.join(site.programmes());
        copy.subIcbOdsCode = practices.subIcbAt(site.postcode()).orElse(null);
        copy.icb = copy.subIcbOdsCode == null
                ? null
                : practices.icbOfSubIcb(copy.subIcbOdsCode).orElse(null);
        copy.updatedAt = OffsetDateTime.now(clock);
        SiteCopy.getEntityManager().merge(copy);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void removed(String siteId) {
        SiteCopy.deleteById(siteId);
    }

    public Optional<SiteCopy> find(String siteId) {
        return siteId == null ? Optional.empty() : SiteCopy.findByIdOptional(siteId);
    }
}

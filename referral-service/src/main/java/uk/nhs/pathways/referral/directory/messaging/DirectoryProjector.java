package uk.nhs.pathways.referral.directory.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import uk.nhs.pathways.events.ClassUpdated;
import uk.nhs.pathways.events.SiteUpdated;
import uk.nhs.pathways.referral.directory.domain.DirectoryClass;
import uk.nhs.pathways.referral.directory.domain.DirectoryRemoval;
import uk.nhs.pathways.referral.directory.domain.DirectorySite;

/**
 * Keeps each copy equal to the latest full-state event of its site or class: an event replaces the
 * copy whole (merge inserts or overwrites by id); a tombstone removes it, and leaves a note of the
 * removal for the replicas' ranking indexes.
 */
@ApplicationScoped
public class DirectoryProjector {

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void site(SiteUpdated site) {
        DirectorySite.getEntityManager().merge(DirectorySite.copyOf(site, OffsetDateTime.now(clock)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void siteRemoved(String siteId) {
        DirectorySite.deleteById(siteId);
        DirectoryRemoval.of(DirectoryRemoval.Kind.SITE, siteId).persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void cohort(ClassUpdated cohort) {
        DirectoryClass.getEntityManager().merge(DirectoryClass.copyOf(cohort, OffsetDateTime.now(clock)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void cohortRemoved(String classId) {
        DirectoryClass.deleteById(classId);
        DirectoryRemoval.of(DirectoryRemoval.Kind.CLASS, classId).persist();
    }
}

package uk.nhs.pathways.sitedirectory.site.service;

import java.util.List;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.sitedirectory.site.domain.Site;

/**
 * What the site feature tells the features that hang off a site (its classes) before a change is
 * written: a synchronous CDI event, observed in the same transaction, so the site feature need not
 * know who listens. An observer refuses a change by throwing what {@code refuse} gives; the whole
 * change then rolls back, with the same problem+json a caller of the site API has always had.
 */
public sealed interface SiteChange {

    /** The site is ceasing: whatever it was still to run stops with it. */
    record Ceasing(Site site) implements SiteChange {}

    /** The site, still delivering, is to run these programmes from now on. */
    record ProgrammesChanging(Site site, List<Joint> programmes) implements SiteChange {

        public ProblemException refuse(String why) {
            return ProblemException.badField("programmes", why);
        }
    }

    /** The site, entered by mistake, is to be deleted with its history. */
    record Deleting(Site site) implements SiteChange {

        public ProblemException refuse() {
            return ProblemException.conflict("site " + site.id + " has delivered or has classes; retire it instead, so "
                    + "it is still counted");
        }
    }
}

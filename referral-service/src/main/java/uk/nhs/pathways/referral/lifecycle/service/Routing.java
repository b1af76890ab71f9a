package uk.nhs.pathways.referral.lifecycle.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.platform.geo.BoundingBox;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.referral.ReferralConfig;
import uk.nhs.pathways.referral.directory.domain.DirectorySite;

/**
 * Chooses the site for a referral: the nearest site that takes referrals for the joint, within the
 * configured distance of the person's home district.
 */
@ApplicationScoped
public class Routing {

    public record Route(DirectorySite site, long distanceMetres) {}

    @Inject
    ReferralConfig config;

    public long maxDistanceMetres() {
        return config.routing().maxDistanceMetres();
    }

    public Optional<Route> nearest(Location home, Joint joint) {
        BoundingBox box = BoundingBox.around(home, maxDistanceMetres());
        return nearestOf(
                home,
                joint,
                DirectorySite.list(
                        "latitude between ?1 and ?2 and longitude between ?3 and ?4",
                        box.minLatitude(),
                        box.maxLatitude(),
                        box.minLongitude(),
                        box.maxLongitude()),
                maxDistanceMetres());
    }

    /** Among the candidates, the nearest that takes the referral and is close enough; the lower id on a tie. */
    static Optional<Route> nearestOf(
            Location home, Joint joint, Collection<DirectorySite> candidates, long maxDistanceMetres) {
        return candidates.stream()
                .filter(s -> s.takesReferralsFor(joint))
                .map(s -> new Route(s, Math.round(home.metresTo(new Location(s.latitude, s.longitude)))))
                .filter(r -> r.distanceMetres() <= maxDistanceMetres)
                .min(Comparator.comparingLong(Route::distanceMetres).thenComparing(r -> r.site().siteId));
    }
}

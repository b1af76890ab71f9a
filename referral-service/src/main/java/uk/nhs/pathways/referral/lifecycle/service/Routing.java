package uk.nhs.pathways.referral.lifecycle.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.nhs.pathways.referral.ReferralConfig;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.platform.geo.BoundingBox;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.referral.directory.domain.DirectorySite;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Chooses the site for a referral: the nearest active site that runs the programme for the joint. */
@ApplicationScoped
public class Routing {

    public record Route(DirectorySite site, long distanceMetres) {
    }

    @Inject
    ReferralConfig config;

    public long maxDistanceMetres() {
        return config.routing().maxDistanceMetres();
    }

    public Optional<Route> nearest(Location home, Joint joint) {
        BoundingBox box = BoundingBox.around(home, maxDistanceMetres());
        List<DirectorySite> candidates = DirectorySite.list(
                "status = ?1 and latitude between ?2 and ?3 and longitude between ?4 and ?5", SiteStatus.ACTIVE,
                box.minLatitude(), box.maxLatitude(), box.minLongitude(), box.maxLongitude());
        return candidates.stream()
                .filter(s -> s.runs(joint))
                .map(s -> new Route(s, Math.round(home.metresTo(new Location(s.latitude, s.longitude)))))
                .filter(r -> r.distanceMetres() <= maxDistanceMetres())
                .min(Comparator.comparingLong(Route::distanceMetres).thenComparing(r -> r.site().siteId));
    }
}

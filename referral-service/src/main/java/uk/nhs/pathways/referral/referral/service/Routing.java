package uk.nhs.pathways.referral.referral.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.referral.referral.domain.Joint;
import uk.nhs.pathways.referral.site.domain.SiteView;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Chooses the site for a referral: the nearest active site that runs the programme for the joint. */
@ApplicationScoped
public class Routing {

    public record Route(SiteView site, long distanceMetres) {
    }

    @ConfigProperty(name = "pathways.routing.max-distance-metres", defaultValue = "30000")
    long maxDistanceMetres;

    public long maxDistanceMetres() {
        return maxDistanceMetres;
    }

    public Optional<Route> nearest(Location home, Joint joint) {
        double dLat = Math.toDegrees(maxDistanceMetres / 6_371_008.8);
        double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(home.latitude())));
        List<SiteView> candidates = SiteView.list(
                "status = 'ACTIVE' and latitude between ?1 and ?2 and longitude between ?3 and ?4",
                home.latitude() - dLat, home.latitude() + dLat, home.longitude() - dLon, home.longitude() + dLon);
        return candidates.stream()
                .filter(s -> s.runs(joint.name()))
                .map(s -> new Route(s, Math.round(home.metresTo(new Location(s.latitude, s.longitude)))))
                .filter(r -> r.distanceMetres() <= maxDistanceMetres)
                .min(Comparator.comparingLong(Route::distanceMetres).thenComparing(r -> r.site().siteId));
    }
}

package uk.nhs.pathways.referral.lifecycle.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ProviderType;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.referral.directory.domain.DirectorySite;

/** The choice among several candidate sites at known distances from the person's home district. */
public class RoutingTest {

    /** Exeter (EX1): far from every other test's sites. */
    static final Location HOME = new Location(50.728760, -3.497277);

    static final long MAX = 30_000;

    static final double METRES_PER_DEGREE = Math.toRadians(1) * Location.EARTH_RADIUS_METRES;

    /** A site this far north and east of {@code home} (negative: south, west). */
    public static DirectorySite site(
            String id, Location home, double north, double east, SiteStatus status, String programmes) {
        DirectorySite s = new DirectorySite();
        s.siteId = id;
        s.name = id;
        s.providerId = "prov-" + id;
        s.providerName = "Provider " + id;
        s.providerType = ProviderType.LEISURE_OPERATOR;
        s.setting = Setting.LEISURE_CENTRE;
        s.postcode = "EX1 1AA";
        s.latitude = home.latitude() + north / METRES_PER_DEGREE;
        s.longitude = home.longitude() + east / (METRES_PER_DEGREE * Math.cos(Math.toRadians(s.latitude)));
        s.programmes = programmes;
        s.sessions = 12;
        s.status = status;
        s.updatedAt = OffsetDateTime.parse("2026-11-24T10:00:00Z");
        return s;
    }

    /** Listed farthest first, so the first suitable one is never the answer by accident. */
    static final List<DirectorySite> AROUND_EXETER = List.of(
            site("far-45km", HOME, -45_000, 0, SiteStatus.ACTIVE, "KNEE,HIP"),
            site("corner-35km", HOME, 25_000, 25_000, SiteStatus.ACTIVE, "KNEE,HIP"), // in the box, not the circle
            site("knee-9km", HOME, 0, 9_000, SiteStatus.ACTIVE, "KNEE"),
            site("knee-5km", HOME, -5_000, 0, SiteStatus.ACTIVE, "KNEE,HIP"),
            site("hip-2km", HOME, 0, 2_000, SiteStatus.ACTIVE, "HIP"),
            site("paused-1km", HOME, 1_000, 0, SiteStatus.PAUSED, "KNEE,HIP"));

    @Test
    void theNearestActiveSiteRunningTheJointIsChosen() {
        Optional<Routing.Route> knee = Routing.nearestOf(HOME, Joint.KNEE, AROUND_EXETER, MAX);
        assertThat(knee).get().extracting(r -> r.site().siteId).isEqualTo("knee-5km");
        assertThat(knee.get().distanceMetres()).isCloseTo(5_000L, within(10L));

        Optional<Routing.Route> hip = Routing.nearestOf(HOME, Joint.HIP, AROUND_EXETER, MAX);
        assertThat(hip).get().extracting(r -> r.site().siteId).isEqualTo("hip-2km");
        assertThat(hip.get().distanceMetres()).isCloseTo(2_000L, within(10L));
    }

    @Test
    void aSiteNotActiveIsPassedOverHoweverNear() {
        for (SiteStatus status : List.of(SiteStatus.ONBOARDING, SiteStatus.PAUSED, SiteStatus.CEASED)) {
            List<DirectorySite> sites = List.of(
                    site("not-active", HOME, 500, 0, status, "KNEE"),
                    site("active", HOME, 3_000, 0, SiteStatus.ACTIVE, "KNEE"));
            assertThat(Routing.nearestOf(HOME, Joint.KNEE, sites, MAX))
                    .get()
                    .extracting(r -> r.site().siteId)
                    .isEqualTo("active");
        }
    }

    @Test
    void sitesBeyondTheDistanceAreNotChosenEvenWhenTheyAreAllThereIs() {
        assertThat(Routing.nearestOf(HOME, Joint.KNEE, AROUND_EXETER, 4_000)).isEmpty();
        assertThat(Routing.nearestOf(HOME, Joint.KNEE, List.of(AROUND_EXETER.get(0), AROUND_EXETER.get(1)), MAX))
                .isEmpty();
    }

    @Test
    void twoSitesEquallyNearGoToTheLowerIdWhateverTheOrder() {
        DirectorySite b = site("b", HOME, 3_000, 0, SiteStatus.ACTIVE, "KNEE");
        DirectorySite a = site("a", HOME, -3_000, 0, SiteStatus.ACTIVE, "KNEE");
        assertThat(Routing.nearestOf(HOME, Joint.KNEE, List.of(b, a), MAX))
                .get()
                .extracting(r -> r.site().siteId)
                .isEqualTo("a");
        assertThat(Routing.nearestOf(HOME, Joint.KNEE, List.of(a, b), MAX))
                .get()
                .extracting(r -> r.site().siteId)
                .isEqualTo("a");
    }
}

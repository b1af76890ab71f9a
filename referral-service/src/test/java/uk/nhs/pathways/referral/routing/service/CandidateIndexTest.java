package uk.nhs.pathways.referral.routing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.platform.time.England;
import uk.nhs.pathways.referral.Fixtures;
import uk.nhs.pathways.referral.directory.domain.DirectoryClass;
import uk.nhs.pathways.referral.directory.domain.DirectorySite;
import uk.nhs.pathways.testing.TopicReader;

/**
 * The index's grid cells (the arrays a ranking walks) stay right as a site moves to another cell, loses its
 * last class, gets one again and is removed, around Carlisle (where no other test puts a site).
 */
@QuarkusTest
class CandidateIndexTest {

    static final Location CARLISLE = new Location(54.8925, -2.9329);
    static final LocalDate TODAY = England.today(java.time.Clock.systemUTC());

    @Inject
    CandidateIndex index;

    @Test
    void aSiteIsInTheCellWhereItIsNowAndOnlyWhileItHasClasses() {
        Location here = Fixtures.offset(CARLISLE, 1_000, 0);
        Location there = Fixtures.offset(CARLISLE, 40_000, 0); // four cells north
        Fixtures.site("ca-moving", "prov-ca", here, Setting.LEISURE_CENTRE);
        Fixtures.cohort("ca-1", "ca-moving", "prov-ca", TODAY.plusDays(5), LocalTime.of(10, 0), 12, 10, 0);
        assertThat(sitesNear(here)).containsExactly("ca-moving");
        assertThat(sitesNear(there)).isEmpty();

        Fixtures.site("ca-moving", "prov-ca", there, Setting.LEISURE_CENTRE);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> DirectorySite.<DirectorySite>findById("ca-moving").latitude == there.latitude()));
        assertThat(sitesNear(here)).isEmpty();
        assertThat(sitesNear(there)).containsExactly("ca-moving");

        // Its only class cancelled: nothing to rank there; a new class: there again.
        Fixtures.cohort(
                "ca-1",
                "ca-moving",
                "prov-ca",
                TODAY.plusDays(5),
                LocalTime.of(10, 0),
                12,
                10,
                0,
                ClassStatus.CANCELLED);
        assertThat(sitesNear(there)).isEmpty();
        Fixtures.cohort("ca-2", "ca-moving", "prov-ca", TODAY.plusDays(7), LocalTime.of(10, 0), 12, 10, 0);
        assertThat(sitesNear(there)).containsExactly("ca-moving");

        // Removed from the directory (a tombstone): in no cell, though its class is still copied.
        TopicReader.write(Topics.SITES, "ca-moving", null, Map.of());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> DirectorySite.findById("ca-moving")) == null);
        DirectoryClass kept = QuarkusTransaction.requiringNew().call(() -> DirectoryClass.findById("ca-2"));
        assertThat(kept).isNotNull();
        assertThat(sitesNear(there)).isEmpty();
        assertThat(sitesNear(here)).isEmpty();
    }

    /** The sites of the cells around a point (within 5 km), as a ranking would read them after catching up. */
    List<String> sitesNear(Location point) {
        index.catchUp();
        return index.near(point, 5_000).stream()
                .flatMap(cell -> cell.sites().stream())
                .map(view -> view.site().siteId())
                .filter(id -> id.startsWith("ca-"))
                .toList();
    }
}

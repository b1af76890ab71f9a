package uk.nhs.pathways.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.AccessibilityFeature;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.ClassUpdated;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FacilitatorType;
import uk.nhs.pathways.events.FundingCoverage;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ProviderType;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.events.SiteUpdated;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.referral.coverage.domain.Coverage;
import uk.nhs.pathways.referral.coverage.domain.FundingCoverageCopy;
import uk.nhs.pathways.referral.directory.domain.DirectoryClass;
import uk.nhs.pathways.referral.directory.domain.DirectorySite;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TopicReader;

/** The copies of the directory's sites and classes follow their compacted topics: replaced whole, removed by a tombstone. */
@QuarkusTest
class DirectoryCopyTest {

    static SiteUpdated site(String id, SiteStatus status, List<Joint> programmes) {
        return new SiteUpdated(
                id,
                "Copy Test Site",
                "prov-copy",
                "Copy Provider",
                ProviderType.LOCAL_AUTHORITY,
                Setting.COMMUNITY_CENTRE,
                "NR1 1AA",
                52.63,
                1.29,
                programmes,
                12,
                status,
                java.util.List.of());
    }

    static ClassUpdated cohort(String id, int placesTaken, ClassStatus status) {
        return new ClassUpdated(
                id,
                "site-copy",
                "prov-copy",
                List.of(Joint.HIP),
                LocalDate.of(2026, 12, 1),
                List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY),
                LocalTime.of(10, 0),
                8,
                10,
                placesTaken,
                FacilitatorType.PHYSIOTHERAPIST,
                status,
                60);
    }

    @Test
    void aSiteIsCopiedReplacedByItsNextStateAndRemovedByATombstone() {
        String id = "site-copy-" + UUID.randomUUID();
        TestEvents.publish(EventType.SITE_UPDATED, id, site(id, SiteStatus.ACTIVE, List.of(Joint.KNEE, Joint.HIP)));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            DirectorySite copy = QuarkusTransaction.requiringNew().call(() -> DirectorySite.findById(id));
            return copy != null && copy.takesReferralsFor(Joint.HIP);
        });

        TestEvents.publish(EventType.SITE_UPDATED, id, site(id, SiteStatus.PAUSED, List.of(Joint.KNEE)));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            DirectorySite copy = QuarkusTransaction.requiringNew().call(() -> DirectorySite.findById(id));
            return copy.status == SiteStatus.PAUSED && copy.programmes.equals("KNEE");
        });

        TopicReader.write(Topics.SITES, id, null, Map.of());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> DirectorySite.findById(id)) == null);
    }

    @Test
    void aClassIsCopiedReplacedByItsNextStateAndRemovedByATombstone() {
        String id = "class-copy-" + UUID.randomUUID();
        TestEvents.publish(EventType.CLASS_UPDATED, id, cohort(id, 2, ClassStatus.SCHEDULED));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            DirectoryClass copy = QuarkusTransaction.requiringNew().call(() -> DirectoryClass.findById(id));
            return copy != null
                    && copy.freePlaces() == 8
                    && copy.days.equals("TUESDAY,THURSDAY")
                    && copy.runs(Joint.HIP);
        });

        TestEvents.publish(EventType.CLASS_UPDATED, id, cohort(id, 10, ClassStatus.RUNNING));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            DirectoryClass copy = QuarkusTransaction.requiringNew().call(() -> DirectoryClass.findById(id));
            return copy.freePlaces() == 0 && !copy.takesBookings();
        });

        TopicReader.write(Topics.CLASSES, id, null, Map.of());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> DirectoryClass.findById(id)) == null);
    }

    @Test
    void aSitesAccessibilityAndAClassesSessionLengthAreCopied() {
        String site = "site-copy-" + UUID.randomUUID();
        TestEvents.publish(
                EventType.SITE_UPDATED,
                site,
                new SiteUpdated(
                        site,
                        "Copy Test Site",
                        "prov-copy",
                        "Copy Provider",
                        ProviderType.LOCAL_AUTHORITY,
                        Setting.COMMUNITY_CENTRE,
                        "NR1 1AA",
                        52.63,
                        1.29,
                        List.of(Joint.KNEE),
                        12,
                        SiteStatus.ACTIVE,
                        List.of(AccessibilityFeature.STEP_FREE_ACCESS, AccessibilityFeature.HEARING_LOOP)));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            DirectorySite copy = QuarkusTransaction.requiringNew().call(() -> DirectorySite.findById(site));
            return copy != null
                    && copy.offers(List.of(AccessibilityFeature.STEP_FREE_ACCESS, AccessibilityFeature.HEARING_LOOP))
                    && !copy.offers(List.of(AccessibilityFeature.ON_SITE_PARKING));
        });
        String cohort = "class-copy-" + UUID.randomUUID();
        ClassUpdated longer = cohort(cohort, 0, ClassStatus.SCHEDULED);
        TestEvents.publish(
                EventType.CLASS_UPDATED,
                cohort,
                new ClassUpdated(
                        cohort,
                        longer.siteId(),
                        longer.providerId(),
                        longer.programmes(),
                        longer.startDate(),
                        longer.days(),
                        longer.startTime(),
                        longer.sessions(),
                        longer.capacity(),
                        0,
                        longer.facilitatorType(),
                        longer.status(),
                        0)); // an older event: no session length
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            DirectoryClass copy = QuarkusTransaction.requiringNew().call(() -> DirectoryClass.findById(cohort));
            return copy != null && copy.durationMinutes == 60;
        });
        TestEvents.publish(
                EventType.CLASS_UPDATED,
                cohort,
                new ClassUpdated(
                        cohort,
                        longer.siteId(),
                        longer.providerId(),
                        longer.programmes(),
                        longer.startDate(),
                        longer.days(),
                        longer.startTime(),
                        longer.sessions(),
                        longer.capacity(),
                        1,
                        longer.facilitatorType(),
                        longer.status(),
                        45));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            DirectoryClass copy = QuarkusTransaction.requiringNew().call(() -> DirectoryClass.findById(cohort));
            return copy.durationMinutes == 45 && copy.placesTaken == 1;
        });
    }

    @Test
    void fundingCoverageIsCopiedReplacedWholeAndRemovedByATombstone() {
        String icb = "Q" + UUID.randomUUID().toString().substring(0, 6);
        String key = FundingCoverage.key(icb, null);
        TestEvents.publish(
                EventType.FUNDING_COVERAGE_UPDATED,
                key,
                new FundingCoverage(
                        icb,
                        null,
                        List.of(
                                new FundingCoverage.Period(
                                        LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), List.of(Joint.KNEE), 12),
                                new FundingCoverage.Period(LocalDate.of(2027, 4, 1), null, List.of(Joint.HIP), 8))));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> {
                    Coverage cover = FundingCoverageCopy.of(icb);
                    return cover.funds("any-provider", Joint.KNEE, LocalDate.of(2026, 12, 1), 12)
                            && cover.funds("any-provider", Joint.HIP, LocalDate.of(2027, 5, 1), 8)
                            && !cover.funds("any-provider", Joint.HIP, LocalDate.of(2027, 5, 1), 12);
                }));

        TestEvents.publish(
                EventType.FUNDING_COVERAGE_UPDATED,
                key,
                new FundingCoverage(
                        icb,
                        null,
                        List.of(new FundingCoverage.Period(LocalDate.of(2027, 4, 1), null, List.of(Joint.HIP), 8))));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> !FundingCoverageCopy.of(icb)
                                .funds("any-provider", Joint.KNEE, LocalDate.of(2026, 12, 1), 12)));

        TopicReader.write(Topics.FUNDING_COVERAGE, key, null, Map.of());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> FundingCoverageCopy.findById(key)) == null);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> FundingCoverageCopy.of(icb).covers()))
                .isEmpty();
    }
}

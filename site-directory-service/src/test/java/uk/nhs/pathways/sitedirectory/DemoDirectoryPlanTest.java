package uk.nhs.pathways.sitedirectory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.AccessibilityFeature;
import uk.nhs.pathways.events.FacilitatorType;
import uk.nhs.pathways.events.ProviderType;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.platform.geo.Postcodes;
import uk.nhs.pathways.sitedirectory.cohort.domain.CourseCalendar;
import uk.nhs.pathways.sitedirectory.demo.DemoDirectory;
import uk.nhs.pathways.sitedirectory.demo.DemoDirectory.ClassPlan;
import uk.nhs.pathways.sitedirectory.demo.DemoDirectory.SitePlan;
import uk.nhs.pathways.sitedirectory.demo.DemoDirectory.StatusStep;

/** The demo directory's plan (no database): what bin/pathways loads. */
class DemoDirectoryPlanTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final DemoDirectory.Plan PLAN = DemoDirectory.plan(TODAY, 18);

    @Test
    void isTheSameEveryTime() {
        assertThat(DemoDirectory.plan(TODAY, 18)).isEqualTo(PLAN);
    }

    @Test
    void hasAtLeast300SitesAcrossEnglandAtRealPostcodeLocations() {
        Postcodes postcodes = new Postcodes();
        assertThat(PLAN.sites()).hasSizeGreaterThanOrEqualTo(300);
        List<Location> where = PLAN.sites().stream()
                .map(s -> postcodes.locate(s.postcode()).orElseThrow(() -> new AssertionError(s.postcode())))
                .toList();
        assertThat(where.stream().mapToDouble(Location::latitude).min().orElseThrow())
                .isLessThan(50.8); // the south coast
        assertThat(where.stream().mapToDouble(Location::latitude).max().orElseThrow())
                .isGreaterThan(55.0); // Northumberland
        assertThat(where.stream().mapToDouble(Location::longitude).min().orElseThrow())
                .isLessThan(-4.5); // Cornwall
        assertThat(where.stream().mapToDouble(Location::longitude).max().orElseThrow())
                .isGreaterThan(1.3); // East Anglia
        assertThat(PLAN.sites().stream()
                        .map(s -> Postcodes.outcodeOf(s.postcode()))
                        .distinct()
                        .count())
                .isGreaterThan(250);
    }

    @Test
    void hasEveryProviderTypeAndSettingInRoughlyThePrimersProportions() {
        Map<String, ProviderType> providerTypes = PLAN.providers().stream()
                .collect(Collectors.toMap(DemoDirectory.ProviderPlan::id, DemoDirectory.ProviderPlan::type));
        assertThat(PLAN.sites().stream()
                        .map(s -> providerTypes.get(s.providerId()))
                        .collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(ProviderType.class));
        assertThat(PLAN.sites().stream().map(SitePlan::setting).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(Setting.class));
        // 53.5% of sites were in non-clinical community settings by December 2019
        double community = share(PLAN.sites(), s -> s.setting() != Setting.PHYSIOTHERAPY_DEPARTMENT);
        assertThat(community).isBetween(0.48, 0.65);
        // the providers the demo contracts and the README name
        assertThat(providerTypes).containsKeys("council-qwo", "leisure-1", "nhs-msk-qwo");
        // reduced variants are there, and recorded as such
        assertThat(PLAN.sites().stream().map(SitePlan::sessions).collect(Collectors.toSet()))
                .contains(12, 8, 6);
    }

    @Test
    void sitesHaveAStatusHistoryMostStillDelivering() {
        for (SitePlan site : PLAN.sites()) {
            List<StatusStep> history = site.history();
            for (int i = 1; i < history.size(); i++) {
                assertThat(history.get(i).since())
                        .isAfterOrEqualTo(history.get(i - 1).since());
            }
            assertThat(history.getLast().since()).isBeforeOrEqualTo(TODAY);
        }
        double active = share(PLAN.sites(), s -> s.status() == SiteStatus.ACTIVE);
        assertThat(active).isBetween(0.75, 0.90);
        assertThat(PLAN.sites().stream().map(SitePlan::status).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(SiteStatus.class));
    }

    @Test
    void classesRunOverTheNext12WeeksWithVariedCapacityOnSchedulesThatFit() {
        List<ClassPlan> classes =
                PLAN.sites().stream().flatMap(s -> s.classes().stream()).toList();
        assertThat(classes).hasSizeGreaterThan(500);
        for (SitePlan site : PLAN.sites()) {
            if (site.status() == SiteStatus.PAUSED || site.status() == SiteStatus.CEASED) {
                assertThat(site.classes()).isEmpty();
            }
            for (ClassPlan c : site.classes()) {
                assertThat(c.startDate()).isAfter(TODAY).isBeforeOrEqualTo(TODAY.plusWeeks(12));
                assertThat(c.days()).contains(c.startDate().getDayOfWeek());
                assertThat(CourseCalendar.misfit(c.days(), c.sessions())).isNull();
                assertThat(c.capacity()).isBetween(6, 12);
                assertThat(site.programmes()).containsAll(c.programmes());
                if (site.setting() == Setting.PHYSIOTHERAPY_DEPARTMENT || site.setting() == Setting.WORKPLACE) {
                    assertThat(c.facilitator()).isEqualTo(FacilitatorType.PHYSIOTHERAPIST);
                }
            }
        }
        assertThat(classes.stream().map(ClassPlan::capacity).collect(Collectors.toSet()))
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(classes.stream().map(ClassPlan::facilitator).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(FacilitatorType.class));
        Set<Long> weeksAhead = classes.stream()
                .map(c -> java.time.temporal.ChronoUnit.WEEKS.between(TODAY, c.startDate()))
                .collect(Collectors.toSet());
        assertThat(weeksAhead).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void sitesOfferWhatTheirSettingTypicallyOffersPeopleWhoNeedIt() {
        List<SitePlan> leisure = PLAN.sites().stream()
                .filter(s -> s.setting() == Setting.LEISURE_CENTRE)
                .toList();
        assertThat(share(
                        leisure,
                        s -> s.accessibility()
                                .containsAll(List.of(
                                        AccessibilityFeature.STEP_FREE_ACCESS, AccessibilityFeature.ON_SITE_PARKING))))
                .as("leisure centres step-free with parking")
                .isGreaterThan(0.7);
        assertThat(share(
                        PLAN.sites().stream()
                                .filter(s -> s.setting() == Setting.PHYSIOTHERAPY_DEPARTMENT)
                                .toList(),
                        s -> s.accessibility().contains(AccessibilityFeature.ACCESSIBLE_TOILET)))
                .isGreaterThan(0.85);
        assertThat(share(PLAN.sites(), s -> !s.accessibility().contains(AccessibilityFeature.STEP_FREE_ACCESS)))
                .as("some older buildings are not step-free")
                .isBetween(0.03, 0.3);
        assertThat(PLAN.sites().stream()
                        .flatMap(s -> s.accessibility().stream())
                        .collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(AccessibilityFeature.class));
        // a note sometimes, and never saying a site without step-free access has it
        assertThat(share(PLAN.sites(), s -> s.accessibilityNotes() != null)).isBetween(0.15, 0.35);
        assertThat(PLAN.sites())
                .filteredOn(s -> !s.accessibility().contains(AccessibilityFeature.STEP_FREE_ACCESS)
                        && s.accessibilityNotes() != null)
                .allSatisfy(s -> assertThat(s.accessibilityNotes()).contains("steps"));
    }

    static <T> double share(List<T> items, Function<T, Boolean> test) {
        return (double) items.stream().filter(test::apply).count() / items.size();
    }
}

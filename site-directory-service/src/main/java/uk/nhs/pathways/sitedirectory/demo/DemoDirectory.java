package uk.nhs.pathways.sitedirectory.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jboss.logging.Logger;
import uk.nhs.pathways.events.AccessibilityFeature;
import uk.nhs.pathways.events.FacilitatorType;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ProviderType;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.platform.geo.ReferenceData;
import uk.nhs.pathways.platform.time.England;
import uk.nhs.pathways.sitedirectory.cohort.domain.Cohort;
import uk.nhs.pathways.sitedirectory.cohort.service.Classes;
import uk.nhs.pathways.sitedirectory.site.domain.Provider;
import uk.nhs.pathways.sitedirectory.site.domain.Site;
import uk.nhs.pathways.sitedirectory.site.service.SiteDirectory;

/**
 * A realistic demo directory for the local run (PATHWAYS_DEMO_DATA=true), loaded once into an empty
 * database: about 340 sites across England at real GP-practice postcodes, every provider type and
 * setting in roughly the proportions of the domain primer (most in community settings), some running
 * a reduced 8- or 6-session variant; each with a status history going back to when it started (most
 * still delivering, some paused or ceased, a few still onboarding); and classes over the next 12 weeks
 * with capacities of 6 to 12, on the weekdays, at the times and with the facilitators usual for the
 * setting. Deterministic: the same plan every time, dated from the day it is loaded.
 */
@ApplicationScoped
public class DemoDirectory {

    private static final Logger LOG = Logger.getLogger(DemoDirectory.class);
    private static final String ACTOR = "demo-directory";

    /** Who delivers where, with the share of sites of each combination. */
    private record Delivery(ProviderType type, Setting setting, int weight) {}

    private static final List<Delivery> DELIVERIES = List.of(
            new Delivery(ProviderType.NHS_TRUST, Setting.PHYSIOTHERAPY_DEPARTMENT, 42),
            new Delivery(ProviderType.NHS_TRUST, Setting.LEISURE_CENTRE, 8),
            new Delivery(ProviderType.LEISURE_OPERATOR, Setting.LEISURE_CENTRE, 24),
            new Delivery(ProviderType.THIRD_SECTOR, Setting.COMMUNITY_CENTRE, 12),
            new Delivery(ProviderType.LOCAL_AUTHORITY, Setting.COMMUNITY_CENTRE, 10),
            new Delivery(ProviderType.NHS_OCCUPATIONAL_HEALTH, Setting.WORKPLACE, 4));

    private static final String[] LEISURE_OPERATORS = {
        "Active Lives Leisure", "MoveWell Leisure Trust", "Community Fitness Partnership", "Better Moves Leisure"
    };
    private static final String[] CHARITIES = {
        "Age Well Together", "Joint Action Charity", "Moving Minds Community Trust"
    };

    /** Twice-weekly patterns, as ESCAPE-pain runs, and the odd once-a-week course. */
    private static final List<List<DayOfWeek>> TWICE_WEEKLY = List.of(
            List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY),
            List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY),
            List.of(DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
            List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
            List.of(DayOfWeek.TUESDAY, DayOfWeek.FRIDAY));

    /** The first time the demo's history starts from: ESCAPE-pain was scaling up nationally from 2015. */
    private static final LocalDate HISTORY_START = LocalDate.of(2015, 6, 1);

    @Inject
    SiteDirectory directory;

    @Inject
    Classes classes;

    @Inject
    Clock clock;

    @Inject
    DemoDataConfig config;

    // ---- the plan: pure, deterministic, testable without a database --------------------------------

    public record ProviderPlan(String id, String name, ProviderType type) {}

    public record StatusStep(SiteStatus status, LocalDate since) {}

    public record ClassPlan(
            List<Joint> programmes,
            LocalDate startDate,
            List<DayOfWeek> days,
            LocalTime startTime,
            int durationMinutes,
            int sessions,
            int capacity,
            FacilitatorType facilitator) {}

    /** A site as first registered (ONBOARDING on the first step's date), the statuses it took since, its classes. */
    public record SitePlan(
            String providerId,
            String name,
            String postcode,
            Setting setting,
            List<AccessibilityFeature> accessibility,
            String accessibilityNotes,
            List<Joint> programmes,
            int sessions,
            List<StatusStep> history,
            List<ClassPlan> classes) {

        public SiteStatus status() {
            return history.getLast().status();
        }
    }

    public record Plan(List<ProviderPlan> providers, List<SitePlan> sites) {}

    /** The demo directory as of {@code today}: the same sites, histories and classes for the same date. */
    public static Plan plan(LocalDate today, int stride) {
        Map<String, String> icbAreas = icbAreas();
        List<Map<String, String>> practices = ReferenceData.rows("gp_practices_england.csv");
        Random random = new Random(2026); // sites: unchanged since the first demo directory
        Random histories = new Random(334); // 334 sites had implemented ESCAPE-pain by December 2019
        Random timetable = new Random(260); // ...and 260 were still delivering
        Random access = new Random(53); // 53.5% of sites in community settings
        Map<String, ProviderPlan> providers = new LinkedHashMap<>();
        List<SitePlan> sites = new ArrayList<>();
        for (int i = 0; i < practices.size(); i += stride) {
            String postcode = practices.get(i).get("postcode");
            String icb = practices.get(i).get("icb_ods_code");
            String area = icbAreas.getOrDefault(icb, icb);
            Delivery delivery = pick(random);
            ProviderPlan provider = providers.computeIfAbsent(
                    providerId(delivery.type(), icb, random),
                    id -> new ProviderPlan(id, providerName(delivery.type(), id, area), delivery.type()));
            String outcode = postcode.substring(0, postcode.indexOf(' '));
            String name = siteName(delivery.setting(), area, outcode);
            boolean noted = random.nextInt(4) == 0; // drawn as ever, so every later site stays the same
            List<AccessibilityFeature> accessibility = accessibility(delivery.setting(), access);
            String notes = noted ? accessibilityNote(delivery.setting(), accessibility) : null;
            List<Joint> programmes = programmes(random);
            int sessions = sessions(random);
            SiteStatus status = status(random);
            List<StatusStep> history = history(status, today, histories);
            List<ClassPlan> classes = classes(status, delivery, programmes, sessions, today, timetable);
            sites.add(new SitePlan(
                    provider.id(),
                    name,
                    postcode,
                    delivery.setting(),
                    accessibility,
                    notes,
                    programmes,
                    sessions,
                    history,
                    classes));
        }
        return new Plan(List.copyOf(providers.values()), sites);
    }

    /**
     * What a site of the setting typically offers: leisure centres are mostly step-free with parking,
     * hospital and clinic departments step-free with accessible toilets and often a hearing loop, community
     * halls more varied (older buildings, fewer car parks, usually on a bus route).
     */
    private static List<AccessibilityFeature> accessibility(Setting setting, Random random) {
        int[] percent = switch (setting) { // step-free, toilet, hearing loop, parking, public transport
            case LEISURE_CENTRE -> new int[] {92, 88, 30, 90, 60};
            case PHYSIOTHERAPY_DEPARTMENT -> new int[] {97, 95, 65, 55, 90};
            case COMMUNITY_CENTRE -> new int[] {65, 55, 35, 40, 80};
            case WORKPLACE -> new int[] {90, 90, 25, 60, 75};
        };
        AccessibilityFeature[] features = AccessibilityFeature.values();
        List<AccessibilityFeature> offered = new ArrayList<>();
        for (int i = 0; i < features.length; i++) {
            if (random.nextInt(100) < percent[i]) {
                offered.add(features[i]);
            }
        }
        return List.copyOf(offered);
    }

    private static String accessibilityNote(Setting setting, List<AccessibilityFeature> features) {
        if (!features.contains(AccessibilityFeature.STEP_FREE_ACCESS)) {
            return "Three steps at the entrance, with a handrail; staff can help";
        }
        return switch (setting) {
            case LEISURE_CENTRE -> "Lift to the first-floor studio";
            case PHYSIOTHERAPY_DEPARTMENT -> "Wheelchairs to borrow at the main entrance";
            case COMMUNITY_CENTRE -> "Ramp at the side entrance";
            case WORKPLACE -> "Level access from the staff car park";
        };
    }

    private static List<StatusStep> history(SiteStatus status, LocalDate today, Random random) {
        if (status == SiteStatus.ONBOARDING) {
            return List.of(new StatusStep(SiteStatus.ONBOARDING, today.minusDays(7 + random.nextInt(84))));
        }
        long span = ChronoUnit.DAYS.between(HISTORY_START, today.minusYears(1));
        LocalDate onboarding = HISTORY_START.plusDays(random.nextLong(span));
        LocalDate active = onboarding.plusDays(30 + random.nextInt(90));
        List<StatusStep> steps = new ArrayList<>(
                List.of(new StatusStep(SiteStatus.ONBOARDING, onboarding), new StatusStep(SiteStatus.ACTIVE, active)));
        long sinceActive = ChronoUnit.DAYS.between(active, today);
        switch (status) {
            case PAUSED ->
                steps.add(new StatusStep(
                        SiteStatus.PAUSED,
                        today.minusDays(14 + random.nextLong(Math.max(1, Math.min(150, sinceActive - 14))))));
            case CEASED ->
                steps.add(new StatusStep(
                        SiteStatus.CEASED, active.plusDays(180 + random.nextLong(Math.max(1, sinceActive - 210)))));
            default -> {}
        }
        return steps;
    }

    /** Classes over the next 12 weeks at sites that deliver now (and at some about to start). */
    private static List<ClassPlan> classes(
            SiteStatus status,
            Delivery delivery,
            List<Joint> programmes,
            int sessions,
            LocalDate today,
            Random random) {
        int count = switch (status) {
            case ACTIVE -> {
                int roll = random.nextInt(100);
                yield roll < 25 ? 1 : roll < 70 ? 2 : 3;
            }
            case ONBOARDING -> random.nextBoolean() ? 1 : 0;
            default -> 0;
        };
        LocalDate nextMonday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        List<LocalTime> times = times(delivery.setting());
        int firstTime = random.nextInt(times.size());
        List<ClassPlan> classes = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            List<DayOfWeek> days = sessions == 12 && random.nextInt(10) == 0
                    ? List.of(DayOfWeek.of(1 + random.nextInt(5)))
                    : TWICE_WEEKLY.get(random.nextInt(TWICE_WEEKLY.size()));
            int week = status == SiteStatus.ONBOARDING ? 4 + random.nextInt(7) : random.nextInt(11);
            LocalDate start = nextMonday.plusWeeks(week).with(TemporalAdjusters.nextOrSame(days.getFirst()));
            LocalTime time = times.get((firstTime + k) % times.size());
            int duration = delivery.setting() == Setting.WORKPLACE ? 45 : 60;
            classes.add(new ClassPlan(
                    programmes,
                    start,
                    days,
                    time,
                    duration,
                    sessions,
                    capacity(delivery.setting(), random),
                    facilitator(delivery, random)));
        }
        return classes;
    }

    private static List<LocalTime> times(Setting setting) {
        return switch (setting) {
            case PHYSIOTHERAPY_DEPARTMENT ->
                List.of(LocalTime.of(9, 30), LocalTime.of(11, 0), LocalTime.of(14, 0), LocalTime.of(16, 0));
            case LEISURE_CENTRE -> List.of(LocalTime.of(10, 0), LocalTime.of(13, 30), LocalTime.of(18, 0));
            case COMMUNITY_CENTRE -> List.of(LocalTime.of(10, 30), LocalTime.of(13, 0), LocalTime.of(14, 30));
            case WORKPLACE -> List.of(LocalTime.of(12, 15), LocalTime.of(17, 15));
        };
    }

    private static int capacity(Setting setting, Random random) {
        int[] options = switch (setting) {
            case PHYSIOTHERAPY_DEPARTMENT -> new int[] {8, 10, 10, 12};
            case LEISURE_CENTRE -> new int[] {8, 10, 12, 12};
            case COMMUNITY_CENTRE -> new int[] {6, 8, 10, 12};
            case WORKPLACE -> new int[] {6, 8};
        };
        return options[random.nextInt(options.length)];
    }

    /** The domain primer's table: who leads classes in each setting for each kind of provider. */
    private static FacilitatorType facilitator(Delivery delivery, Random random) {
        return switch (delivery.setting()) {
            case PHYSIOTHERAPY_DEPARTMENT, WORKPLACE -> FacilitatorType.PHYSIOTHERAPIST;
            case LEISURE_CENTRE ->
                delivery.type() == ProviderType.NHS_TRUST
                        ? FacilitatorType.THERAPY_ASSISTANT
                        : random.nextInt(5) < 3 ? FacilitatorType.FITNESS_INSTRUCTOR : FacilitatorType.PHYSIOTHERAPIST;
            case COMMUNITY_CENTRE ->
                random.nextBoolean() ? FacilitatorType.FITNESS_INSTRUCTOR : FacilitatorType.PHYSIOTHERAPIST;
        };
    }

    // ---- loading ------------------------------------------------------------------------------------

    void onStart(@Observes StartupEvent ignored) {
        if (!config.enabled()) {
            return;
        }
        int stride = config.practiceStride();
        if (QuarkusTransaction.requiringNew().call(() -> Provider.count() == 0)) {
            Plan plan = plan(England.today(clock), stride);
            int[] loaded = QuarkusTransaction.requiringNew().timeout(600).call(() -> load(plan));
            LOG.infof("Demo directory loaded: %d sites, %d classes", loaded[0], loaded[1]);
        } else if (QuarkusTransaction.requiringNew().call(() -> Cohort.count() == 0)) {
            // A directory loaded before classes existed: give its sites their classes.
            Plan plan = plan(England.today(clock), stride);
            int added = QuarkusTransaction.requiringNew().timeout(600).call(() -> addClassesToExistingSites(plan));
            LOG.infof("Demo classes added to the existing directory: %d", added);
        }
        if (QuarkusTransaction.requiringNew()
                .call(() -> Site.count() > 0 && Site.count("accessibilityList <> ''") == 0)) {
            // A directory loaded before sites recorded their accessibility: give its sites the plan's.
            Plan plan = plan(England.today(clock), stride);
            int described = QuarkusTransaction.requiringNew().timeout(600).call(() -> describeExistingSites(plan));
            LOG.infof("Demo accessibility recorded for %d sites of the existing directory", described);
        }
    }

    int[] load(Plan plan) {
        plan.providers().forEach(p -> directory.addProvider(p.id(), p.name(), p.type()));
        int added = 0;
        for (SitePlan s : plan.sites()) {
            StatusStep first = s.history().getFirst();
            Site site = directory.addSite(
                    new SiteDirectory.SiteDetails(
                            s.providerId(),
                            s.name(),
                            null,
                            s.postcode(),
                            s.setting(),
                            s.accessibility(),
                            s.accessibilityNotes(),
                            s.programmes(),
                            s.sessions(),
                            first.status(),
                            first.since()),
                    ACTOR);
            for (StatusStep step : s.history().subList(1, s.history().size())) {
                directory.changeStatus(site.id, step.status(), step.since(), ACTOR);
            }
            added += addClasses(site.id, s);
        }
        return new int[] {plan.sites().size(), added};
    }

    int addClassesToExistingSites(Plan plan) {
        Map<String, List<Site>> existing = existingSites();
        int added = 0;
        for (SitePlan s : plan.sites()) {
            List<Site> matches = existing.getOrDefault(key(s), List.of());
            if (!matches.isEmpty()) {
                Site site = matches.removeFirst();
                if (site.status == SiteStatus.ACTIVE || site.status == SiteStatus.ONBOARDING) {
                    added += addClasses(site.id, s);
                }
            }
        }
        return added;
    }

    int describeExistingSites(Plan plan) {
        Map<String, List<Site>> existing = existingSites();
        int described = 0;
        for (SitePlan s : plan.sites()) {
            List<Site> matches = existing.getOrDefault(key(s), List.of());
            if (!matches.isEmpty() && !s.accessibility().isEmpty()) {
                directory.recordAccessibility(matches.removeFirst().id, s.accessibility());
                described++;
            }
        }
        return described;
    }

    /** The directory's sites by provider, name and postcode: how a planned site is recognised. */
    private static Map<String, List<Site>> existingSites() {
        Map<String, List<Site>> existing = new HashMap<>();
        for (Site site : Site.<Site>list("order by id")) {
            existing.computeIfAbsent(site.provider.id + "|" + site.name + "|" + site.postcode, k -> new ArrayList<>())
                    .add(site);
        }
        return existing;
    }

    private static String key(SitePlan s) {
        return s.providerId() + "|" + s.name() + "|" + s.postcode();
    }

    private int addClasses(String siteId, SitePlan s) {
        for (ClassPlan c : s.classes()) {
            classes.add(new Classes.ClassDetails(
                    siteId,
                    c.programmes(),
                    c.startDate(),
                    c.days(),
                    c.startTime(),
                    c.durationMinutes(),
                    c.sessions(),
                    c.capacity(),
                    c.facilitator(),
                    null));
        }
        return s.classes().size();
    }

    // ---- the original directory's choices (their order fixes every site) ----------------------------

    private static Delivery pick(Random random) {
        int roll = random.nextInt(DELIVERIES.stream().mapToInt(Delivery::weight).sum());
        for (Delivery d : DELIVERIES) {
            roll -= d.weight();
            if (roll < 0) {
                return d;
            }
        }
        throw new IllegalStateException();
    }

    private static String providerId(ProviderType type, String icb, Random random) {
        return switch (type) {
            case NHS_TRUST -> "nhs-msk-" + icb.toLowerCase();
            case NHS_OCCUPATIONAL_HEALTH -> "nhs-oh-" + icb.toLowerCase();
            case LOCAL_AUTHORITY -> "council-" + icb.toLowerCase();
            case LEISURE_OPERATOR -> "leisure-" + (1 + random.nextInt(LEISURE_OPERATORS.length));
            case THIRD_SECTOR -> "charity-" + (1 + random.nextInt(CHARITIES.length));
        };
    }

    private static String providerName(ProviderType type, String id, String area) {
        return switch (type) {
            case NHS_TRUST -> area + " Community MSK Service";
            case NHS_OCCUPATIONAL_HEALTH -> area + " NHS Occupational Health";
            case LOCAL_AUTHORITY -> area + " Councils' Active Ageing Team";
            case LEISURE_OPERATOR -> LEISURE_OPERATORS[Integer.parseInt(id.substring(id.indexOf('-') + 1)) - 1];
            case THIRD_SECTOR -> CHARITIES[Integer.parseInt(id.substring(id.indexOf('-') + 1)) - 1];
        };
    }

    private static String siteName(Setting setting, String area, String outcode) {
        return switch (setting) {
            case PHYSIOTHERAPY_DEPARTMENT -> area + " Physiotherapy (" + outcode + ")";
            case LEISURE_CENTRE -> outcode + " Leisure Centre";
            case COMMUNITY_CENTRE -> outcode + " Community Centre";
            case WORKPLACE -> area + " Staff Health Centre (" + outcode + ")";
        };
    }

    private static List<Joint> programmes(Random random) {
        int roll = random.nextInt(100);
        return roll < 80 ? List.of(Joint.KNEE, Joint.HIP) : roll < 92 ? List.of(Joint.KNEE) : List.of(Joint.HIP);
    }

    private static int sessions(Random random) {
        int roll = random.nextInt(100);
        return roll < 85 ? 12 : roll < 95 ? 8 : 6;
    }

    private static SiteStatus status(Random random) {
        int roll = random.nextInt(100);
        return roll < 82
                ? SiteStatus.ACTIVE
                : roll < 90 ? SiteStatus.ONBOARDING : roll < 95 ? SiteStatus.PAUSED : SiteStatus.CEASED;
    }

    /** "NHS West Yorkshire Integrated Care Board" becomes "West Yorkshire". */
    private static Map<String, String> icbAreas() {
        Map<String, String> areas = new HashMap<>();
        for (Map<String, String> icb : ReferenceData.rows("icbs.csv")) {
            areas.put(
                    icb.get("icb_ods_code"),
                    icb.get("icb_name").replace("NHS ", "").replace(" Integrated Care Board", ""));
        }
        return areas;
    }
}

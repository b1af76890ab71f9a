package uk.nhs.pathways.sitedirectory.site.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import uk.nhs.pathways.platform.geo.ReferenceData;
import uk.nhs.pathways.sitedirectory.site.domain.Joint;
import uk.nhs.pathways.sitedirectory.site.domain.Provider;
import uk.nhs.pathways.sitedirectory.site.domain.ProviderType;
import uk.nhs.pathways.sitedirectory.site.domain.Setting;
import uk.nhs.pathways.sitedirectory.site.domain.SiteStatus;
import uk.nhs.pathways.sitedirectory.site.service.SiteDirectory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A realistic demo directory for the local run (PATHWAYS_DEMO_DATA=true), loaded once into an empty
 * database: about 340 sites across England at real GP-practice postcodes, every provider type and
 * setting in roughly the proportions of the domain primer (most in community settings), some running
 * a reduced 8- or 6-session variant, some not active. Deterministic: the same every time.
 */
@ApplicationScoped
public class DemoDirectory {

    private static final Logger LOG = Logger.getLogger(DemoDirectory.class);

    /** Who delivers where, with the share of sites of each combination. */
    private record Delivery(ProviderType type, Setting setting, int weight) {
    }

    private static final List<Delivery> DELIVERIES = List.of(
            new Delivery(ProviderType.NHS_TRUST, Setting.PHYSIOTHERAPY_DEPARTMENT, 42),
            new Delivery(ProviderType.NHS_TRUST, Setting.LEISURE_CENTRE, 8),
            new Delivery(ProviderType.LEISURE_OPERATOR, Setting.LEISURE_CENTRE, 24),
            new Delivery(ProviderType.THIRD_SECTOR, Setting.COMMUNITY_CENTRE, 12),
            new Delivery(ProviderType.LOCAL_AUTHORITY, Setting.COMMUNITY_CENTRE, 10),
            new Delivery(ProviderType.NHS_OCCUPATIONAL_HEALTH, Setting.WORKPLACE, 4));

    private static final String[] LEISURE_OPERATORS = {
            "Active Lives Leisure", "MoveWell Leisure Trust", "Community Fitness Partnership", "Better Moves Leisure"};
    private static final String[] CHARITIES = {
            "Age Well Together", "Joint Action Charity", "Moving Minds Community Trust"};

    @Inject
    SiteDirectory directory;

    @ConfigProperty(name = "pathways.demo-data.enabled", defaultValue = "false")
    boolean enabled;

    /** Every n-th GP practice's postcode becomes a site. */
    @ConfigProperty(name = "pathways.demo-data.practice-stride", defaultValue = "18")
    int stride;

    void onStart(@Observes StartupEvent ignored) {
        if (enabled && QuarkusTransaction.requiringNew().call(() -> Provider.count() == 0)) {
            int sites = load();
            LOG.infof("Demo directory loaded: %d sites", sites);
        }
    }

    int load() {
        Map<String, String> icbAreas = icbAreas();
        List<Map<String, String>> practices = ReferenceData.rows("gp_practices_england.csv");
        Random random = new Random(2026);
        Map<String, Provider> providers = new HashMap<>();
        List<SiteDirectory.SiteDetails> sites = new ArrayList<>();
        for (int i = 0; i < practices.size(); i += stride) {
            String postcode = practices.get(i).get("postcode");
            String icb = practices.get(i).get("icb_ods_code");
            String area = icbAreas.getOrDefault(icb, icb);
            Delivery delivery = pick(random);
            Provider provider = providers.computeIfAbsent(providerId(delivery.type(), icb, random),
                    id -> QuarkusTransaction.requiringNew().call(() ->
                            directory.addProvider(id, providerName(delivery.type(), id, area), delivery.type())));
            String outcode = postcode.substring(0, postcode.indexOf(' '));
            sites.add(new SiteDirectory.SiteDetails(provider.id, siteName(delivery.setting(), area, outcode),
                    null, postcode, delivery.setting(), random.nextInt(4) == 0 ? "Step-free access" : null,
                    programmes(random), sessions(random), status(random)));
        }
        QuarkusTransaction.requiringNew().run(() -> sites.forEach(directory::addSite));
        return sites.size();
    }

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
        return roll < 82 ? SiteStatus.ACTIVE : roll < 90 ? SiteStatus.ONBOARDING : roll < 95 ? SiteStatus.PAUSED
                : SiteStatus.CEASED;
    }

    /** "NHS West Yorkshire Integrated Care Board" becomes "West Yorkshire". */
    private static Map<String, String> icbAreas() {
        Map<String, String> areas = new HashMap<>();
        for (Map<String, String> icb : ReferenceData.rows("icbs.csv")) {
            areas.put(icb.get("icb_ods_code"),
                    icb.get("icb_name").replace("NHS ", "").replace(" Integrated Care Board", ""));
        }
        return areas;
    }
}

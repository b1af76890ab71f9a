package uk.nhs.pathways.events;

/**
 * Kafka topics of the platform. Every record is keyed by the id of the aggregate it is about, so
 * all events of one site or one referral stay in order on one partition.
 */
public final class Topics {

    /** Full state of each site (compacted: the latest record per site id is the site). */
    public static final String SITES = "pathways.sites.v1";

    /** Full state of each class (compacted: the latest record per class id is the class). */
    public static final String CLASSES = "pathways.classes.v1";

    /** Referral lifecycle events, keyed by referral id. */
    public static final String REFERRALS = "pathways.referrals.v1";

    /** The site directory's answers to booking requests (place reserved or refused), keyed by referral id. */
    public static final String PLACES = "pathways.places.v1";

    /**
     * Which providers each commissioner's contracts cover (compacted: the latest record per
     * commissioner and provider is the cover), keyed {@code <icb>/<providerId or *>}. No prices.
     */
    public static final String FUNDING_COVERAGE = "pathways.funding-coverage.v1";

    /** Contracts reaching 80% and 100% of a volume or budget cap in a period, keyed by contract id. */
    public static final String CONTRACT_ALERTS = "pathways.contract-alerts.v1";

    /** Funding decisions taken against commissioning contracts, keyed by referral id. */
    public static final String FUNDING_DECISIONS = "pathways.funding-decisions.v1";

    /**
     * One ICB's outcome events, for that ICS's consumers only (an ACL per consumer): each ICS reads its own
     * residents' data and no one else's. Keyed by episode (course) id.
     */
    public static String outcomes(String icbOdsCode) {
        if (icbOdsCode == null || !icbOdsCode.matches("[A-Za-z0-9]{3}")) {
            throw new IllegalArgumentException("not an ICB ODS code: " + icbOdsCode);
        }
        return OUTCOMES_PREFIX + icbOdsCode.toLowerCase(java.util.Locale.ROOT) + ".v1";
    }

    /** The outcome topics' common prefix: {@code pathways.outcomes.<icb>.v1}. */
    public static final String OUTCOMES_PREFIX = "pathways.outcomes.";

    /** How the outcome topics are named, where one name is needed (documentation, event types). */
    public static final String OUTCOMES_PATTERN = "pathways.outcomes.<icb>.v1";

    /** Dead-letter topic of a consuming service: records it could not process, with the reason in headers. */
    public static String deadLetter(String service) {
        return "pathways.dead-letter." + service;
    }

    private Topics() {}
}

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

    /** Funding decisions taken against commissioning contracts, keyed by referral id. */
    public static final String FUNDING_DECISIONS = "pathways.funding-decisions.v1";

    /** Dead-letter topic of a consuming service: records it could not process, with the reason in headers. */
    public static String deadLetter(String service) {
        return "pathways.dead-letter." + service;
    }

    private Topics() {}
}

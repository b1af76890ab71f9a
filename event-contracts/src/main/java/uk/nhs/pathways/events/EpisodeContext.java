package uk.nhs.pathways.events;

/**
 * Who and where an outcome event is about, pseudonymously: enough for an ICS to analyse, never enough to
 * identify a person (no NHS number, name, date of birth or full postcode). An episode is one course.
 *
 * @param ageBand on the referral day, e.g. {@code 65-74}
 * @param pcnCode the practice's primary care network (a demo grouping of practices in the local run)
 * @param icb     the ICB of the person's GP practice: whose outcome topic carries the event
 */
public record EpisodeContext(
        String episodeId,
        String referralId,
        String patientPseudonym,
        String ageBand,
        Joint joint,
        String practiceOdsCode,
        String pcnCode,
        String providerId,
        String siteId,
        Setting setting,
        String icb) {}

package uk.nhs.pathways.events;

/** The osteoarthritic joint a referral, a site's programme or a class is for. */
public enum Joint {
    KNEE,
    HIP
}

package uk.nhs.pathways.events;

/** A site's life: only ACTIVE sites take referrals; CEASED is kept to count how many sites keep delivering. */
public enum SiteStatus {
    ONBOARDING,
    ACTIVE,
    PAUSED,
    CEASED
}

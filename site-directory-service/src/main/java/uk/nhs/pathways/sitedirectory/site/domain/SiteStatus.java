package uk.nhs.pathways.sitedirectory.site.domain;

/** A site's life: only ACTIVE sites take referrals; CEASED is kept to report how many sites keep delivering. */
public enum SiteStatus {
    ONBOARDING, ACTIVE, PAUSED, CEASED
}

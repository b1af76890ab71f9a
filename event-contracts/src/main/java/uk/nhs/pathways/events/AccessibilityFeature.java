package uk.nhs.pathways.events;

/** What a site offers people who need it; a referral may require any of them. */
public enum AccessibilityFeature {
    STEP_FREE_ACCESS,
    ACCESSIBLE_TOILET,
    HEARING_LOOP,
    ON_SITE_PARKING,
    NEAR_PUBLIC_TRANSPORT
}

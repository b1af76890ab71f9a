package uk.nhs.pathways.referral.referral.domain;

/** The osteoarthritic joint the person is referred for. */
public enum Joint {
    KNEE, HIP
}

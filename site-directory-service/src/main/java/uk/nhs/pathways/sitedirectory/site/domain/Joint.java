package uk.nhs.pathways.sitedirectory.site.domain;

/** ESCAPE-pain is for knee and/or hip osteoarthritis; a site's programme covers one or both. */
public enum Joint {
    KNEE, HIP
}

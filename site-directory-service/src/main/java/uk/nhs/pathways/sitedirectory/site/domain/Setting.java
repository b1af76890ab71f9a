package uk.nhs.pathways.sitedirectory.site.domain;

/** Where the classes happen. Everything but a physiotherapy department is a community setting. */
public enum Setting {
    PHYSIOTHERAPY_DEPARTMENT, LEISURE_CENTRE, COMMUNITY_CENTRE, WORKPLACE
}

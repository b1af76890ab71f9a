package uk.nhs.pathways.events;

/** Where classes happen. Everything but a physiotherapy department is a community setting. */
public enum Setting {
    PHYSIOTHERAPY_DEPARTMENT,
    LEISURE_CENTRE,
    COMMUNITY_CENTRE,
    WORKPLACE
}

package uk.nhs.pathways.events;

/** Who runs a site: the provider types of the domain primer. */
public enum ProviderType {
    NHS_TRUST,
    LEISURE_OPERATOR,
    LOCAL_AUTHORITY,
    THIRD_SECTOR,
    NHS_OCCUPATIONAL_HEALTH
}

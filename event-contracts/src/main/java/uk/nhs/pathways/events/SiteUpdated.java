package uk.nhs.pathways.events;

import java.util.List;

/**
 * Full state of a site where ESCAPE-pain is delivered. Published on every change, so the latest record
 * per site id on the compacted sites topic is all a consumer needs to rebuild its view.
 *
 * @param programmes joints the site's programme covers
 * @param sessions   sessions per course at this site: 12 is the standard, fewer is a reduced variant
 * @param accessibility what the site offers people who need it (added within v1; empty if unknown)
 */
public record SiteUpdated(
        String siteId,
        String name,
        String providerId,
        String providerName,
        ProviderType providerType,
        Setting setting,
        String postcode,
        double latitude,
        double longitude,
        List<Joint> programmes,
        int sessions,
        SiteStatus status,
        List<AccessibilityFeature> accessibility) {}

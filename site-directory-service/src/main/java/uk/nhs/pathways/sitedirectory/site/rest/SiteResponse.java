package uk.nhs.pathways.sitedirectory.site.rest;

import java.time.LocalDate;
import java.util.List;
import uk.nhs.pathways.events.AccessibilityFeature;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.sitedirectory.site.domain.Site;

/**
 * A site as the API shows it; {@code distanceMetres} only in search results. {@code subIcbOdsCode} is the
 * commissioner's area the site lies in (null outside England); {@code accessibility} what it offers people
 * who need it (empty if none is recorded), {@code accessibilityNotes} anything more, in the provider's words.
 */
public record SiteResponse(
        String id,
        String name,
        String providerId,
        String providerName,
        String providerType,
        String address,
        String postcode,
        double latitude,
        double longitude,
        Setting setting,
        List<AccessibilityFeature> accessibility,
        String accessibilityNotes,
        List<Joint> programmes,
        int sessions,
        boolean reducedVariant,
        SiteStatus status,
        LocalDate statusChangedOn,
        String subIcbOdsCode,
        long version,
        Long distanceMetres) {

    public static SiteResponse of(Site site, Long distanceMetres) {
        return new SiteResponse(
                site.id,
                site.name,
                site.provider.id,
                site.provider.name,
                site.provider.type.name(),
                site.address,
                site.postcode,
                site.latitude,
                site.longitude,
                site.setting,
                site.accessibility(),
                site.accessibilityNotes,
                site.programmes(),
                site.sessions,
                site.isReducedVariant(),
                site.status,
                site.statusChangedOn,
                site.subIcbOdsCode,
                site.version,
                distanceMetres);
    }
}

package uk.nhs.pathways.contract.sites.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.nhs.pathways.contract.ContractConfig;
import uk.nhs.pathways.contract.sites.domain.Site;
import uk.nhs.pathways.contract.terms.domain.ContractVersion;
import uk.nhs.pathways.contract.terms.domain.SiteCover;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.SiteStatus;

/**
 * Per site, per commissioner whose residents it serves ({@link ServedIcbs}): whether that commissioner's
 * contracts cover the provider's course there ({@link SiteCover}). Coverage only: yes or no, joints and
 * contacts; never a price, a cap or a contract's id.
 */
@ApplicationScoped
public class SiteCoverage {

    @Inject
    ServedIcbs served;

    @Inject
    ContractConfig config;

    /**
     * @param servesResidents        whether the ICB has a GP practice within the routing distance
     * @param nearestPracticeMetres  from the site to the ICB's nearest practice
     * @param contactsPerEpisode     the most contacts a covering contract pays for; null when not covered
     */
    public record IcbCover(
            String icb,
            String icbName,
            boolean servesResidents,
            Long nearestPracticeMetres,
            boolean covered,
            Set<Joint> joints,
            Integer contactsPerEpisode,
            SiteCover.Gap gap) {}

    public record Coverage(
            String siteId,
            String siteName,
            String providerId,
            Set<Joint> programmes,
            int sessions,
            SiteStatus status,
            LocalDate on,
            int servedRadiusMetres,
            List<IcbCover> commissioners) {}

    /** Every ICB the site serves. */
    public Coverage ofServed(Site site, LocalDate day) {
        List<IcbCover> rows = new ArrayList<>();
        for (Map.Entry<String, Long> icb : served.near(site.location()).entrySet()) {
            rows.add(row(site, icb.getKey(), true, icb.getValue(), day));
        }
        return coverage(site, day, rows);
    }

    /** One ICB's row, whether or not the site serves its residents. */
    public Coverage ofIcb(Site site, String icb, LocalDate day) {
        Long metres = served.distanceTo(icb, site.location()).orElse(null);
        boolean serves = metres != null && metres <= config.coverage().servedRadiusMetres();
        return coverage(site, day, List.of(row(site, icb, serves, metres, day)));
    }

    private Coverage coverage(Site site, LocalDate day, List<IcbCover> rows) {
        return new Coverage(
                site.siteId,
                site.name,
                site.providerId,
                site.programmes(),
                site.sessions,
                site.status,
                day,
                config.coverage().servedRadiusMetres(),
                rows);
    }

    private IcbCover row(Site site, String icb, boolean serves, Long metres, LocalDate day) {
        List<ContractVersion> versions = ContractVersion.list("contract.commissionerIcb", icb);
        SiteCover cover = SiteCover.of(versions, site.providerId, site.siteId, site.programmes(), site.sessions, day);
        return new IcbCover(
                icb,
                served.name(icb),
                serves,
                metres,
                cover.covered(),
                cover.joints(),
                cover.contactsPerEpisode(),
                cover.gap());
    }
}

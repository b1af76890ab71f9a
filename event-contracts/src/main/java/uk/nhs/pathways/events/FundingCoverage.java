package uk.nhs.pathways.events;

import java.time.LocalDate;
import java.util.List;

/**
 * Whether a commissioner's contracts cover a provider's ESCAPE-pain courses: the full state for one
 * commissioner and provider (or any qualified provider), on a compacted topic keyed
 * {@code <commissionerIcb>/<providerId or *>}. No prices: coverage only. A tombstone means no contract
 * covers the pair any more.
 *
 * @param providerId null for any qualified provider
 * @param periods    each contract's cover: when, for which joints, up to how many contacts per episode
 */
public record FundingCoverage(String commissionerIcb, String providerId, List<Period> periods) {

    public record Period(LocalDate validFrom, LocalDate validTo, List<Joint> joints, int maxContactsPerEpisode) {}

    /** The topic key of a commissioner and provider (null: any qualified provider). */
    public static String key(String commissionerIcb, String providerId) {
        return commissionerIcb + "/" + (providerId == null ? "*" : providerId);
    }
}

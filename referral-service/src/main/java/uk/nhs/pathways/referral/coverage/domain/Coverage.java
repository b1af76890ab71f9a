package uk.nhs.pathways.referral.coverage.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uk.nhs.pathways.events.FundingCoverage;
import uk.nhs.pathways.events.Joint;

/**
 * Which courses one commissioner's contracts would pay for: the rule ranking uses to put funded classes
 * first. A class is covered when a period for its provider (or for any qualified provider) is in force on
 * the class's first day, covers the joint, and allows at least as many contacts per episode as the class
 * has sessions. Only a forecast: the contract service still decides every proposal.
 */
public record Coverage(List<Cover> covers, Map<String, List<Cover>> byProvider, List<Cover> anyProvider) {

    public static final Coverage NONE = of(List.of());

    /** One period of one contract, for one provider (null: any qualified provider). */
    public record Cover(String providerId, FundingCoverage.Period period) {

        boolean funds(String provider, Joint joint, LocalDate startDate, int sessions) {
            return (providerId == null || providerId.equals(provider))
                    && !startDate.isBefore(period.validFrom())
                    && (period.validTo() == null || !startDate.isAfter(period.validTo()))
                    && period.joints() != null
                    && period.joints().contains(joint)
                    && period.maxContactsPerEpisode() >= sessions;
        }
    }

    /** Indexed by provider: ranking asks once per candidate class, and an ICB may cover hundreds of providers. */
    public static Coverage of(List<Cover> covers) {
        Map<String, List<Cover>> byProvider = covers.stream()
                .filter(c -> c.providerId() != null)
                .collect(Collectors.groupingBy(Cover::providerId, Collectors.toUnmodifiableList()));
        List<Cover> any = covers.stream().filter(c -> c.providerId() == null).toList();
        return new Coverage(List.copyOf(covers), Map.copyOf(byProvider), any);
    }

    public boolean funds(String providerId, Joint joint, LocalDate startDate, int sessions) {
        return anyFunds(byProvider.getOrDefault(providerId, List.of()), providerId, joint, startDate, sessions)
                || anyFunds(anyProvider, providerId, joint, startDate, sessions);
    }

    private static boolean anyFunds(
            List<Cover> covers, String providerId, Joint joint, LocalDate startDate, int sessions) {
        for (Cover cover : covers) {
            if (cover.funds(providerId, joint, startDate, sessions)) {
                return true;
            }
        }
        return false;
    }
}

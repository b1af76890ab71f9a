package uk.nhs.pathways.referral.coverage.domain;

import java.time.LocalDate;
import java.util.List;
import uk.nhs.pathways.events.FundingCoverage;
import uk.nhs.pathways.events.Joint;

/**
 * Which courses one commissioner's contracts would pay for: the rule ranking uses to put funded classes
 * first. A class is covered when a period for its provider (or for any qualified provider) is in force on
 * the class's first day, covers the joint, and allows at least as many contacts per episode as the class
 * has sessions. Only a forecast: the contract service still decides every proposal.
 */
public record Coverage(List<Cover> covers) {

    public static final Coverage NONE = new Coverage(List.of());

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

    public static Coverage of(List<Cover> covers) {
        return new Coverage(List.copyOf(covers));
    }

    public boolean funds(String providerId, Joint joint, LocalDate startDate, int sessions) {
        for (Cover cover : covers) {
            if (cover.funds(providerId, joint, startDate, sessions)) {
                return true;
            }
        }
        return false;
    }
}

package uk.nhs.pathways.contract.terms.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import uk.nhs.pathways.events.Joint;

/**
 * Whether one commissioner's contracts cover a provider's course at one site on a day: yes or no, the joints
 * and the contacts per episode. No prices, no caps: what a provider may see of another party's contract.
 *
 * @param contactsPerEpisode the most contacts a covering version pays for; null when not covered
 */
public record SiteCover(boolean covered, Set<Joint> joints, Integer contactsPerEpisode, Gap gap) {

    /** Why a site is not covered; NONE when it is. */
    public enum Gap {
        NONE,
        NO_CONTRACT,
        SITE_NOT_COVERED,
        JOINTS_NOT_COVERED,
        TOO_FEW_CONTACTS
    }

    /**
     * @param ofTheIcb   the commissioner's contract versions
     * @param programmes the joints the site's programme covers
     * @param sessions   sessions of the site's course: a covering version pays for at least as many contacts
     */
    public static SiteCover of(
            List<ContractVersion> ofTheIcb,
            String providerId,
            String siteId,
            Collection<Joint> programmes,
            int sessions,
            LocalDate day) {
        List<ContractVersion> inForce = ofTheIcb.stream()
                .filter(v -> v.inForceOn(day) && v.covers(providerId))
                .toList();
        if (inForce.isEmpty()) {
            return new SiteCover(false, Set.of(), null, Gap.NO_CONTRACT);
        }
        List<ContractVersion> atSite =
                inForce.stream().filter(v -> v.coversSite(siteId)).toList();
        if (atSite.isEmpty()) {
            return new SiteCover(false, Set.of(), null, Gap.SITE_NOT_COVERED);
        }
        List<ContractVersion> forJoints = atSite.stream()
                .filter(v -> programmes.stream().anyMatch(v::coversJoint))
                .toList();
        if (forJoints.isEmpty()) {
            return new SiteCover(false, Set.of(), null, Gap.JOINTS_NOT_COVERED);
        }
        List<ContractVersion> covering = forJoints.stream()
                .filter(v -> v.allowsContactsPerEpisode(sessions))
                .toList();
        if (covering.isEmpty()) {
            return new SiteCover(false, Set.of(), null, Gap.TOO_FEW_CONTACTS);
        }
        Set<Joint> joints = EnumSet.noneOf(Joint.class);
        covering.forEach(v -> programmes.stream().filter(v::coversJoint).forEach(joints::add));
        int contacts =
                covering.stream().mapToInt(v -> v.maxContactsPerEpisode).max().orElseThrow();
        return new SiteCover(true, joints, contacts, Gap.NONE);
    }
}

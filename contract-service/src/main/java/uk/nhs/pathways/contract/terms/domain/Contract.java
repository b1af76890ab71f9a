package uk.nhs.pathways.contract.terms.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import uk.nhs.pathways.events.FundingCoverage;
import uk.nhs.pathways.events.Joint;

/** A commissioner's contract for ESCAPE-pain: who may deliver, how many contacts an episode may have, when. */
@Entity
public class Contract extends PanacheEntityBase {

    @Id
    public String id;

    /** ODS code of the commissioning ICB. */
    @Column(name = "commissioner_icb")
    public String commissionerIcb;

    /** The provider it is with; null for any qualified provider. */
    @Column(name = "provider_id")
    public String providerId;

    @Enumerated(EnumType.STRING)
    public CommissioningModel model;

    /** The contract's cap on patient contacts per care episode (e.g. 4, where ESCAPE-pain needs 12). */
    @Column(name = "max_contacts_per_episode")
    public int maxContactsPerEpisode;

    @Column(name = "price_per_episode_pence")
    public Integer pricePerEpisodePence;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    /** The joints it pays courses for, e.g. {@code KNEE,HIP}; see {@link #joints()}. */
    @Column(name = "joints")
    String jointList = "KNEE,HIP";

    /**
     * A contract with the provider itself is tried before an any-qualified-provider one (the
     * commissioner negotiated it for that provider); then by id, so the choice never varies.
     */
    public static final Comparator<Contract> PROVIDER_SPECIFIC_FIRST =
            Comparator.comparing((Contract c) -> c.providerId == null).thenComparing(c -> c.id);

    /** In force on the day: from its first day to its last, both included; open-ended without an end. */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** Whether the provider may deliver under it: the provider it is with, or any qualified provider. */
    public boolean covers(String provider) {
        return providerId == null || providerId.equals(provider);
    }

    /** The joints it pays courses for, in the vocabulary's order. */
    public Set<Joint> joints() {
        EnumSet<Joint> joints = EnumSet.noneOf(Joint.class);
        Arrays.stream(jointList.split(",")).map(Joint::valueOf).forEach(joints::add);
        return joints;
    }

    /** Pays for courses for these joints (at least one). */
    public void joints(Collection<Joint> joints) {
        if (joints.isEmpty()) {
            throw new IllegalArgumentException("a contract pays for at least one joint");
        }
        jointList = EnumSet.copyOf(joints).stream().map(Joint::name).collect(Collectors.joining(","));
    }

    /** Whether it pays for a course for this joint. */
    public boolean coversJoint(Joint joint) {
        return joints().contains(joint);
    }

    /** Whether it pays for an episode of this many contacts (one contact a session). */
    public boolean allowsContactsPerEpisode(int contacts) {
        return contacts <= maxContactsPerEpisode;
    }

    /** What this contract tells a consumer of coverage: when, which joints, how many contacts. No price. */
    public FundingCoverage.Period coverPeriod() {
        return new FundingCoverage.Period(validFrom, validTo, List.copyOf(joints()), maxContactsPerEpisode);
    }

    /**
     * The full coverage of one commissioner and provider (null: any qualified provider): a period per
     * contract of that pair, earliest first; empty when none is left (a tombstone on the topic).
     */
    public static Optional<FundingCoverage> coverage(
            String commissionerIcb, String providerId, List<Contract> ofThePair) {
        if (ofThePair.isEmpty()) {
            return Optional.empty();
        }
        for (Contract c : ofThePair) {
            if (!c.commissionerIcb.equals(commissionerIcb) || !Objects.equals(c.providerId, providerId)) {
                throw new IllegalArgumentException(
                        "contract " + c.id + " is not one of " + FundingCoverage.key(commissionerIcb, providerId));
            }
        }
        List<FundingCoverage.Period> periods = ofThePair.stream()
                .sorted(Comparator.comparing((Contract c) -> c.validFrom).thenComparing(c -> c.id))
                .map(Contract::coverPeriod)
                .toList();
        return Optional.of(new FundingCoverage(commissionerIcb, providerId, periods));
    }
}

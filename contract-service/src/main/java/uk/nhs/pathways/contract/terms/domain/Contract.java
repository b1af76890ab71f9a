package uk.nhs.pathways.contract.terms.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.Comparator;

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

    /** Whether it pays for an episode of this many contacts (one contact a session). */
    public boolean allowsContactsPerEpisode(int contacts) {
        return contacts <= maxContactsPerEpisode;
    }
}

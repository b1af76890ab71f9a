package uk.nhs.pathways.contract.terms.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.LocalDate;

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

    public boolean coversProvider(String provider) {
        return providerId == null || providerId.equals(provider);
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}

package uk.nhs.pathways.contract.terms.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import uk.nhs.pathways.events.FundingCoverage;
import uk.nhs.pathways.events.Joint;

/**
 * One version of a contract's terms (the original, or an amendment), in force from {@link #validFrom} to
 * {@link #validTo}: who may deliver and where, for which joints, how many contacts an episode may have, how
 * many episodes and how much money a period allows, and how the commissioner pays. Its rules are its methods.
 */
@Entity
@Table(name = "contract_version")
@IdClass(ContractVersion.Key.class)
public class ContractVersion extends PanacheEntityBase {

    public static class Key implements Serializable {
        public String contractId;
        public int version;

        public Key() {}

        public Key(String contractId, int version) {
            this.contractId = contractId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.version == version && Objects.equals(k.contractId, contractId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(contractId, version);
        }
    }

    @Id
    @Column(name = "contract_id")
    public String contractId;

    /** 1 for the original terms, then each amendment's number. */
    @Id
    public int version;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "contract_id", insertable = false, updatable = false)
    public Contract contract;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    /** Null: open-ended. */
    @Column(name = "valid_to")
    public LocalDate validTo;

    /** Comma-separated; null for any qualified provider. */
    @Column(name = "provider_ids")
    String providerList;

    /** Comma-separated; null for every site of its providers. */
    @Column(name = "site_ids")
    String siteList;

    @Column(name = "joints")
    String jointList = "KNEE,HIP";

    // The lists above, parsed once: decisions ask them for every proposal.
    @Transient
    private List<String> providers;

    @Transient
    private List<String> sites;

    @Transient
    private Set<Joint> jointSet;

    /** The cap on patient contacts per care episode (e.g. 4, where ESCAPE-pain needs 12). */
    @Column(name = "max_contacts_per_episode")
    public int maxContactsPerEpisode;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_model")
    public PaymentModel paymentModel;

    /** ACTIVITY: per episode started; PRIME_SUB_CONTRACT: what the commissioner reimburses the prime per course. */
    @Column(name = "price_per_episode_pence")
    public Long pricePerEpisodePence;

    /** OUTCOME_BASED: per course completed. */
    @Column(name = "price_per_completion_pence")
    public Long pricePerCompletionPence;

    /** OUTCOME_BASED: per responder at the follow-up measure. */
    @Column(name = "price_per_responder_pence")
    public Long pricePerResponderPence;

    /** BLOCK: the fixed amount per {@link #capPeriod}. */
    @Column(name = "block_amount_pence")
    public Long blockAmountPence;

    /** PRIME_SUB_CONTRACT: the prime contractor the commissioner pays. */
    @Column(name = "prime_contractor_id")
    public String primeContractorId;

    /** PRIME_SUB_CONTRACT: what the prime pays its sub-contracted provider per course. */
    @Column(name = "sub_contract_price_pence")
    public Long subContractPricePencePerEpisode;

    @Enumerated(EnumType.STRING)
    @Column(name = "cap_period")
    public CapPeriod capPeriod = CapPeriod.QUARTER;

    /** Episodes a period may fund; null: no volume cap. */
    @Column(name = "max_episodes_per_period")
    public Integer maxEpisodesPerPeriod;

    /** Money a period may commit, in pence; null: no budget cap. */
    @Column(name = "budget_pence_per_period")
    public Long budgetPencePerPeriod;

    /**
     * A version with its providers' own terms is tried before an any-qualified-provider one (the commissioner
     * negotiated it for them); then by contract id, so the choice never varies.
     */
    public static final Comparator<ContractVersion> PROVIDER_SPECIFIC_FIRST =
            Comparator.comparing(ContractVersion::anyQualifiedProvider).thenComparing(v -> v.contractId);

    // ---- rules --------------------------------------------------------------------------------------

    /** In force on the day: from its first day to its last, both included; open-ended without an end. */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** Whether its days and another's share at least one. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        boolean startsBeforeOtherEnds = to == null || !validFrom.isAfter(to);
        boolean endsAfterOtherStarts = validTo == null || !validTo.isBefore(from);
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }

    public boolean anyQualifiedProvider() {
        return providerList == null;
    }

    /** Whether the provider may deliver under it: one of its providers, or any qualified provider. */
    public boolean covers(String provider) {
        return anyQualifiedProvider() || providerIds().contains(provider);
    }

    /** Whether it pays for episodes at the site: it names no sites (all of them), or names this one. */
    public boolean coversSite(String siteId) {
        return siteList == null || siteIds().contains(siteId);
    }

    /** Whether it pays for a course for this joint. */
    public boolean coversJoint(Joint joint) {
        return joints().contains(joint);
    }

    /** Whether it pays for an episode of this many contacts (one contact a session). */
    public boolean allowsContactsPerEpisode(int contacts) {
        return contacts <= maxContactsPerEpisode;
    }

    /** The period its caps count the day in. */
    public Period periodOf(LocalDate day) {
        return capPeriod.containing(day);
    }

    /**
     * What one funded episode commits against the budget: the most the commissioner can come to pay for it.
     * Nothing for a block (its amount is paid whatever the activity); the price per episode for activity; a
     * completion and a responder for outcome-based; the commissioner's reimbursement for prime/sub-contract.
     */
    public long expectedCostPence() {
        return switch (paymentModel) {
            case BLOCK -> 0;
            case ACTIVITY, PRIME_SUB_CONTRACT -> orZero(pricePerEpisodePence);
            case OUTCOME_BASED -> orZero(pricePerCompletionPence) + orZero(pricePerResponderPence);
        };
    }

    /** PRIME_SUB_CONTRACT: what the prime pays its provider per course (the commissioner's price without one). */
    public long subContractPricePence() {
        return subContractPricePencePerEpisode != null ? subContractPricePencePerEpisode : orZero(pricePerEpisodePence);
    }

    static long orZero(Long pence) {
        return pence == null ? 0 : pence;
    }

    // ---- lists kept as text -------------------------------------------------------------------------

    /** Its providers; empty for any qualified provider. */
    public List<String> providerIds() {
        if (providers == null) {
            providers = split(providerList);
        }
        return providers;
    }

    /** @param providers null or empty: any qualified provider */
    public void providerIds(Collection<String> providers) {
        providerList = join(providers);
        this.providers = null;
    }

    /** The sites it names; empty: every site of its providers. */
    public List<String> siteIds() {
        if (sites == null) {
            sites = split(siteList);
        }
        return sites;
    }

    /** @param sites null or empty: every site of its providers */
    public void siteIds(Collection<String> sites) {
        siteList = join(sites);
        this.sites = null;
    }

    public boolean namesSites() {
        return siteList != null;
    }

    /** The joints it pays courses for, in the vocabulary's order. */
    public Set<Joint> joints() {
        if (jointSet == null) {
            EnumSet<Joint> joints = EnumSet.noneOf(Joint.class);
            Arrays.stream(jointList.split(",")).map(Joint::valueOf).forEach(joints::add);
            jointSet = Collections.unmodifiableSet(joints);
        }
        return jointSet;
    }

    /** Pays for courses for these joints; null or empty: both. */
    public void joints(Collection<Joint> joints) {
        jointList = (joints == null || joints.isEmpty() ? EnumSet.allOf(Joint.class) : EnumSet.copyOf(joints))
                .stream().map(Joint::name).collect(Collectors.joining(","));
        jointSet = null;
    }

    private static List<String> split(String list) {
        return list == null ? List.of() : List.of(list.split(","));
    }

    private static String join(Collection<String> ids) {
        return ids == null || ids.isEmpty()
                ? null
                : ids.stream().distinct().sorted().collect(Collectors.joining(","));
    }

    /** What coverage tells a consumer: when, which joints, how many contacts. No price. */
    public FundingCoverage.Period coverPeriod() {
        return new FundingCoverage.Period(validFrom, validTo, List.copyOf(joints()), maxContactsPerEpisode);
    }

    /** The same terms, not persisted: what-if scenarios change copies, never the contract. */
    public ContractVersion copy() {
        ContractVersion c = new ContractVersion();
        c.contractId = contractId;
        c.version = version;
        c.contract = contract;
        c.validFrom = validFrom;
        c.validTo = validTo;
        c.providerList = providerList;
        c.siteList = siteList;
        c.jointList = jointList;
        c.maxContactsPerEpisode = maxContactsPerEpisode;
        c.paymentModel = paymentModel;
        c.pricePerEpisodePence = pricePerEpisodePence;
        c.pricePerCompletionPence = pricePerCompletionPence;
        c.pricePerResponderPence = pricePerResponderPence;
        c.blockAmountPence = blockAmountPence;
        c.primeContractorId = primeContractorId;
        c.subContractPricePencePerEpisode = subContractPricePencePerEpisode;
        c.capPeriod = capPeriod;
        c.maxEpisodesPerPeriod = maxEpisodesPerPeriod;
        c.budgetPencePerPeriod = budgetPencePerPeriod;
        return c;
    }

    /** The commissioning ICB, from its contract. */
    public String commissionerIcb() {
        return contract.commissionerIcb;
    }
}

package uk.nhs.pathways.contract.terms.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.exception.ConstraintViolationException;
import uk.nhs.pathways.contract.terms.domain.CapPeriod;
import uk.nhs.pathways.contract.terms.domain.Contract;
import uk.nhs.pathways.contract.terms.domain.ContractChanged;
import uk.nhs.pathways.contract.terms.domain.ContractVersion;
import uk.nhs.pathways.contract.terms.domain.PaymentModel;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.platform.problem.ProblemException;

/**
 * Registering, amending, ending and deleting commissioning contracts. Each change republishes the coverage of
 * every commissioner and provider pair it touches and, in the same transaction, has the referrals it affects
 * checked again ({@link ContractChanged}).
 */
@ApplicationScoped
public class Contracts {

    /**
     * One version's terms. Money in pence.
     *
     * @param providerIds null or empty: any qualified provider
     * @param siteIds     null or empty: every site of its providers
     * @param joints      null or empty: both joints
     * @param capPeriod   null: a quarter
     */
    public record Terms(
            LocalDate validFrom,
            LocalDate validTo,
            Collection<String> providerIds,
            Collection<String> siteIds,
            PaymentModel model,
            Set<Joint> joints,
            int maxContactsPerEpisode,
            Long pricePerEpisodePence,
            Long pricePerCompletionPence,
            Long pricePerResponderPence,
            Long blockAmountPence,
            String primeContractorId,
            Long subContractPricePerEpisodePence,
            CapPeriod capPeriod,
            Integer maxEpisodesPerPeriod,
            Long budgetPencePerPeriod) {

        public ContractVersion toVersion() {
            ContractVersion v = new ContractVersion();
            v.validFrom = validFrom;
            v.validTo = validTo;
            v.providerIds(providerIds);
            v.siteIds(siteIds);
            v.paymentModel = model;
            v.joints(joints);
            v.maxContactsPerEpisode = maxContactsPerEpisode;
            v.pricePerEpisodePence = pricePerEpisodePence;
            v.pricePerCompletionPence = pricePerCompletionPence;
            v.pricePerResponderPence = pricePerResponderPence;
            v.blockAmountPence = blockAmountPence;
            v.primeContractorId = primeContractorId;
            v.subContractPricePencePerEpisode = subContractPricePerEpisodePence;
            v.capPeriod = capPeriod == null ? CapPeriod.QUARTER : capPeriod;
            v.maxEpisodesPerPeriod = maxEpisodesPerPeriod;
            v.budgetPencePerPeriod = budgetPencePerPeriod;
            return v;
        }
    }

    @Inject
    CoveragePublisher coverage;

    @Inject
    Event<ContractChanged> changes;

    @Transactional
    public Contract register(String id, String commissionerIcb, Terms terms) {
        if (Contract.findById(id) != null) {
            throw ProblemException.conflict("contract " + id + " already exists");
        }
        Contract contract = new Contract();
        contract.id = id;
        contract.commissionerIcb = commissionerIcb;
        contract.amend(terms.toVersion(), false);
        contract.persist();
        try {
            Contract.flush();
        } catch (ConstraintViolationException registeredMeanwhile) {
            throw ProblemException.conflict("contract " + id + " already exists");
        }
        changed(contract, Set.of(), ContractChanged.Change.REGISTERED);
        return contract;
    }

    /** Adds a version (an amendment); see {@link Contract#amend}. */
    @Transactional
    public Contract amend(String id, Terms terms, boolean supersede) {
        Contract contract = locked(id);
        Set<String> before = contract.providersNamed();
        contract.amend(terms.toVersion(), supersede);
        changed(contract, before, ContractChanged.Change.AMENDED);
        return contract;
    }

    /** Ends the contract after a day; see {@link Contract#end}. */
    @Transactional
    public Contract end(String id, LocalDate lastDay) {
        Contract contract = locked(id);
        if (contract.end(lastDay)) {
            changed(contract, Set.of(), ContractChanged.Change.ENDED);
        }
        return contract;
    }

    /**
     * Deletes a contract entered by mistake. One a funding decision or an issued statement names is part of the
     * record, so it stays (409).
     */
    @Transactional
    public void delete(String id) {
        Contract contract = locked(id);
        Set<String> providers = contract.providersNamed();
        contract.delete();
        try {
            Contract.flush();
        } catch (ConstraintViolationException namedByADecision) {
            throw ProblemException.conflict(
                    "contract " + id + " funded a referral or has issued statements, so it stays as the record of why");
        }
        providers.forEach(provider -> coverage.publish(contract.commissionerIcb, provider));
    }

    /** All contracts, or one commissioner's. */
    public List<Contract> list(String commissionerIcb) {
        return commissionerIcb == null
                ? Contract.listAll(Sort.by("id"))
                : Contract.list("commissionerIcb", Sort.by("id"), commissionerIcb);
    }

    private Contract locked(String id) {
        Contract contract = Contract.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (contract == null) {
            throw ProblemException.notFound("contract " + id);
        }
        return contract;
    }

    /** Coverage of every pair named before or after, then the referrals it affects. */
    private void changed(Contract contract, Set<String> providersBefore, ContractChanged.Change change) {
        Contract.flush();
        Set<String> providers = new LinkedHashSet<>(providersBefore);
        providers.addAll(contract.providersNamed());
        providers.forEach(provider -> coverage.publish(contract.commissionerIcb, provider));
        changes.fire(new ContractChanged(contract.id, contract.commissionerIcb, change));
    }
}

package uk.nhs.pathways.contract.terms.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hibernate.exception.ConstraintViolationException;
import uk.nhs.pathways.contract.terms.domain.CommissioningModel;
import uk.nhs.pathways.contract.terms.domain.Contract;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.platform.problem.ProblemException;

/** Registering, reading and deleting commissioning contracts; each change republishes the pair's coverage. */
@ApplicationScoped
public class Contracts {

    /** @param joints null or empty: both joints */
    public record NewContract(
            String id,
            String commissionerIcb,
            String providerId,
            CommissioningModel model,
            Set<Joint> joints,
            int maxContactsPerEpisode,
            Integer pricePerEpisodePence,
            LocalDate validFrom,
            LocalDate validTo) {}

    @Inject
    CoveragePublisher coverage;

    @Transactional
    public Contract register(NewContract c) {
        if (Contract.findById(c.id()) != null) {
            throw ProblemException.conflict("contract " + c.id() + " already exists");
        }
        if (c.validTo() != null && c.validTo().isBefore(c.validFrom())) {
            throw ProblemException.badField("validTo", "must not be before validFrom");
        }
        Contract contract = new Contract();
        contract.id = c.id();
        contract.commissionerIcb = c.commissionerIcb();
        contract.providerId = c.providerId();
        contract.model = c.model();
        contract.joints(c.joints() == null || c.joints().isEmpty() ? EnumSet.allOf(Joint.class) : c.joints());
        contract.maxContactsPerEpisode = c.maxContactsPerEpisode();
        contract.pricePerEpisodePence = c.pricePerEpisodePence();
        contract.validFrom = c.validFrom();
        contract.validTo = c.validTo();
        contract.persist();
        coverage.publish(contract.commissionerIcb, contract.providerId);
        return contract;
    }

    /**
     * Deletes a contract entered by mistake. One a funding decision names is part of the record of why
     * a referral was funded, so it stays (409).
     */
    @Transactional
    public void delete(String id) {
        Contract contract = Contract.findById(id);
        if (contract == null) {
            throw ProblemException.notFound("contract " + id);
        }
        contract.delete();
        try {
            Contract.flush();
        } catch (ConstraintViolationException namedByADecision) {
            throw ProblemException.conflict("contract " + id + " funded a referral, so it stays as the record of why");
        }
        coverage.publish(contract.commissionerIcb, contract.providerId);
    }

    /** All contracts, or one commissioner's. */
    public List<Contract> list(String commissionerIcb) {
        return commissionerIcb == null
                ? Contract.listAll(Sort.by("id"))
                : Contract.list("commissionerIcb", Sort.by("id"), commissionerIcb);
    }
}

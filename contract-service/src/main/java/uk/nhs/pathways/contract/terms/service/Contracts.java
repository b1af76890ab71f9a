package uk.nhs.pathways.contract.terms.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import uk.nhs.pathways.contract.terms.domain.CommissioningModel;
import uk.nhs.pathways.contract.terms.domain.Contract;
import uk.nhs.pathways.platform.problem.ProblemException;

/** Registering and reading commissioning contracts. */
@ApplicationScoped
public class Contracts {

    public record NewContract(
            String id,
            String commissionerIcb,
            String providerId,
            CommissioningModel model,
            int maxContactsPerEpisode,
            Integer pricePerEpisodePence,
            LocalDate validFrom,
            LocalDate validTo) {}

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
        contract.maxContactsPerEpisode = c.maxContactsPerEpisode();
        contract.pricePerEpisodePence = c.pricePerEpisodePence();
        contract.validFrom = c.validFrom();
        contract.validTo = c.validTo();
        contract.persist();
        return contract;
    }

    /** All contracts, or one commissioner's. */
    public List<Contract> list(String commissionerIcb) {
        return commissionerIcb == null
                ? Contract.listAll(Sort.by("id"))
                : Contract.list("commissionerIcb", Sort.by("id"), commissionerIcb);
    }
}

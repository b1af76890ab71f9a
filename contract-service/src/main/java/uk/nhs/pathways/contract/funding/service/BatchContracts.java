package uk.nhs.pathways.contract.funding.service;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.nhs.pathways.contract.terms.domain.ContractVersion;

/**
 * Every commissioner's contract versions, read once per transaction: a consumer's batch is one transaction, so
 * a batch of hundreds of proposals asks the database for the terms once, not once a proposal.
 */
@TransactionScoped
public class BatchContracts implements Serializable {

    private transient Map<String, List<ContractVersion>> byIcb;

    /** The ICB's contract versions (with their contracts), as this transaction sees them. */
    public List<ContractVersion> of(String commissionerIcb) {
        if (byIcb == null) {
            byIcb = new HashMap<>();
            for (ContractVersion v :
                    ContractVersion.<ContractVersion>list("from ContractVersion v join fetch v.contract")) {
                byIcb.computeIfAbsent(v.commissionerIcb(), icb -> new ArrayList<>())
                        .add(v);
            }
        }
        return byIcb.getOrDefault(commissionerIcb, List.of());
    }
}

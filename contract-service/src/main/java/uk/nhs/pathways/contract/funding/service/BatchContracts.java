package uk.nhs.pathways.contract.funding.service;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.nhs.pathways.contract.terms.domain.ContractVersion;

/**
 * Each commissioner's contract versions, read once per transaction: a consumer's batch is one transaction, so
 * a batch of a thousand proposals asks the database for each ICB's terms once, not a thousand times.
 */
@TransactionScoped
public class BatchContracts implements Serializable {

    private transient Map<String, List<ContractVersion>> byIcb;

    /** The ICB's contract versions (with their contracts), as this transaction sees them. */
    public List<ContractVersion> of(String commissionerIcb) {
        if (byIcb == null) {
            byIcb = new HashMap<>();
        }
        return byIcb.computeIfAbsent(
                commissionerIcb,
                icb -> ContractVersion.list(
                        "from ContractVersion v join fetch v.contract c where c.commissionerIcb = ?1", icb));
    }
}

package uk.nhs.pathways.contract;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import uk.nhs.pathways.platform.security.Caller;
import uk.nhs.pathways.platform.security.Roles;

/** Whose contracts and funding decisions the caller sees: a commissioner its own ICB's, an admin every ICB's. */
@ApplicationScoped
public class CommissionerScope {

    @Inject
    Caller caller;

    /** The caller's ICB; empty for an admin. */
    public Optional<String> icb() {
        return caller.is(Roles.ADMIN) ? Optional.empty() : Optional.of(caller.requireOrganisation());
    }

    /** Whether the caller may see (or, with the role, change) what belongs to this ICB. */
    public boolean covers(String commissionerIcb) {
        return icb().map(own -> own.equals(commissionerIcb)).orElse(true);
    }
}

package uk.nhs.pathways.referral.lifecycle.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.platform.problem.ProblemException;

/** A move the referral's lifecycle does not allow from where it stands: 409, and nothing changes. */
public class IllegalTransition extends ProblemException {

    private final ReferralStatus from;
    private final ReferralStatus to;

    /** @param only when the table allows the move but not this way of making it: which way does */
    IllegalTransition(UUID referral, ReferralStatus from, ReferralStatus to, Set<ReferralStatus> allowed, String only) {
        super(
                409,
                "Conflict",
                "referral " + referral + " is " + (from == null ? "not yet submitted" : from)
                        + " and cannot become " + to + (only == null ? "" : " by this move (" + only + ")") + "; "
                        + (allowed.isEmpty()
                                ? "it is final"
                                : "it can only become "
                                        + allowed.stream().map(Enum::name).collect(Collectors.joining(" or "))),
                List.of());
        this.from = from;
        this.to = to;
    }

    public ReferralStatus from() {
        return from;
    }

    public ReferralStatus to() {
        return to;
    }
}

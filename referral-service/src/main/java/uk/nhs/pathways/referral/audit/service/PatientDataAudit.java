package uk.nhs.pathways.referral.audit.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import uk.nhs.pathways.referral.audit.domain.AuditEvent;

/**
 * Records every read or change of a referral's patient data, in the transaction that reads or changes
 * it: if the record cannot be written, the access does not happen.
 */
@ApplicationScoped
public class PatientDataAudit {

    /** Who is acting: a token's subject, role and organisation, or the service itself. */
    public record Actor(String user, String role, String organisation) {
        public static Actor system(String cause) {
            return new Actor("system:" + cause, "system", null);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, AuditEvent.Action action, UUID referralId, String detail) {
        AuditEvent event = new AuditEvent();
        event.actor = actor.user();
        event.actorRole = actor.role();
        event.organisation = actor.organisation();
        event.action = action;
        event.referralId = referralId;
        event.detail = detail;
        event.persist();
    }
}
